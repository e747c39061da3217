import { Anchor, Badge, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { LoadError, MessagePage, PageLoader } from '../app/feedback.js';
import type { AccountsView } from '../app/router.js';
import { accountsPath, followLink, membersPath, navigate } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { MemberSearch } from '../collection/MemberSearch.js';
import { canReadMembers } from '../members/access.js';
import { useMember } from '../members/api.js';
import { formatMoney, fullName, numberLocale } from '../shared/format.js';
import { AccountsHeader } from './AccountsHeader.js';
import { canReadAccounts, useTrialBalance } from './api.js';
import { BatchPage, SettlementPage, SettlementsPage } from './SettlementPages.js';
import { StatementSection } from './StatementSection.js';

/** `/o/:slug/accounts/…`: the trial balance and members' statements, for those who may read accounts. */
export function AccountsRoute({ org, view }: { org: Org; view: AccountsView }) {
  const { t } = useTranslation();
  if (org.kind !== 'cooperative') return <Unavailable text={t('accounts.notACooperative')} />;
  if (!canReadAccounts(org)) return <Unavailable text={t('accounts.noAccess')} />;
  switch (view.view) {
    case 'statement':
      return <StatementPage org={org} memberNumber={view.memberNumber} />;
    case 'settlements':
      return <SettlementsPage org={org} />;
    case 'settlement':
      return <SettlementPage org={org} settlementId={view.settlementId} />;
    case 'batch':
      return <BatchPage org={org} batchId={view.batchId} />;
    default:
      return <TrialBalancePage org={org} />;
  }
}

function Unavailable({ text }: { text: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('accounts.title'));
  return <MessagePage title={t('accounts.title')} text={text} />;
}

function TrialBalancePage({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('accounts.trialTitle'), org.name);
  const locale = numberLocale(i18n.language, org.country);
  const balance = useTrialBalance(org.slug);
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false }) ?? false;
  const [hideEmpty, setHideEmpty] = useState(false);
  const data = balance.data;
  const rows = data?.accounts.filter((a) => !hideEmpty || a.lines > 0) ?? [];
  const total = (key: 'debit' | 'credit') =>
    (data?.accounts.reduce((sum, a) => sum + Math.round(Number(a[key]) * 100), 0) ?? 0) / 100;

  return (
    <Stack gap="lg">
      <AccountsHeader org={org} current="trialBalance" title={t('accounts.title')} />

      <Paper
        withBorder
        p="md"
        radius="md"
        component="section"
        aria-labelledby="ayni-statement-search"
        maw={640}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="ayni-statement-search">
            {t('accounts.memberSearchTitle')}
          </Title>
          <MemberSearch
            slug={org.slug}
            label={t('collection.memberSearch')}
            onPick={(m) =>
              navigate(accountsPath(org.slug, { view: 'statement', memberNumber: m.memberNumber }))
            }
          />
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ayni-trial-title">
        <Stack gap="sm">
          <Group justify="space-between" align="center" gap="sm">
            <Title order={2} size="h3" id="ayni-trial-title">
              {t('accounts.trialTitle')}
            </Title>
            {data && (
              <Badge
                size="xl"
                color={data.balanced ? 'green' : 'red'}
                variant={data.balanced ? 'light' : 'filled'}
                title={data.balanced ? t('accounts.balancedHelp') : t('accounts.unbalancedHelp')}
              >
                {data.balanced ? t('accounts.balanced') : t('accounts.unbalanced')}
              </Badge>
            )}
          </Group>
          {data && (
            <Text size="sm" c={data.balanced ? 'dimmed' : 'red.8'}>
              {data.balanced ? t('accounts.balancedHelp') : t('accounts.unbalancedHelp')}
            </Text>
          )}
          <Checkbox
            label={t('accounts.hideEmpty')}
            checked={hideEmpty}
            onChange={(e) => setHideEmpty(e.currentTarget.checked)}
          />
          {balance.isError && !data ? (
            <LoadError error={balance.error} onRetry={() => void balance.refetch()} />
          ) : !data ? (
            <PageLoader />
          ) : isPhone ? (
            <Stack
              gap={0}
              component="ul"
              m={0}
              p={0}
              style={{ listStyle: 'none' }}
              aria-label={t('accounts.trialTitle')}
            >
              {rows.map((a) => (
                <li key={a.code} className="ayni-ledger-row">
                  <Text size="sm" fw={600}>
                    {a.code} · {a.name}
                  </Text>
                  <Group justify="space-between" gap="xs">
                    <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {t('accounts.debit')}: {formatMoney(locale, data.currency, a.debit)}
                    </Text>
                    <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {t('accounts.credit')}: {formatMoney(locale, data.currency, a.credit)}
                    </Text>
                  </Group>
                </li>
              ))}
              <li className="ayni-ledger-row">
                <Text size="sm" fw={700}>
                  {t('accounts.totals')}
                </Text>
                <Group justify="space-between" gap="xs">
                  <Text size="sm" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {t('accounts.debit')}: {formatMoney(locale, data.currency, total('debit').toFixed(2))}
                  </Text>
                  <Text size="sm" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {t('accounts.credit')}: {formatMoney(locale, data.currency, total('credit').toFixed(2))}
                  </Text>
                </Group>
              </li>
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table striped aria-label={t('accounts.trialTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('accounts.code')}</Table.Th>
                    <Table.Th>{t('accounts.account')}</Table.Th>
                    <Table.Th ta="right">{t('accounts.debit')}</Table.Th>
                    <Table.Th ta="right">{t('accounts.credit')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((a) => (
                    <Table.Tr key={a.code}>
                      <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{a.code}</Table.Td>
                      <Table.Td>{a.name}</Table.Td>
                      <Table.Td
                        ta="right"
                        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                      >
                        {formatMoney(locale, data.currency, a.debit)}
                      </Table.Td>
                      <Table.Td
                        ta="right"
                        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                      >
                        {formatMoney(locale, data.currency, a.credit)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row" colSpan={2}>
                      {t('accounts.totals')}
                    </Table.Th>
                    <Table.Td
                      ta="right"
                      fw={700}
                      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                    >
                      {formatMoney(locale, data.currency, total('debit').toFixed(2))}
                    </Table.Td>
                    <Table.Td
                      ta="right"
                      fw={700}
                      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                    >
                      {formatMoney(locale, data.currency, total('credit').toFixed(2))}
                    </Table.Td>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

function StatementPage({ org, memberNumber }: { org: Org; memberNumber: string }) {
  const { t } = useTranslation();
  const readMembers = canReadMembers(org);
  const member = useMember(org.slug, memberNumber);
  const name = member.data ? fullName(member.data) : null;
  useDocumentTitle(t('accounts.statement'), name ?? memberNumber, org.name);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor href={accountsPath(org.slug)} onClick={followLink} size="sm">
          ← {t('accounts.backToAccounts')}
        </Anchor>
        <Title order={1}>{t('accounts.statement')}</Title>
        <Group gap="sm">
          <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('members.numberShort', { number: memberNumber })}
          </Text>
          {name && <Text fw={600}>{name}</Text>}
          {readMembers && (
            <Anchor
              href={membersPath(org.slug, { view: 'detail', memberNumber })}
              onClick={followLink}
              size="sm"
            >
              {t('accounts.memberRecord')}
            </Anchor>
          )}
        </Group>
      </Stack>
      <StatementSection org={org} memberNumber={memberNumber} title={t('accounts.linesLabel')} />
    </Stack>
  );
}
