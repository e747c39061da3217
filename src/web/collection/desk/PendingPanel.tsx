import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../../orgs/orgs.contract.js';
import type { CoffeeState } from '../../../shared/enums.js';
import { problemMessage } from '../../app/feedback.js';
import { collectionPath, followLink } from '../../app/router.js';
import { formatNumber } from '../../shared/format.js';
import { collectionKeys, ticketNumber } from '../api.js';
import {
  forgetSent,
  isDeskInFlight,
  provisionalRef,
  type QueuedTicket,
  removeFromQueue,
  sendQueue,
  useOnline,
  useQueue,
  useSent,
  useSyncState,
} from '../queue.js';

/** Form labels by the API's field names, to say which field the server complained about. */
const FIELD_LABELS: Record<string, (t: TFunction) => string> = {
  pointCode: (t) => t('collection.point'),
  memberNumber: (t) => t('tickets.member'),
  coffeeState: (t) => t('collection.coffeeState'),
  certificationClass: (t) => t('collection.certClass'),
  sacks: (t) => t('collection.sacks'),
  sackType: (t) => t('collection.sackType'),
  grossKg: (t) => t('collection.grossKg'),
  tareKg: (t) => t('collection.tareKg'),
  moisturePercent: (t) => t('collection.moisture'),
  yieldPercent: (t) => t('collection.yield'),
  factor: (t) => t('collection.factor'),
  cupScore: (t) => t('collection.cup'),
  cupProtocol: (t) => t('collection.cupProtocol'),
  defects: (t) => t('collection.defects'),
  plotIds: (t) => t('collection.plots'),
  cashPaid: (t) => t('collection.cashPaid'),
};

/** The pricing rules name some facts by their stored unit ("yieldBp", "ticket.factorHundredths"). */
export const PRICING_FIELDS: Record<string, string> = {
  yieldBp: 'yieldPercent',
  moistureBp: 'moisturePercent',
  factorHundredths: 'factor',
  cupScoreHundredths: 'cupScore',
  netGrams: 'grossKg',
};

/** The form field a server path is about: "ticket.factorHundredths" → "factor". */
export function formField(path: string): string {
  const parts = path.split(/[./]/);
  const head = parts[0] === 'ticket' && parts[1] ? parts[1] : (parts[0] ?? path);
  return PRICING_FIELDS[head] ?? head;
}

export function fieldLabel(t: TFunction, path: string): string {
  return FIELD_LABELS[formField(path)]?.(t) ?? path;
}

/**
 * Tickets kept on this device until the server records them: each one says it has no number yet;
 * refused ones carry the server's reason with Fix and Discard; the numbers of the ones just sent
 * follow, for the cashier to write on the paper slip. `compact` is the one-line form shown while a
 * delivery is being typed.
 */
export function PendingPanel({
  org,
  userId,
  locale,
  onFix,
  compact = false,
}: {
  org: Org;
  userId: string;
  locale: string;
  onFix: (entry: QueuedTicket) => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const queue = useQueue(org.slug).filter((q) => !isDeskInFlight(q.input.id));
  const sent = useSent(org.slug);
  const sync = useSyncState(org.slug);
  const online = useOnline();
  if (queue.length === 0 && (sent.length === 0 || compact)) return null;

  const sendNow = () => {
    void sendQueue(org.slug, userId, { retry: true }).then((n) => {
      if (n > 0) void client.invalidateQueries({ queryKey: collectionKeys.tickets(org.slug) });
    });
  };

  const status = sync.sending ? (
    <Group gap={6} wrap="nowrap">
      <Loader size="xs" aria-hidden="true" />
      <Text size="sm">{t('collection.pendingSending')}</Text>
    </Group>
  ) : !online ? (
    <Text size="sm" fw={600} c="orange.9">
      {t('collection.pendingOffline')}
    </Text>
  ) : sync.error ? (
    <Text size="sm" c="red.8">
      {t('collection.pendingRetry', { reason: problemMessage(sync.error, t) })}
    </Text>
  ) : null;

  const sendButton = queue.some((q) => q.savedBy === userId) && (
    <Button size="sm" variant="filled" onClick={sendNow} loading={sync.sending} className="ayni-wrap-button">
      {t('collection.sendNow')}
    </Button>
  );

  if (compact) {
    return (
      <Alert color="yellow" variant="light" role="status" py="xs">
        <Group justify="space-between" gap="xs">
          <Stack gap={2}>
            <Text size="sm" fw={700}>
              {t('collection.pendingTitle', { count: queue.length })}
            </Text>
            {status}
          </Stack>
          {sendButton}
        </Group>
      </Alert>
    );
  }

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      maw={720}
      component="section"
      aria-labelledby={queue.length > 0 ? 'ayni-pending-title' : 'ayni-sent-title'}
      style={queue.length > 0 ? { borderColor: 'var(--mantine-color-yellow-6)', borderWidth: 2 } : undefined}
    >
      <Stack gap="sm">
        {queue.length > 0 && (
          <>
            <Group justify="space-between" gap="xs" align="flex-start">
              <Title order={2} size="h4" id="ayni-pending-title">
                {t('collection.pendingTitle', { count: queue.length })}
              </Title>
              {sendButton}
            </Group>
            <div aria-live="polite">{status}</div>
            <Text size="sm">{t('collection.pendingNumberNote')}</Text>
            <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {queue.map((entry) => (
                <PendingItem
                  key={entry.input.id}
                  entry={entry}
                  mine={entry.savedBy === userId}
                  locale={locale}
                  onFix={() => onFix(entry)}
                  onDiscard={() => removeFromQueue(org.slug, [entry.input.id])}
                />
              ))}
            </Stack>
          </>
        )}
        {sent.length > 0 && (
          <div>
            <Group justify="space-between" gap="xs" mb={4}>
              <Title order={queue.length > 0 ? 3 : 2} size="h5" id="ayni-sent-title">
                {t('collection.sentTitle')}
              </Title>
              <Button size="compact-xs" variant="subtle" onClick={() => forgetSent(org.slug)}>
                {t('collection.sentForget')}
              </Button>
            </Group>
            <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {sent.map((s) => (
                <li key={s.id} className="ayni-ledger-row">
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Anchor
                      href={collectionPath(org.slug, { view: 'ticket', ticketId: s.id })}
                      onClick={followLink}
                      fw={700}
                      style={{ whiteSpace: 'nowrap' }}
                      aria-label={t('tickets.receiptOf', {
                        code: s.pointCode,
                        number: ticketNumber(s.number),
                      })}
                    >
                      {s.pointCode}-{ticketNumber(s.number)}
                    </Anchor>
                    <Text size="sm" truncate style={{ minWidth: 0 }}>
                      {s.memberNumber} · {s.memberName}
                    </Text>
                    <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                      {formatNumber(locale, s.netKg, 3)} kg
                    </Text>
                  </Group>
                </li>
              ))}
            </Stack>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

function PendingItem({
  entry,
  mine,
  locale,
  onFix,
  onDiscard,
}: {
  entry: QueuedTicket;
  mine: boolean;
  locale: string;
  onFix: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const { input, refused } = entry;
  const member = entry.memberName ? `${input.memberNumber} · ${entry.memberName}` : input.memberNumber;
  const time = new Date(entry.savedAt).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="sm"
      bg={refused ? 'red.0' : 'yellow.0'}
      aria-label={member}
      data-testid="pending-ticket"
    >
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={700} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {member}
          </Text>
          {refused ? (
            <Badge color="red" variant="filled" style={{ flexShrink: 0, minWidth: 'max-content' }}>
              {t('collection.pendingRefused')}
            </Badge>
          ) : (
            <Badge color="yellow.8" variant="filled" style={{ flexShrink: 0, minWidth: 'max-content' }}>
              {t('collection.pendingNoNumber')}
            </Badge>
          )}
        </Group>
        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {input.pointCode} · {formatNumber(locale, entry.netKg, 3)} kg ·{' '}
          {t(`coffeeState.${input.coffeeState as CoffeeState}`)} ·{' '}
          {t('collection.sacksCount', { count: input.sacks })} · {t('collection.pendingSavedAt', { time })}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {t('collection.pendingRef', { ref: provisionalRef(input.id) })}
        </Text>
        {!mine && (
          <Text size="sm" c="dimmed">
            {t('collection.pendingOtherUser', { name: entry.savedByName })}
          </Text>
        )}
        {refused && (
          <Stack gap={4} role="group" aria-label={t('collection.pendingRefused')}>
            <Text size="sm" c="red.9" fw={600}>
              {refused.message || t('collection.pendingRefusedHelp')}
            </Text>
            {refused.fields.some((f) => f.message !== refused.message) && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {refused.fields.map((f) => (
                  <li key={`${f.path}-${f.message}`}>
                    <Text size="sm" c="red.9">
                      {f.path ? `${fieldLabel(t, f.path)}: ` : ''}
                      {f.message}
                    </Text>
                  </li>
                ))}
              </ul>
            )}
            <Text size="xs" c="dimmed">
              {t('collection.pendingRefusedHelp')}
            </Text>
            {confirming ? (
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {t('collection.discardConfirm', { member })}
                </Text>
                <Button size="compact-sm" color="red" onClick={onDiscard}>
                  {t('collection.discard')}
                </Button>
                <Button size="compact-sm" variant="default" onClick={() => setConfirming(false)}>
                  {t('app.cancel')}
                </Button>
              </Group>
            ) : (
              mine && (
                <Group gap="xs">
                  <Button size="sm" onClick={onFix} aria-label={t('collection.fixOf', { member })}>
                    {t('collection.fix')}
                  </Button>
                  <Button
                    size="sm"
                    variant="light"
                    color="red"
                    onClick={() => setConfirming(true)}
                    aria-label={t('collection.discardOf', { member })}
                  >
                    {t('collection.discard')}
                  </Button>
                </Group>
              )
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
