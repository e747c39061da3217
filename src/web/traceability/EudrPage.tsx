import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import type { EudrPackageView } from '../../traceability/traceability.contract.js';
import { LoadError, PageLoader, problemMessage } from '../app/feedback.js';
import { traceabilityPath } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formatNumber, numberLocale } from '../shared/format.js';
import { ModuleHeader } from '../shared/ModuleHeader.js';
import {
  canWriteLots,
  packageBase,
  useEudrPackages,
  useGenerateEudrPackage,
  useRecordDdsReference,
} from './api.js';
import { kgText, percent } from './LotTracePage.js';

const SEVERITY_COLOR = { left_out: 'orange', blocking: 'red', review: 'yellow' } as const;

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;

/** `/o/:slug/traceability/lots/:code/eudr`: the lot's EUDR package — summary, plots to visit, downloads, DDS reference. */
export function EudrPage({ org, code }: { org: Org; code: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('traceability.eudr.title', { code }), org.name);
  const packages = useEudrPackages(org.slug, code);
  const generate = useGenerateEudrPackage(org.slug, code);
  const write = canWriteLots(org);
  const back = { href: traceabilityPath(org.slug, { view: 'lot', code }), label: code };
  const latest = packages.data?.items[0];
  return (
    <Stack gap="md">
      <ModuleHeader
        orgName={org.name}
        title={t('traceability.eudr.title', { code })}
        back={back}
        navLabel={t('traceability.title')}
        actions={
          write && (
            <Button loading={generate.isPending} onClick={() => generate.mutate()}>
              {latest ? t('traceability.eudr.regenerate') : t('traceability.eudr.generate')}
            </Button>
          )
        }
      />
      <Text size="sm">{t('traceability.eudr.intro')}</Text>
      {generate.error && <Alert color="red">{problemMessage(generate.error, t)}</Alert>}
      {packages.isError ? (
        <LoadError error={packages.error} onRetry={() => void packages.refetch()} />
      ) : !packages.data ? (
        <PageLoader />
      ) : !latest ? (
        <Alert color="gray">{t('traceability.eudr.none')}</Alert>
      ) : (
        <PackageDetail org={org} code={code} pkg={latest} write={write} />
      )}
      {packages.data && packages.data.items.length > 1 && (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h5" mb="xs">
            {t('traceability.eudr.history')}
          </Title>
          <List size="sm">
            {packages.data.items.slice(1).map((p) => (
              <List.Item key={p.id}>
                {new Date(p.generatedAt).toLocaleString()} · {p.generatedBy} ·{' '}
                <Anchor href={`${packageBase(org.slug, p.id)}/package.pdf`} target="_blank">
                  PDF
                </Anchor>{' '}
                · <code>{p.sha256.slice(0, 12)}</code>
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}

function PackageDetail({
  org,
  code,
  pkg,
  write,
}: {
  org: Org;
  code: string;
  pkg: EudrPackageView;
  write: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.resolvedLanguage ?? 'es', org.country);
  const base = packageBase(org.slug, pkg.id);
  return (
    <Stack gap="md">
      <Alert color={pkg.complete ? 'green' : 'orange'} title={t('traceability.eudr.summary')}>
        {pkg.complete ? t('traceability.eudr.complete') : t('traceability.eudr.incomplete')}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
        <Fact
          label={t('traceability.eudr.producers')}
          value={`${pkg.producersIncluded} / ${pkg.producers}`}
        />
        <Fact label={t('traceability.eudr.plots')} value={`${pkg.plotsIncluded} / ${pkg.plots}`} />
        <Fact label={t('traceability.eudr.area')} value={`${formatNumber(locale, pkg.areaHa, 2)} ha`} />
        <Fact label={t('traceability.eudr.netMass')} value={`${kgText(locale, pkg.netKg)} kg`} />
        <Fact label={t('traceability.eudr.covered')} value={percent(locale, pkg.completeShareBp)} />
        <Fact label={t('traceability.eudr.harvest')} value={`${pkg.harvestStart} — ${pkg.harvestEnd}`} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {t('traceability.eudr.generatedAt')}: {new Date(pkg.generatedAt).toLocaleString()} · {pkg.generatedBy}{' '}
        · {t('traceability.eudr.keepUntil')}: {pkg.keepUntil} · {t('traceability.eudr.hash')}:{' '}
        <code>{pkg.sha256}</code>
      </Text>

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('traceability.eudr.problems', { count: pkg.problems.length })}
        </Title>
        {pkg.problems.length === 0 ? (
          <Text>{t('traceability.eudr.noProblems')}</Text>
        ) : (
          <ScrollArea type="auto" offsetScrollbars>
            <Table striped miw={560}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('traceability.col.member')}</Table.Th>
                  <Table.Th>{t('traceability.col.plot')}</Table.Th>
                  <Table.Th>{t('traceability.col.status')}</Table.Th>
                  <Table.Th>{t('traceability.eudr.summary')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pkg.problems.map((p, i) => (
                  <Table.Tr key={`${p.code}/${p.memberNumber}/${p.plotName}/${i}`}>
                    <Table.Td>
                      {p.memberNumber ? `${p.memberNumber}${p.memberName ? ` · ${p.memberName}` : ''}` : '—'}
                    </Table.Td>
                    <Table.Td>{p.plotName ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge color={SEVERITY_COLOR[p.severity]} variant="light">
                        {t(`traceability.eudr.severity.${p.severity}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('traceability.eudr.downloads')}
        </Title>
        <Group gap="sm" wrap="wrap">
          {pkg.files.map((f) => (
            <Button key={f.no} component="a" href={`${base}/files/${f.no}`} variant="light" download={f.name}>
              {t('traceability.eudr.geojson', { name: f.name, size: size(f.bytes) })}
            </Button>
          ))}
          <Button component="a" href={`${base}/dds.json`} variant="light" download>
            {t('traceability.eudr.dds')}
          </Button>
          <Button component="a" href={`${base}/package.pdf`} variant="light" target="_blank">
            {t('traceability.eudr.pdf')}
          </Button>
        </Group>
      </Paper>

      <DdsReference org={org} code={code} pkg={pkg} write={write} />

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('traceability.eudr.producerLines')}
        </Title>
        <ScrollArea type="auto" offsetScrollbars>
          <Table striped miw={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('traceability.col.member')}</Table.Th>
                <Table.Th>{t('traceability.col.name')}</Table.Th>
                <Table.Th ta="right">{t('traceability.eudr.plots')}</Table.Th>
                <Table.Th ta="right">{t('traceability.col.area')}</Table.Th>
                <Table.Th ta="right">{t('traceability.col.kg')}</Table.Th>
                <Table.Th ta="right">{t('traceability.col.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pkg.producerLines.map((l) => (
                <Table.Tr key={l.memberNumber}>
                  <Table.Td>{l.memberNumber}</Table.Td>
                  <Table.Td>
                    {l.name}
                    {!l.complete && (
                      <Badge ml="xs" color="orange" variant="light" size="sm">
                        {t('traceability.eudr.severity.left_out')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {l.plotsIncluded} / {l.plots}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(locale, l.areaHa, 2)}</Table.Td>
                  <Table.Td ta="right">{kgText(locale, l.massKg)}</Table.Td>
                  <Table.Td ta="right">{percent(locale, l.shareBp)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>
    </Stack>
  );
}

function DdsReference({
  org,
  code,
  pkg,
  write,
}: {
  org: Org;
  code: string;
  pkg: EudrPackageView;
  write: boolean;
}) {
  const { t } = useTranslation();
  const record = useRecordDdsReference(org.slug, code);
  const [reference, setReference] = useState('');
  const [verification, setVerification] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(
      {
        packageId: pkg.id,
        referenceNumber: reference,
        ...(verification.trim() && { verificationNumber: verification }),
      },
      { onSuccess: () => setReference('') },
    );
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('traceability.eudr.ddsReference')}
        </Title>
        {pkg.ddsReference && (
          <Text fw={600}>
            {t('traceability.eudr.currentReference', {
              ref: `${pkg.ddsReference.referenceNumber}${pkg.ddsReference.verificationNumber ? ` / ${pkg.ddsReference.verificationNumber}` : ''}`,
            })}
          </Text>
        )}
        {write && (
          <form onSubmit={submit}>
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t('traceability.eudr.ddsReference')}
                description={t('traceability.eudr.ddsReferenceHint')}
                value={reference}
                onChange={(e) => setReference(e.currentTarget.value)}
                autoCapitalize="characters"
                required
                style={{ flex: '2 1 220px' }}
              />
              <TextInput
                label={t('traceability.eudr.verification')}
                value={verification}
                onChange={(e) => setVerification(e.currentTarget.value)}
                autoCapitalize="characters"
                style={{ flex: '1 1 160px' }}
              />
              <Button type="submit" loading={record.isPending}>
                {t('traceability.eudr.saveReference')}
              </Button>
            </Group>
          </form>
        )}
        {record.error && <Alert color="red">{problemMessage(record.error, t)}</Alert>}
      </Stack>
    </Paper>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Paper>
  );
}
