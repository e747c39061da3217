import {
  Alert,
  Anchor,
  Autocomplete,
  Box,
  Button,
  Collapse,
  Group,
  Loader,
  Menu,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberListItem } from '../../members/members.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { CERT_SCHEMES, MEMBER_STATUSES, SEXES } from '../../shared/enums.js';
import { LoadError, problemMessage } from '../app/feedback.js';
import { followLink, membersPath, navigate, useSearch } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { fold } from '../orgs/format.js';
import { listName, statusName } from '../shared/format.js';
import { StatusBadge } from '../shared/ui.js';
import type { MemberFilters } from './api.js';
import { downloadFile, EMPTY_FILTERS, exportPaths, useMemberList } from './api.js';
import { nationalIdLabel, schemeName, sexName } from './labels.js';
import { MembersHeader } from './MembersHeader.js';

const MOBILE_QUERY = '(max-width: 47.99em)';
const FILTER_KEYS = Object.keys(EMPTY_FILTERS) as (keyof MemberFilters)[];

function parseFilters(search: string): MemberFilters {
  const params = new URLSearchParams(search);
  const filters = { ...EMPTY_FILTERS };
  for (const key of FILTER_KEYS) filters[key] = params.get(key) ?? '';
  return filters;
}

function filtersToSearch(filters: MemberFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key].trim()) params.set(key, filters[key].trim());
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** `/o/:slug/members`: the register, searchable and filtered, a page of 50 at a time. */
export function MemberListPage({ org, canWrite }: { org: Org; canWrite: boolean }) {
  const { t } = useTranslation();
  useDocumentTitle(t('members.title'), org.name);
  const isMobile = useMediaQuery(MOBILE_QUERY, false, { getInitialValueInEffect: false }) ?? false;

  const search = useSearch();
  const applied = useMemo(() => parseFilters(search), [search]);
  const apply = (next: Partial<MemberFilters>) =>
    navigate(`${membersPath(org.slug)}${filtersToSearch({ ...applied, ...next })}`, { replace: true });

  // The search box and the ages apply a moment after the user stops typing.
  const [q, setQ] = useState(applied.q);
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [ages, setAges] = useState({ minAge: applied.minAge, maxAge: applied.maxAge });
  const [debouncedAges] = useDebouncedValue(ages, 500);
  useEffect(() => {
    if (debouncedQ.trim() !== applied.q) apply({ q: debouncedQ.trim() });
  }, [debouncedQ]);
  useEffect(() => {
    if (debouncedAges.minAge !== applied.minAge || debouncedAges.maxAge !== applied.maxAge)
      apply(debouncedAges);
  }, [debouncedAges]);
  // Back/forward in the browser changes the address: show its search in the box.
  useEffect(() => {
    if (applied.q !== debouncedQ.trim()) setQ(applied.q);
    if (applied.minAge !== ages.minAge || applied.maxAge !== ages.maxAge)
      setAges({ minAge: applied.minAge, maxAge: applied.maxAge });
  }, [applied]);

  const list = useMemberList(org.slug, applied);
  const pages = list.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const total = pages[0]?.total ?? null;
  const activeFilters = FILTER_KEYS.filter((k) => k !== 'q' && applied[k] !== '').length;
  const anyFilter = activeFilters > 0 || applied.q !== '';
  const searching =
    list.isPlaceholderData || (list.isFetching && !list.isFetchingNextPage && items.length > 0);

  // Communities seen in the register so far feed the community filter's suggestions.
  const [communities, setCommunities] = useState<string[]>([]);
  useEffect(() => {
    const seen = new Set(communities);
    let added = false;
    for (const m of items) {
      if (m.community && !seen.has(m.community)) {
        seen.add(m.community);
        added = true;
      }
    }
    if (added) setCommunities([...seen].sort((a, b) => a.localeCompare(b)));
  }, [items, communities]);

  const [filtersOpen, setFiltersOpen] = useState(activeFilters > 0);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const runExport = async (path: string, name: string) => {
    setExportError(null);
    setExporting(true);
    try {
      await downloadFile(path, name);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  const clearAll = () => {
    setQ('');
    setAges({ minAge: '', maxAge: '' });
    navigate(membersPath(org.slug), { replace: true });
  };

  const filterControls = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm" verticalSpacing="xs">
      <Select
        label={t('members.filter.status')}
        placeholder={t('members.filter.all')}
        data={MEMBER_STATUSES.map((s) => ({ value: s, label: statusName(t, s) }))}
        value={applied.status || null}
        onChange={(value) => apply({ status: value ?? '' })}
        clearable
        clearButtonProps={{ 'aria-label': t('members.filter.clear') }}
      />
      <Select
        label={t('members.filter.sex')}
        placeholder={t('members.filter.all')}
        data={SEXES.map((s) => ({ value: s, label: sexName(t, s) }))}
        value={applied.sex || null}
        onChange={(value) => apply({ sex: value ?? '' })}
        clearable
        clearButtonProps={{ 'aria-label': t('members.filter.clear') }}
      />
      <Select
        label={t('members.filter.certification')}
        placeholder={t('members.filter.all')}
        data={CERT_SCHEMES.map((s) => ({ value: s, label: schemeName(t, s) }))}
        value={applied.certification || null}
        onChange={(value) => apply({ certification: value ?? '' })}
        clearable
        clearButtonProps={{ 'aria-label': t('members.filter.clear') }}
      />
      <CommunityFilter
        value={applied.community}
        communities={communities}
        onApply={(community) => apply({ community })}
      />
      <NumberInput
        label={t('members.filter.minAge')}
        value={ages.minAge}
        onChange={(value) => setAges((a) => ({ ...a, minAge: String(value) }))}
        min={0}
        max={120}
        allowDecimal={false}
        allowNegative={false}
        hideControls
        inputMode="numeric"
      />
      <NumberInput
        label={t('members.filter.maxAge')}
        value={ages.maxAge}
        onChange={(value) => setAges((a) => ({ ...a, maxAge: String(value) }))}
        min={0}
        max={120}
        allowDecimal={false}
        allowNegative={false}
        hideControls
        inputMode="numeric"
      />
    </SimpleGrid>
  );

  return (
    <>
      <MembersHeader
        org={org}
        current="list"
        title={t('members.title')}
        canWrite={canWrite}
        actions={
          <>
            {canWrite && (
              <Button component="a" href={membersPath(org.slug, { view: 'new' })} onClick={followLink}>
                {t('members.newMember')}
              </Button>
            )}
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" loading={exporting}>
                  {t('members.export.button')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t('members.export.members')}</Menu.Label>
                <Menu.Item
                  onClick={() => void runExport(exportPaths.members(org.slug, 'xlsx'), 'socios.xlsx')}
                >
                  {t('members.export.membersXlsx')}
                </Menu.Item>
                <Menu.Item onClick={() => void runExport(exportPaths.members(org.slug, 'csv'), 'socios.csv')}>
                  {t('members.export.membersCsv')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Label>{t('members.export.plots')}</Menu.Label>
                <Menu.Item
                  onClick={() => void runExport(exportPaths.plots(org.slug, 'xlsx'), 'parcelas.xlsx')}
                >
                  {t('members.export.plotsXlsx')}
                </Menu.Item>
                <Menu.Item onClick={() => void runExport(exportPaths.plots(org.slug, 'csv'), 'parcelas.csv')}>
                  {t('members.export.plotsCsv')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />

      <Stack gap="md">
        {exportError !== null && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={t('members.export.failed')}
            withCloseButton
            closeButtonLabel={t('app.close')}
            onClose={() => setExportError(null)}
          >
            {problemMessage(exportError, t)}
          </Alert>
        )}

        <Paper
          withBorder
          p={{ base: 'sm', sm: 'md' }}
          radius="md"
          role="search"
          aria-label={t('members.searchRegion')}
        >
          <Stack gap="sm">
            <TextInput
              label={t('members.search')}
              description={t('members.searchHint')}
              placeholder={t('members.searchPlaceholder', { id: nationalIdLabel(t, org.country) })}
              type="search"
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') apply({ q: q.trim() });
              }}
              size="md"
              autoComplete="off"
              rightSection={searching ? <Loader size="xs" aria-hidden="true" /> : null}
            />
            <Group justify="space-between" gap="xs">
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setFiltersOpen((o) => !o)}
                aria-expanded={filtersOpen}
                aria-controls="member-filters"
              >
                {filtersOpen ? t('members.filter.hide') : t('members.filter.show')}
                {activeFilters > 0 ? ` (${activeFilters})` : ''}
              </Button>
              {anyFilter && (
                <Button variant="subtle" size="compact-sm" onClick={clearAll}>
                  {t('members.filter.clearAll')}
                </Button>
              )}
            </Group>
            <Collapse in={filtersOpen} id="member-filters">
              {filterControls}
            </Collapse>
          </Stack>
        </Paper>

        <Text role="status" aria-live="polite" fw={500}>
          {list.isPending
            ? t('app.loading')
            : list.isPlaceholderData
              ? t('members.searching')
              : total !== null
                ? anyFilter
                  ? t('members.matching', { count: total })
                  : t('members.count', { count: total })
                : ''}
        </Text>

        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? null : items.length === 0 ? (
          <EmptyList org={org} filtered={anyFilter} canWrite={canWrite} onClear={clearAll} />
        ) : (
          <Box aria-busy={searching} style={{ opacity: searching ? 0.6 : 1, transition: 'opacity 120ms' }}>
            {isMobile ? <MemberCards org={org} items={items} /> : <MemberTable org={org} items={items} />}
          </Box>
        )}

        {items.length > 0 && (
          <Stack align="center" gap={6}>
            {total !== null && (
              <Text size="sm" c="dimmed">
                {t('members.showing', { shown: String(items.length), total: String(total) })}
              </Text>
            )}
            {list.hasNextPage && (
              <Button
                variant="light"
                onClick={() => void list.fetchNextPage()}
                loading={list.isFetchingNextPage}
                disabled={searching}
              >
                {t('members.loadMore')}
              </Button>
            )}
            {list.isError && list.data && (
              <LoadError error={list.error} onRetry={() => void list.fetchNextPage()} />
            )}
          </Stack>
        )}
      </Stack>
    </>
  );
}

/** Community names must match exactly: the box suggests those seen and applies a choice, Enter or leaving. */
function CommunityFilter({
  value,
  communities,
  onApply,
}: {
  value: string;
  communities: string[];
  onApply: (community: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = (raw: string) => {
    const typed = raw.trim();
    const known = communities.find((c) => fold(c) === fold(typed));
    const next = known ?? typed;
    setText(next);
    if (next !== value) onApply(next);
  };
  return (
    <Autocomplete
      label={t('members.filter.community')}
      placeholder={t('members.filter.all')}
      data={communities}
      value={text}
      onChange={(next) => {
        setText(next);
        if (next === '' && value !== '') onApply('');
      }}
      onOptionSubmit={commit}
      onBlur={() => commit(text)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget.value);
      }}
      clearable
      limit={30}
      filter={({ options, search }) => {
        const needle = fold(search.trim());
        return options.filter((o) => 'label' in o && fold(o.label).includes(needle));
      }}
    />
  );
}

function MemberTable({ org, items }: { org: Org; items: MemberListItem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('members.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('members.col.number')}</Table.Th>
            <Table.Th scope="col">{t('members.col.name')}</Table.Th>
            <Table.Th scope="col">{nationalIdLabel(t, org.country)}</Table.Th>
            <Table.Th scope="col">{t('members.col.sex')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('members.col.age')}
            </Table.Th>
            <Table.Th scope="col">{t('members.col.community')}</Table.Th>
            <Table.Th scope="col">{t('members.col.status')}</Table.Th>
            <Table.Th scope="col">{t('members.col.joinDate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => {
            const href = membersPath(org.slug, { view: 'detail', memberNumber: m.memberNumber });
            return (
              <Table.Tr
                key={m.id}
                style={{ cursor: 'pointer' }}
                onClick={(event) => {
                  // The name is the link (keyboard, new tab); a click anywhere else on the row opens it too.
                  if ((event.target as HTMLElement).closest('a')) return;
                  navigate(href);
                }}
              >
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{m.memberNumber}</Table.Td>
                <Table.Td>
                  <Anchor href={href} onClick={followLink} fw={500}>
                    {listName(m)}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{m.nationalId ?? '—'}</Table.Td>
                <Table.Td>{sexName(t, m.sex)}</Table.Td>
                <Table.Td ta="right">{m.age ?? '—'}</Table.Td>
                <Table.Td>{m.community ?? '—'}</Table.Td>
                <Table.Td>
                  <StatusBadge status={m.status} size="sm" />
                </Table.Td>
                <Table.Td>{m.joinDate ? m.joinDate.slice(0, 4) : '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MemberCards({ org, items }: { org: Org; items: MemberListItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack
      component="ul"
      gap="xs"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label={t('members.tableLabel')}
    >
      {items.map((m) => {
        const href = membersPath(org.slug, { view: 'detail', memberNumber: m.memberNumber });
        const details = [
          m.community,
          m.age !== null ? t('members.ageYears', { count: m.age }) : null,
          m.nationalId ? `${nationalIdLabel(t, org.country)} ${m.nationalId}` : null,
        ].filter(Boolean);
        return (
          <li key={m.id}>
            <UnstyledButton
              component="a"
              href={href}
              onClick={followLink}
              className="ayni-member-card"
              display="block"
              w="100%"
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {listName(m)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('members.numberShort', { number: m.memberNumber })}
                  </Text>
                </div>
                <StatusBadge status={m.status} size="sm" />
              </Group>
              {details.length > 0 && (
                <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
                  {details.join(' · ')}
                </Text>
              )}
            </UnstyledButton>
          </li>
        );
      })}
    </Stack>
  );
}

function EmptyList({
  org,
  filtered,
  canWrite,
  onClear,
}: {
  org: Org;
  filtered: boolean;
  canWrite: boolean;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" bg="coffee.0">
      <Stack gap="sm" align="flex-start">
        <Text fw={600}>{filtered ? t('members.noResults') : t('members.empty')}</Text>
        {filtered ? (
          <Button variant="light" onClick={onClear}>
            {t('members.filter.clearAll')}
          </Button>
        ) : (
          canWrite && (
            <>
              <Text>{t('members.emptyHint')}</Text>
              <Group gap="xs">
                <Button component="a" href={membersPath(org.slug, { view: 'new' })} onClick={followLink}>
                  {t('members.newMember')}
                </Button>
                <Button
                  component="a"
                  variant="light"
                  href={membersPath(org.slug, { view: 'import' })}
                  onClick={followLink}
                >
                  {t('members.tabs.import')}
                </Button>
              </Group>
            </>
          )
        )}
      </Stack>
    </Paper>
  );
}
