import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../../orgs/orgs.contract.js';
import { collectionPath, followLink } from '../../app/router.js';
import { formatMoney, numberLocale, todayIn } from '../../shared/format.js';
import { ticketNumber, useTickets } from '../api.js';

/** Today's tickets at this point, newest first: a receipt to print again is one click away. */
export function TodayTickets({ org, pointCode }: { org: Org; pointCode: string }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  const today = todayIn(org.timeZone);
  const tickets = useTickets(org.slug, { pointCode, memberNumber: '', from: today, to: today });
  const items = tickets.data?.items.slice(0, 8) ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" maw={560} component="section" aria-labelledby="ayni-desk-today">
      <Title order={2} size="h4" id="ayni-desk-today" mb="xs">
        {t('collection.todayTitle')}
      </Title>
      <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((ticket) => (
          <li key={ticket.id} className="ayni-ledger-row">
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Anchor
                href={collectionPath(org.slug, { view: 'ticket', ticketId: ticket.id })}
                onClick={followLink}
                fw={600}
                aria-label={t('tickets.receiptOf', {
                  code: ticket.pointCode,
                  number: ticketNumber(ticket.number),
                })}
                style={{ whiteSpace: 'nowrap' }}
              >
                {ticket.pointCode}-{ticketNumber(ticket.number)}
              </Anchor>
              <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {formatMoney(locale, ticket.currency, ticket.value)}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Text
                size="sm"
                truncate
                style={{ minWidth: 0 }}
                td={ticket.voided ? 'line-through' : undefined}
              >
                {ticket.memberName}
              </Text>
              {ticket.voided && (
                <Badge
                  color="red"
                  variant="filled"
                  size="sm"
                  style={{ flexShrink: 0, minWidth: 'max-content' }}
                >
                  {t('tickets.voided')}
                </Badge>
              )}
            </Group>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
