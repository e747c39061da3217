import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketView as Ticket } from '../../../collection/collection.contract.js';
import type { OrgView as Org } from '../../../orgs/orgs.contract.js';
import { ticketNumber, useTickets } from '../api.js';

/** What the replacement replaces: the voided ticket and its reason, or why it cannot replace it. */
export function ReplacementNote({
  org,
  replacesId,
  ticket,
  onCancel,
}: {
  org: Org;
  replacesId: string;
  ticket: Ticket | undefined;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const others = useTickets(
    org.slug,
    { pointCode: '', memberNumber: ticket?.memberNumber ?? '', from: '', to: '' },
    ticket !== undefined,
  );
  const already = ticket ? others.data?.items.find((x) => x.replacesTicketId === replacesId) : undefined;
  const names = ticket ? { code: ticket.pointCode, number: ticketNumber(ticket.number) } : null;
  return (
    <Alert color={ticket && !ticket.voided ? 'red' : 'blue'} variant="light" role="note">
      <Stack gap={4} align="flex-start">
        {ticket && names ? (
          ticket.voided ? (
            <Text size="sm">{t('collection.replacingText', { reason: ticket.voided.reason })}</Text>
          ) : (
            <Text size="sm" fw={600}>
              {t('collection.replacingNotVoided', names)}
            </Text>
          )
        ) : (
          <Text size="sm">{t('receipt.replaces')}</Text>
        )}
        {already && (
          <Text size="sm" fw={600} c="red.8">
            {t('collection.replacingDone', {
              code: already.pointCode,
              number: ticketNumber(already.number),
            })}
          </Text>
        )}
        <Button size="compact-sm" variant="default" onClick={onCancel}>
          {t('collection.replacingCancel')}
        </Button>
      </Stack>
    </Alert>
  );
}
