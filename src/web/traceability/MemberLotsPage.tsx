import { Alert, Anchor, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { LoadError, PageLoader } from '../app/feedback.js';
import { followLink, membersPath, traceabilityPath, useSearch } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { numberLocale } from '../shared/format.js';
import { ModuleHeader } from '../shared/ModuleHeader.js';
import { useMemberLots } from './api.js';
import { kgText } from './LotTracePage.js';

/** `/o/:slug/traceability/members/:n[?plot=…]`: every lot a member's (or a plot's) coffee went into. */
export function MemberLotsPage({ org, memberNumber }: { org: Org; memberNumber: string }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.resolvedLanguage ?? 'es', org.country);
  const plot = new URLSearchParams(useSearch()).get('plot');
  const query = useMemberLots(org.slug, memberNumber, plot);
  const title = query.data
    ? query.data.plot
      ? t('traceability.member.headingPlot', { plot: query.data.plot.name })
      : t('traceability.member.heading', { name: query.data.name })
    : memberNumber;
  useDocumentTitle(title, org.name);
  const back = { href: traceabilityPath(org.slug), label: t('traceability.back') };
  if (query.isError)
    return (
      <Stack>
        <ModuleHeader orgName={org.name} title={memberNumber} back={back} navLabel="" />
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  if (!query.data) return <PageLoader />;
  const data = query.data;
  return (
    <Stack gap="md">
      <ModuleHeader orgName={org.name} title={title} back={back} navLabel={t('traceability.title')} />
      <Text>
        <Anchor href={membersPath(org.slug, { view: 'detail', memberNumber })} onClick={followLink}>
          {data.memberNumber} · {data.name}
        </Anchor>
      </Text>
      {data.lots.length === 0 ? (
        <Alert color="gray">{t('traceability.member.none')}</Alert>
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Table striped miw={480}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('traceability.col.code')}</Table.Th>
                <Table.Th>{t('traceability.col.organization')}</Table.Th>
                <Table.Th>{t('traceability.col.product')}</Table.Th>
                <Table.Th>{t('traceability.col.level')}</Table.Th>
                <Table.Th ta="right">{t('traceability.member.kgFrom')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.lots.map((l) => (
                <Table.Tr key={`${l.orgSlug}/${l.code}`}>
                  <Table.Td>
                    {l.orgSlug === org.slug ? (
                      <Anchor
                        href={traceabilityPath(org.slug, { view: 'lot', code: l.code })}
                        onClick={followLink}
                      >
                        {l.code}
                      </Anchor>
                    ) : (
                      l.code
                    )}
                  </Table.Td>
                  <Table.Td>{l.orgName}</Table.Td>
                  <Table.Td>{t(`traceability.product.${l.product}` as never)}</Table.Td>
                  <Table.Td>
                    {l.depth === 1
                      ? t('traceability.member.depth1')
                      : t('traceability.member.depthN', { depth: l.depth })}
                  </Table.Td>
                  <Table.Td ta="right">{kgText(locale, l.kg)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Stack>
  );
}
