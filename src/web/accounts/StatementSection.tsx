import { Anchor, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { STATEMENT_ACCOUNTS, type StatementAccount } from '../../shared/enums.js';
import { LoadError, PageLoader } from '../app/feedback.js';
import { formatDay, formatMoney, numberLocale } from '../shared/format.js';
import { useStatement } from './api.js';

/**
 * A member's statement of one account with its running balance: for staff (memberNumber given) or
 * the member's own (memberNumber null, from /me/statement).
 */
export function StatementSection({
  org,
  memberNumber,
  title,
  headingOrder = 2,
}: {
  org: Org;
  memberNumber: string | null;
  title: string;
  headingOrder?: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  const [account, setAccount] = useState<StatementAccount>('payable_members');
  const statement = useStatement(org.slug, memberNumber, account);
  const data = statement.data;
  const headingId = `ayni-statement-${memberNumber ?? 'me'}`;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Title order={headingOrder} size="h3" id={headingId}>
            {title}
          </Title>
          <NativeSelect
            label={t('accounts.accountPicker')}
            value={account}
            onChange={(e) => setAccount(e.currentTarget.value as StatementAccount)}
            data={STATEMENT_ACCOUNTS.map((a) => ({ value: a, label: t(`accounts.accountKind.${a}`) }))}
            miw={240}
          />
        </Group>
        {statement.isError && !data ? (
          <LoadError error={statement.error} onRetry={() => void statement.refetch()} />
        ) : !data ? (
          <PageLoader />
        ) : (
          <>
            <Group justify="space-between" gap="xs">
              <Group gap="xs" role="status" aria-live="polite">
                <Text fw={600}>{t('accounts.balance')}:</Text>
                <Text fw={800} fz="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatMoney(locale, data.currency, data.balance)}
                </Text>
              </Group>
              {memberNumber !== null && (
                <Anchor
                  href={`/api/v1/orgs/${encodeURIComponent(org.slug)}/members/${encodeURIComponent(memberNumber)}/statement.pdf?account=${account}`}
                  target="_blank"
                  rel="noopener"
                  size="sm"
                >
                  {t('accounts.pdf')}
                </Anchor>
              )}
            </Group>
            {data.lines.length === 0 ? (
              <Text c="dimmed">{t('accounts.noLines')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={520}>
                <Table striped aria-label={t('accounts.linesLabel')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('accounts.date')}</Table.Th>
                      <Table.Th>{t('accounts.source')}</Table.Th>
                      <Table.Th ta="right">{t('accounts.amount')}</Table.Th>
                      <Table.Th ta="right">{t('accounts.runningBalance')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.lines.map((line) => (
                      <Table.Tr key={`${line.entryId}-${line.balance}`}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {formatDay(i18n.language, line.date)}
                        </Table.Td>
                        <Table.Td>
                          {line.description ?? `${line.source.type} ${line.source.id}`}
                          {line.reversal && (
                            <Text span size="sm" c="red.8">
                              {' '}
                              ({t('accounts.reversal')})
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td
                          ta="right"
                          style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                        >
                          {formatMoney(locale, data.currency, line.amount)}
                        </Table.Td>
                        <Table.Td
                          ta="right"
                          style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                        >
                          {formatMoney(locale, data.currency, line.balance)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
