import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  List,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Timeline,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CertificationView as Certification,
  ConsentView as Consent,
  InspectionView as Inspection,
  MemberView as Member,
  PlotView as Plot,
  StandingView as Standing,
  StatusChangeView as StatusChange,
} from '../../members/members.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { CONSENT_KINDS } from '../../shared/enums.js';
import { followLink, membersPath } from '../app/router.js';
import {
  formatDay,
  formatHectares,
  formatMoment,
  formatMoney,
  formatNumber,
  numberLocale,
  statusName,
} from '../shared/format.js';
import { Field, NotSet, Section } from '../shared/ui.js';
import {
  certStatusName,
  consentKindName,
  inspectionResultName,
  nationalIdTypeName,
  paymentMethodName,
  plotFlagHelp,
  plotFlagName,
  schemeName,
  severityName,
  sexName,
  shadeName,
  tenureName,
} from './labels.js';
import { PlotMap } from './map/PlotMap.js';
import type { MapPlot } from './map/types.js';

const MOBILE_QUERY = '(max-width: 47.99em)';
const NUMERIC = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

function useLocales(org: Org) {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'es';
  return { lang, locale: numberLocale(lang, org.country) };
}

function orNotSet(value: ReactNode) {
  return value === null || value === undefined || value === '' ? <NotSet /> : value;
}

/** Why a member is or is not "hábil" (may vote, be elected, get credit) today. */
export function StandingNotice({ standing, org }: { standing: Standing; org: Org }) {
  const { t } = useTranslation();
  const { lang } = useLocales(org);
  if (standing.inGoodStanding) {
    return (
      <Text size="sm" c="dimmed">
        {t('standing.goodAsOf', { date: formatDay(lang, standing.asOf) })}
      </Text>
    );
  }
  return (
    <Alert color="red" variant="light" title={t('standing.notGoodTitle')} p="sm">
      {standing.reasons.length > 0 ? (
        <List size="sm" spacing={2}>
          {standing.reasons.map((r) => (
            <List.Item key={r.code}>{r.message}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">{t('standing.noReason')}</Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {t('standing.asOf', { date: formatDay(lang, standing.asOf) })}
      </Text>
    </Alert>
  );
}

export function PersonalSection({ member, org, actions }: { member: Member; org: Org; actions?: ReactNode }) {
  const { t } = useTranslation();
  const { lang } = useLocales(org);
  const place = [member.community, member.district, member.province, member.region]
    .filter(Boolean)
    .join(', ');
  return (
    <Section id="personal" title={t('memberDetail.personal')} actions={actions}>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm" m={0}>
        <Field label={t('memberForm.memberNumber')}>{member.memberNumber}</Field>
        <Field label={t('memberDetail.nationalId')}>
          {member.nationalId ? (
            `${nationalIdTypeName(t, member.nationalIdType)} ${member.nationalId}`
          ) : (
            <NotSet />
          )}
        </Field>
        <Field label={t('memberForm.sex')}>{orNotSet(member.sex ? sexName(t, member.sex) : null)}</Field>
        <Field label={t('memberForm.birthDate')}>
          {member.birthDate ? (
            <>
              {formatDay(lang, member.birthDate)}
              {member.age !== null && ` (${t('members.ageYears', { count: member.age })})`}
            </>
          ) : (
            <NotSet />
          )}
        </Field>
        <Field label={t('memberForm.phone')}>
          {member.phone ? (
            <Anchor href={`tel:${member.phone.replace(/\s/g, '')}`}>{member.phone}</Anchor>
          ) : (
            <NotSet />
          )}
        </Field>
        <Field label={t('memberForm.householdSize')}>{orNotSet(member.householdSize)}</Field>
        <Field label={t('memberDetail.place')}>{orNotSet(place)}</Field>
        <Field label={t('memberForm.joinDate')}>
          {orNotSet(member.joinDate ? formatDay(lang, member.joinDate) : null)}
        </Field>
      </SimpleGrid>
    </Section>
  );
}

export function MoneySection({ member, org }: { member: Member; org: Org }) {
  const { t } = useTranslation();
  const { locale } = useLocales(org);
  const money = (amount: string) => formatMoney(locale, member.currency, amount);
  const subscribed = Number(member.shareCapitalSubscribed);
  const paid = Number(member.shareCapitalPaid);
  const share = subscribed > 0 ? Math.min(100, (paid / subscribed) * 100) : null;
  return (
    <Section id="money" title={t('memberDetail.money')}>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm" m={0}>
        <Field label={t('memberDetail.entryFee')}>{money(member.entryFee)}</Field>
        <Field label={t('memberDetail.shareCapitalSubscribed')}>{money(member.shareCapitalSubscribed)}</Field>
        <Field label={t('memberDetail.shareCapitalPaid')}>
          {money(member.shareCapitalPaid)}
          {share !== null && (
            <>
              <Text span size="sm" c="dimmed" fw={400}>
                {' '}
                ({t('memberDetail.paidShare', { percent: formatNumber(locale, share, 0) })})
              </Text>
              <Progress
                value={share}
                mt={4}
                size="sm"
                color={share >= 100 ? 'green' : 'coffee'}
                aria-label={t('memberDetail.paidShare', { percent: formatNumber(locale, share, 0) })}
              />
            </>
          )}
        </Field>
        <Field label={t('memberForm.paymentMethod')}>{paymentMethodName(t, member.paymentMethod)}</Field>
        {member.paymentMethod === 'bank' && (
          <>
            <Field label={t('memberForm.bankName')}>{orNotSet(member.bankName)}</Field>
            <Field label={t('memberForm.bankAccount')}>{orNotSet(member.bankAccount)}</Field>
          </>
        )}
        {member.paymentMethod === 'mobile_wallet' && (
          <Field label={t('memberForm.walletPhone')}>{orNotSet(member.walletPhone)}</Field>
        )}
      </SimpleGrid>
    </Section>
  );
}

/** The latest decision of each kind, then every recorded one: who recorded it and when. */
export function ConsentsSection({
  consents,
  org,
  actions,
}: {
  consents: Consent[];
  org: Org;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const { lang } = useLocales(org);
  const ordered = [...consents].sort(
    (a, b) => b.effectiveDate.localeCompare(a.effectiveDate) || b.recordedAt.localeCompare(a.recordedAt),
  );
  return (
    <Section id="consents" title={t('consents.title')} actions={actions}>
      <Stack gap="sm">
        {CONSENT_KINDS.map((kind) => {
          const latest = ordered.find((c) => c.kind === kind);
          const all = ordered.filter((c) => c.kind === kind);
          return (
            <Box key={kind}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text fw={600}>{consentKindName(t, kind)}</Text>
                <Badge
                  color={latest ? (latest.granted ? 'green' : 'red') : 'gray'}
                  variant="light"
                  radius="sm"
                  tt="none"
                >
                  {latest
                    ? latest.granted
                      ? t('consents.granted')
                      : t('consents.refused')
                    : t('consents.none')}
                </Badge>
              </Group>
              {all.length > 0 && (
                <List size="sm" spacing={2} mt={4} c="dimmed">
                  {all.map((c) => (
                    <List.Item key={`${c.kind}-${c.recordedAt}`}>
                      {t(c.granted ? 'consents.grantedOn' : 'consents.refusedOn', {
                        date: formatDay(lang, c.effectiveDate),
                      })}{' '}
                      {t('consents.recordedBy', {
                        who: c.recordedBy,
                        when: formatMoment(lang, c.recordedAt, org.timeZone),
                      })}
                      {c.note ? ` — ${c.note}` : ''}
                    </List.Item>
                  ))}
                </List>
              )}
            </Box>
          );
        })}
      </Stack>
    </Section>
  );
}

/** Reasons Ayni writes itself may arrive as message keys; show them in words. */
function reasonText(t: TFunction, reason: string): string {
  if (reason === 'members.reason_registered') return t('history.reasonRegistered');
  if (reason === 'members.reason_imported') return t('history.reasonImported');
  return reason;
}

export function HistorySection({
  history,
  org,
  actions,
}: {
  history: StatusChange[] | undefined;
  org: Org;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const { lang } = useLocales(org);
  const items = useMemo(
    () =>
      [...(history ?? [])].sort(
        (a, b) => b.effectiveDate.localeCompare(a.effectiveDate) || b.recordedAt.localeCompare(a.recordedAt),
      ),
    [history],
  );
  return (
    <Section id="history" title={t('history.title')} actions={actions}>
      {history === undefined ? (
        <Text c="dimmed">{t('app.loading')}</Text>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('history.empty')}</Text>
      ) : (
        <Timeline active={0} bulletSize={14} lineWidth={2}>
          {items.map((h) => (
            <Timeline.Item
              key={h.id}
              title={
                h.fromStatus
                  ? t('history.change', { from: statusName(t, h.fromStatus), to: statusName(t, h.toStatus) })
                  : t('history.first', { to: statusName(t, h.toStatus) })
              }
            >
              <Text size="sm">
                <time dateTime={h.effectiveDate}>{formatDay(lang, h.effectiveDate)}</time> —{' '}
                {reasonText(t, h.reason)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('history.recordedBy', {
                  who: h.recordedBy,
                  when: formatMoment(lang, h.recordedAt, org.timeZone),
                })}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Section>
  );
}

export function plotsForMap(plots: Plot[], locale: string): MapPlot[] {
  return plots.flatMap((p) =>
    p.geometry
      ? [
          {
            id: p.id,
            geometry: p.geometry,
            memberNumber: p.memberNumber,
            plotName: p.name,
            area: p.computedAreaHa
              ? formatHectares(locale, p.computedAreaHa)
              : p.declaredAreaHa
                ? formatHectares(locale, p.declaredAreaHa)
                : null,
            flagged: p.flags.length > 0,
          },
        ]
      : [],
  );
}

export function PlotsSection({
  plots,
  org,
  actions,
  linkOverlaps,
  error,
}: {
  plots: Plot[] | undefined;
  org: Org;
  actions?: ReactNode;
  /** Staff can follow an overlap to the other member; a member sees only the plot's name. */
  linkOverlaps: boolean;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const { locale } = useLocales(org);
  const isMobile = useMediaQuery(MOBILE_QUERY, false, { getInitialValueInEffect: false }) ?? false;
  const mapPlots = useMemo(() => plotsForMap(plots ?? [], locale), [plots, locale]);

  if (error) {
    return (
      <Section id="plots" title={t('plots.title')} actions={actions}>
        {error}
      </Section>
    );
  }
  if (plots === undefined) {
    return (
      <Section id="plots" title={t('plots.title')} actions={actions}>
        <Text c="dimmed">{t('app.loading')}</Text>
      </Section>
    );
  }

  const declared = plots.reduce((sum, p) => sum + (p.declaredAreaHa ? Number(p.declaredAreaHa) : 0), 0);
  const flagged = plots.filter((p) => p.flags.length > 0).length;
  const flagsPresent = [...new Set(plots.flatMap((p) => p.flags))];
  const overlaps = plots.flatMap((p) => p.overlapsWith.map((o) => ({ plot: p, other: o })));
  const ha = (v: string | null) => formatHectares(locale, v);
  const where = (p: Plot) =>
    p.geometry?.type === 'Polygon'
      ? t('plots.polygon')
      : p.geometry?.type === 'Point'
        ? t('plots.point')
        : t('plots.noLocation');

  return (
    <Section id="plots" title={t('plots.title')} actions={actions}>
      {plots.length === 0 ? (
        <Text c="dimmed">{t('plots.empty')}</Text>
      ) : (
        <Stack gap="md">
          <Text size="sm">
            {t('plots.summary', { count: plots.length, area: formatNumber(locale, declared, 2) })}
            {flagged > 0 && ` · ${t('plots.flaggedCount', { count: flagged })}`}
          </Text>
          {mapPlots.length > 0 ? (
            <PlotMap
              plots={mapPlots}
              label={t('plots.mapLabel')}
              height={isMobile ? 240 : 320}
              country={org.country}
              embedded
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('plots.noneMapped')}
            </Text>
          )}

          {isMobile ? (
            <Stack
              component="ul"
              gap="xs"
              m={0}
              p={0}
              style={{ listStyle: 'none' }}
              aria-label={t('plots.tableLabel')}
            >
              {plots.map((p) => (
                <Paper component="li" key={p.id} withBorder p="sm" radius="sm">
                  <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                    <Text fw={600}>{p.name}</Text>
                    <FlagBadges flags={p.flags} />
                  </Group>
                  <SimpleGrid component="dl" cols={2} spacing="xs" verticalSpacing={4} m={0} mt={6}>
                    <Field label={t('plots.declared')}>{ha(p.declaredAreaHa)}</Field>
                    <Field label={t('plots.computed')}>{ha(p.computedAreaHa)}</Field>
                    <Field label={t('plots.coffee')}>{ha(p.coffeeAreaHa)}</Field>
                    <Field label={t('plots.altitude')}>
                      {p.altitudeM !== null ? `${formatNumber(locale, p.altitudeM, 0)} m` : '—'}
                    </Field>
                    <Field label={t('plots.location')}>{where(p)}</Field>
                    <Field label={t('plots.varieties')}>{p.varieties.join(', ') || '—'}</Field>
                  </SimpleGrid>
                  <PlotExtras plot={p} locale={locale} />
                </Paper>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="xs" aria-label={t('plots.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('plots.name')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('plots.declared')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('plots.computed')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('plots.coffee')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('plots.altitude')}
                    </Table.Th>
                    <Table.Th scope="col">{t('plots.varieties')}</Table.Th>
                    <Table.Th scope="col">{t('plots.location')}</Table.Th>
                    <Table.Th scope="col">{t('plots.flags')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plots.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Th scope="row" fw={500}>
                        {p.name}
                        <PlotExtras plot={p} locale={locale} />
                      </Table.Th>
                      <Table.Td ta="right" style={NUMERIC}>
                        {ha(p.declaredAreaHa)}
                      </Table.Td>
                      <Table.Td ta="right" style={NUMERIC}>
                        {ha(p.computedAreaHa)}
                      </Table.Td>
                      <Table.Td ta="right" style={NUMERIC}>
                        {ha(p.coffeeAreaHa)}
                      </Table.Td>
                      <Table.Td ta="right" style={NUMERIC}>
                        {p.altitudeM !== null ? `${formatNumber(locale, p.altitudeM, 0)} m` : '—'}
                      </Table.Td>
                      <Table.Td>{p.varieties.join(', ') || '—'}</Table.Td>
                      <Table.Td>{where(p)}</Table.Td>
                      <Table.Td>
                        <FlagBadges flags={p.flags} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}

          {(flagsPresent.length > 0 || overlaps.length > 0) && (
            <Paper withBorder p="sm" radius="sm" bg="orange.0">
              <Text fw={600} size="sm" mb={4}>
                {t('plots.flagsExplained')}
              </Text>
              <List size="sm" spacing={4}>
                {flagsPresent.map((flag) => (
                  <List.Item key={flag}>
                    <Text span fw={600} size="sm">
                      {plotFlagName(t, flag)}:
                    </Text>{' '}
                    {plotFlagHelp(t, flag) ?? ''}
                  </List.Item>
                ))}
                {overlaps.map(({ plot, other }) => (
                  <List.Item key={`${plot.id}-${other.plotId}`}>
                    {t('plots.overlapsWith', { plot: plot.name, other: other.name })}{' '}
                    {linkOverlaps ? (
                      <Anchor
                        href={membersPath(org.slug, { view: 'detail', memberNumber: other.memberNumber })}
                        onClick={followLink}
                      >
                        {t('plots.ofMember', { number: other.memberNumber })}
                      </Anchor>
                    ) : (
                      t('plots.ofMember', { number: other.memberNumber })
                    )}
                  </List.Item>
                ))}
              </List>
            </Paper>
          )}
        </Stack>
      )}
    </Section>
  );
}

function PlotExtras({ plot, locale }: { plot: Plot; locale: string }) {
  const { t } = useTranslation();
  const parts = [
    plot.treeCount !== null
      ? t('plots.trees', { count: plot.treeCount, n: formatNumber(locale, plot.treeCount, 0) })
      : null,
    plot.plantingYear !== null ? t('plots.planted', { year: String(plot.plantingYear) }) : null,
    plot.shade ? shadeName(t, plot.shade) : null,
    plot.tenure ? tenureName(t, plot.tenure) : null,
    plot.yearlyEstimateKg
      ? t('plots.estimate', { kg: formatNumber(locale, plot.yearlyEstimateKg, 0) })
      : null,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" fw={400} mt={2}>
      {parts.join(' · ')}
    </Text>
  );
}

function FlagBadges({ flags }: { flags: string[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) {
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {flags.map((flag) => (
        <Badge key={flag} color="orange" variant="light" radius="sm" tt="none" size="sm">
          {plotFlagName(t, flag)}
        </Badge>
      ))}
    </Group>
  );
}

const CERT_COLORS: Record<string, string> = {
  certified: 'green',
  in_conversion: 'blue',
  suspended: 'orange',
  withdrawn: 'gray',
};

export function CertificationsSection({
  certifications,
  plots,
  org,
  actions,
  onEdit,
}: {
  certifications: Certification[] | undefined;
  plots: Plot[] | undefined;
  org: Org;
  actions?: ReactNode;
  onEdit?: (certification: Certification) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLocales(org);
  const plotName = (id: string | null) =>
    id
      ? (plots?.find((p) => p.id === id)?.name ?? t('certifications.onePlot'))
      : t('certifications.allPlots');
  return (
    <Section id="certifications" title={t('certifications.title')} actions={actions}>
      {certifications === undefined ? (
        <Text c="dimmed">{t('app.loading')}</Text>
      ) : certifications.length === 0 ? (
        <Text c="dimmed">{t('certifications.empty')}</Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {certifications.map((c) => (
            <Paper component="li" key={c.id} withBorder p="sm" radius="sm">
              <Group justify="space-between" gap="xs" align="flex-start">
                <div>
                  <Group gap="xs">
                    <Text fw={600}>{schemeName(t, c.scheme)}</Text>
                    <Badge color={CERT_COLORS[c.status] ?? 'gray'} variant="light" radius="sm" tt="none">
                      {certStatusName(t, c.status)}
                      {c.status === 'in_conversion' && c.conversionYear
                        ? ` (${t('certifications.yearN', { n: String(c.conversionYear) })})`
                        : ''}
                    </Badge>
                  </Group>
                  <Text size="sm" mt={2}>
                    {c.validUntil
                      ? t('certifications.validRange', {
                          from: formatDay(lang, c.validFrom),
                          until: formatDay(lang, c.validUntil),
                        })
                      : t('certifications.validFrom', { from: formatDay(lang, c.validFrom) })}
                    {' · '}
                    {plotName(c.plotId)}
                    {c.certificateRef ? ` · ${t('certifications.ref', { ref: c.certificateRef })}` : ''}
                  </Text>
                </div>
                {onEdit && (
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => onEdit(c)}
                    aria-label={t('certifications.editOf', { scheme: schemeName(t, c.scheme) })}
                  >
                    {t('certifications.edit')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}

const RESULT_COLORS: Record<string, string> = {
  approved: 'green',
  approved_with_conditions: 'yellow',
  rejected: 'red',
};

export function InspectionsSection({
  inspections,
  org,
  actions,
}: {
  inspections: Inspection[] | undefined;
  org: Org;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const { lang } = useLocales(org);
  const ordered = [...(inspections ?? [])].sort((a, b) => b.inspectedOn.localeCompare(a.inspectedOn));
  return (
    <Section id="inspections" title={t('inspections.title')} actions={actions}>
      {inspections === undefined ? (
        <Text c="dimmed">{t('app.loading')}</Text>
      ) : ordered.length === 0 ? (
        <Text c="dimmed">{t('inspections.empty')}</Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {ordered.map((i) => (
            <Paper component="li" key={i.id} withBorder p="sm" radius="sm">
              <Group justify="space-between" gap="xs">
                <Text fw={600}>
                  <time dateTime={i.inspectedOn}>{formatDay(lang, i.inspectedOn)}</time>
                </Text>
                <Badge color={RESULT_COLORS[i.result] ?? 'gray'} variant="light" radius="sm" tt="none">
                  {inspectionResultName(t, i.result)}
                </Badge>
              </Group>
              <Text size="sm">{t('inspections.by', { inspector: i.inspector })}</Text>
              {i.nonConformities.length > 0 && (
                <>
                  <Text size="sm" fw={600} mt={6}>
                    {t('inspections.nonConformities', { count: i.nonConformities.length })}
                  </Text>
                  <List size="sm" spacing={2}>
                    {i.nonConformities.map((n) => (
                      <List.Item key={`${n.code}-${n.description}`}>
                        <Text span fw={600} size="sm">
                          {severityName(t, n.severity)} · {n.code}:
                        </Text>{' '}
                        {n.description}
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
              {i.sanctions && (
                <Text size="sm" mt={6}>
                  <Text span fw={600} size="sm">
                    {t('inspections.sanctions')}:
                  </Text>{' '}
                  {i.sanctions}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}
