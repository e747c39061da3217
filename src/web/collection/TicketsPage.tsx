import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView as Ticket } from '../../collection/collection.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import type { CertClass, CoffeeState } from '../../shared/enums.js';
import { LoadError, PageLoader } from '../app/feedback.js';
import { collectionPath, followLink, navigate } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formatMoment, formatMoney, formatNumber, numberLocale } from '../shared/format.js';
import { FlashMessage, FormProblem, serverFieldErrors } from '../shared/ui.js';
import {
  canUseDesk,
  replacementPath,
  type TicketFilters,
  ticketNumber,
  useCollectionPoints,
  useTickets,
  useVoidTicket,
} from './api.js';
import { CollectionHeader } from './CollectionHeader.js';

const NO_FILTERS: TicketFilters = { pointCode: '', memberNumber: '', from: '', to: '' };

/** `/o/:slug/collection/tickets`: the tickets, filtered by point, member and dates; managers may void. */
export function TicketsPage({ org, canVoid, note }: { org: Org; canVoid: boolean; note?: string }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('tickets.title'), org.name);
  const locale = numberLocale(i18n.language, org.country);
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false }) ?? false;
  const points = useCollectionPoints(org.slug);
  const [filters, setFilters] = useState<TicketFilters>(NO_FILTERS);
  const [debounced] = useDebouncedValue(filters, 300);
  const tickets = useTickets(org.slug, debounced);
  const [voiding, setVoiding] = useState<Ticket | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const set = (key: keyof TicketFilters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const items = tickets.data?.items ?? [];

  return (
    <>
      <CollectionHeader org={org} current="tickets" title={t('tickets.title')} />
      <Stack gap="md">
        {note && (
          <Alert color="blue" variant="light">
            {note}
          </Alert>
        )}
        <FlashMessage message={flash} onClose={() => setFlash(null)} />
        <Paper withBorder p="sm" radius="md" component="section" aria-label={t('tickets.filters')}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <NativeSelect
              label={t('tickets.filterPoint')}
              value={filters.pointCode}
              onChange={(e) => set('pointCode')(e.currentTarget.value)}
              data={[
                { value: '', label: t('tickets.allPoints') },
                ...(points.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` })),
              ]}
            />
            <TextInput
              label={t('tickets.filterMember')}
              value={filters.memberNumber}
              onChange={(e) => set('memberNumber')(e.currentTarget.value)}
              inputMode="numeric"
              type="search"
            />
            <TextInput
              label={t('tickets.from')}
              type="date"
              value={filters.from}
              onChange={(e) => set('from')(e.currentTarget.value)}
            />
            <TextInput
              label={t('tickets.to')}
              type="date"
              value={filters.to}
              onChange={(e) => set('to')(e.currentTarget.value)}
            />
          </SimpleGrid>
        </Paper>
        <Text role="status" aria-live="polite" size="sm" c="dimmed">
          {tickets.data ? t('tickets.count', { count: items.length }) : ''}
        </Text>
        {tickets.isError && !tickets.data ? (
          <LoadError error={tickets.error} onRetry={() => void tickets.refetch()} />
        ) : !tickets.data ? (
          <PageLoader />
        ) : items.length === 0 ? (
          <Text>{t('tickets.empty')}</Text>
        ) : isPhone ? (
          <Stack
            gap="xs"
            component="ul"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={t('tickets.tableLabel')}
          >
            {items.map((ticket) => (
              <li key={ticket.id}>
                <Paper withBorder p="sm" radius="md" style={{ opacity: tickets.isPlaceholderData ? 0.6 : 1 }}>
                  <Stack gap={4}>
                    <Group justify="space-between" wrap="nowrap">
                      <Text fw={700}>
                        {ticket.pointCode}-{ticketNumber(ticket.number)}
                      </Text>
                      <StatusBadge ticket={ticket} />
                    </Group>
                    <Text size="sm">
                      {ticket.memberNumber} · {ticket.memberName}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {formatMoment(i18n.language, ticket.deliveredAt, org.timeZone)}
                    </Text>
                    <Group justify="space-between">
                      <Text size="sm">
                        {formatNumber(locale, ticket.netKg, 3)} kg ·{' '}
                        {t(`coffeeState.${ticket.coffeeState as CoffeeState}`)}
                      </Text>
                      <Text fw={700}>{formatMoney(locale, ticket.currency, ticket.value)}</Text>
                    </Group>
                    <TicketActions org={org} ticket={ticket} canVoid={canVoid} onVoid={setVoiding} />
                  </Stack>
                </Paper>
              </li>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table
              striped
              highlightOnHover
              aria-label={t('tickets.tableLabel')}
              style={{ opacity: tickets.isPlaceholderData ? 0.6 : 1 }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tickets.number')}</Table.Th>
                  <Table.Th>{t('tickets.date')}</Table.Th>
                  <Table.Th>{t('tickets.member')}</Table.Th>
                  <Table.Th>{t('tickets.coffee')}</Table.Th>
                  <Table.Th ta="right">{t('tickets.netKg')}</Table.Th>
                  <Table.Th ta="right">{t('tickets.value')}</Table.Th>
                  <Table.Th>{t('tickets.status')}</Table.Th>
                  <Table.Th>{t('tickets.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((ticket) => (
                  <Table.Tr key={ticket.id}>
                    <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {ticket.pointCode}-{ticketNumber(ticket.number)}
                    </Table.Td>
                    <Table.Td>{formatMoment(i18n.language, ticket.deliveredAt, org.timeZone)}</Table.Td>
                    <Table.Td>
                      {ticket.memberNumber} · {ticket.memberName}
                    </Table.Td>
                    <Table.Td>
                      {t(`coffeeState.${ticket.coffeeState as CoffeeState}`)}
                      <Text size="xs" c="dimmed">
                        {t(`certClass.${ticket.certificationClass as CertClass}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatNumber(locale, ticket.netKg, 3)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                      {formatMoney(locale, ticket.currency, ticket.value)}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <StatusBadge ticket={ticket} />
                    </Table.Td>
                    <Table.Td>
                      <TicketActions org={org} ticket={ticket} canVoid={canVoid} onVoid={setVoiding} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {voiding && (
        <VoidDialog
          org={org}
          ticket={voiding}
          onClose={() => setVoiding(null)}
          onDone={(ticket) => {
            setVoiding(null);
            setFlash(t('tickets.voidDone', { code: ticket.pointCode, number: ticketNumber(ticket.number) }));
          }}
        />
      )}
    </>
  );
}

function StatusBadge({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  return ticket.voided ? (
    <Badge color="red" variant="filled" style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {t('tickets.voided')}
    </Badge>
  ) : (
    <Badge color="green" variant="light" style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {t('tickets.valid')}
    </Badge>
  );
}

function TicketActions({
  org,
  ticket,
  canVoid,
  onVoid,
}: {
  org: Org;
  ticket: Ticket;
  canVoid: boolean;
  onVoid: (ticket: Ticket) => void;
}) {
  const { t } = useTranslation();
  const names = { code: ticket.pointCode, number: ticketNumber(ticket.number) };
  return (
    <Group gap="xs" wrap="nowrap">
      <Anchor
        href={collectionPath(org.slug, { view: 'ticket', ticketId: ticket.id })}
        onClick={followLink}
        aria-label={t('tickets.receiptOf', names)}
        fw={600}
      >
        {t('tickets.receipt')}
      </Anchor>
      {ticket.voided && canUseDesk(org) && (
        <Anchor
          href={replacementPath(org.slug, ticket.id)}
          onClick={followLink}
          aria-label={t('tickets.replaceOf', names)}
          size="sm"
          style={{ whiteSpace: 'nowrap' }}
        >
          {t('tickets.replace')}
        </Anchor>
      )}
      {canVoid && !ticket.voided && (
        <Button
          size="compact-sm"
          variant="light"
          color="red"
          aria-label={t('tickets.voidOf', names)}
          onClick={() => onVoid(ticket)}
        >
          {t('tickets.void')}
        </Button>
      )}
    </Group>
  );
}

/** Void a ticket with a reason; desk users may go straight on to record its replacement. */
export function VoidDialog({
  org,
  ticket,
  onClose,
  onDone,
}: {
  org: Org;
  ticket: Ticket;
  onClose: () => void;
  onDone: (ticket: Ticket) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const voidTicket = useVoidTicket(org.slug);
  const thenReplace = useRef(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (voidTicket.isPending) return;
    const replace = thenReplace.current;
    thenReplace.current = false;
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    voidTicket.mutate(
      { id: ticket.id, reason: reason.trim() },
      {
        onSuccess: (voided) => {
          if (replace) navigate(replacementPath(org.slug, voided.id));
          else onDone(voided);
        },
      },
    );
  };
  const fieldError = serverFieldErrors(voidTicket.error).reason;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('tickets.voidTitle', { code: ticket.pointCode, number: ticketNumber(ticket.number) })}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('tickets.voidHelp')}</Text>
          <FormProblem error={voidTicket.error} shownFields={['reason']} />
          <Textarea
            label={t('tickets.voidReason')}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('form.required') : fieldError}
            withAsterisk
            autosize
            minRows={2}
            data-autofocus
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            {canUseDesk(org) && (
              <Button
                type="submit"
                color="red"
                variant="light"
                loading={voidTicket.isPending}
                onClick={() => {
                  thenReplace.current = true;
                }}
              >
                {t('tickets.voidAndReplace')}
              </Button>
            )}
            <Button type="submit" color="red" loading={voidTicket.isPending}>
              {t('tickets.voidConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
