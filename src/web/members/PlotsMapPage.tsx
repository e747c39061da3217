import { Anchor, Badge, Box, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { LoadError, PageLoader } from '../app/feedback.js';
import { followLink, membersPath } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formatHectares, formatNumber, numberLocale } from '../shared/format.js';
import { usePlotsGeoJson } from './api.js';
import { plotFlagName } from './labels.js';
import { MembersHeader } from './MembersHeader.js';
import { PlotMap } from './map/PlotMap.js';
import type { MapPlot } from './map/types.js';

const FLAGGED_SHOWN = 50;

/** `/o/:slug/members/map`: every plot of the cooperative, with the ones to review listed below. */
export function PlotsMapPage({ org, canWrite }: { org: Org; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.resolvedLanguage ?? 'es', org.country);
  useDocumentTitle(t('plotsMap.title'), org.name);
  const geo = usePlotsGeoJson(org.slug);
  const [showAll, setShowAll] = useState(false);

  const features = geo.data?.features;
  const plots: MapPlot[] = useMemo(
    () =>
      (features ?? []).map((f) => ({
        id: String(f.id),
        geometry: f.geometry,
        memberNumber: f.properties.memberNumber,
        plotName: f.properties.plotName,
        area: f.properties.computedAreaHa
          ? formatHectares(locale, f.properties.computedAreaHa)
          : f.properties.declaredAreaHa
            ? formatHectares(locale, f.properties.declaredAreaHa)
            : null,
        flagged: f.properties.flags.length > 0,
      })),
    [features, locale],
  );
  // The most serious first: overlaps, then area mismatches, then imprecise coordinates; then by member.
  const weight = (flags: string[]) =>
    flags.includes('overlap') ? 0 : flags.includes('area_mismatch') ? 1 : 2;
  const flagged = (features ?? [])
    .filter((f) => f.properties.flags.length > 0)
    .sort(
      (a, b) =>
        weight(a.properties.flags) - weight(b.properties.flags) ||
        a.properties.memberNumber.localeCompare(b.properties.memberNumber, undefined, { numeric: true }),
    );
  const polygons = plots.filter((p) => p.geometry.type === 'Polygon').length;

  return (
    <>
      <MembersHeader org={org} current="map" title={t('plotsMap.title')} canWrite={canWrite} />
      {geo.isError ? (
        <LoadError error={geo.error} onRetry={() => void geo.refetch()} />
      ) : !geo.data ? (
        <PageLoader />
      ) : (
        <Stack gap="md">
          <Text>
            {plots.length === 0
              ? t('plotsMap.none')
              : t('plotsMap.summary', {
                  count: plots.length,
                  polygons: formatNumber(locale, polygons, 0),
                  points: formatNumber(locale, plots.length - polygons, 0),
                })}
          </Text>
          <PlotMap
            plots={plots}
            label={t('plotsMap.mapLabel')}
            height="max(360px, calc(100dvh - 330px))"
            country={org.country}
            memberHref={(memberNumber) => membersPath(org.slug, { view: 'detail', memberNumber })}
          />
          <Text size="sm" c="dimmed">
            {t('plotsMap.hint')}
          </Text>

          {flagged.length > 0 && (
            <Paper
              withBorder
              p={{ base: 'sm', sm: 'md' }}
              radius="md"
              component="section"
              aria-labelledby="flagged-title"
            >
              <Text component="h2" fw={700} size="lg" id="flagged-title" mb="xs">
                {t('plotsMap.flaggedTitle', { count: flagged.length })}
              </Text>
              <Box style={{ overflowX: 'auto' }}>
                <Table verticalSpacing={4} striped aria-labelledby="flagged-title">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('plotsMap.member')}</Table.Th>
                      <Table.Th scope="col">{t('plots.name')}</Table.Th>
                      <Table.Th scope="col">{t('plots.flags')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {(showAll ? flagged : flagged.slice(0, FLAGGED_SHOWN)).map((f) => (
                      <Table.Tr key={String(f.id)}>
                        <Table.Td>
                          <Anchor
                            href={membersPath(org.slug, {
                              view: 'detail',
                              memberNumber: f.properties.memberNumber,
                            })}
                            onClick={followLink}
                          >
                            {t('members.numberShort', { number: f.properties.memberNumber })}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{f.properties.plotName}</Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {f.properties.flags.map((flag) => (
                              <Badge
                                key={flag}
                                color="orange"
                                variant="light"
                                radius="sm"
                                tt="none"
                                size="sm"
                              >
                                {plotFlagName(t, flag)}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Box>
              {!showAll && flagged.length > FLAGGED_SHOWN && (
                <Anchor component="button" type="button" mt="xs" onClick={() => setShowAll(true)}>
                  {t('plotsMap.showAllFlagged', { count: flagged.length })}
                </Anchor>
              )}
            </Paper>
          )}
        </Stack>
      )}
    </>
  );
}
