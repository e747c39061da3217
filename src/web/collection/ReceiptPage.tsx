import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView as Ticket } from '../../collection/collection.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import type { CertClass, CoffeeState } from '../../shared/enums.js';
import { isApiProblem } from '../api/client.js';
import { LoadError, MessagePage, PageLoader } from '../app/feedback.js';
import { collectionPath, followLink } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formatMoment, formatMoney, formatNumber, numberLocale } from '../shared/format.js';
import { FlashMessage, useFlash } from '../shared/ui.js';
import {
  canManageCollection,
  canUseDesk,
  replacementPath,
  ticketNumber,
  useCollectionPoints,
  useTicket,
  useTickets,
} from './api.js';
import { CollectionHeader } from './CollectionHeader.js';
import { VoidDialog } from './TicketsPage.js';

export const RECEIPT_LAYOUTS = ['80mm', '58mm', 'a4'] as const;
export type ReceiptLayout = (typeof RECEIPT_LAYOUTS)[number];
const LAYOUT_KEY = 'ayni.receipt.layout';

function storedLayout(): ReceiptLayout {
  try {
    const v = window.localStorage.getItem(LAYOUT_KEY);
    return (RECEIPT_LAYOUTS as readonly string[]).includes(v ?? '') ? (v as ReceiptLayout) : '80mm';
  } catch {
    return '80mm';
  }
}

/** CSS @page for each layout: thermal rolls have a fixed width and run as long as the ticket. */
const PAGE_CSS: Record<ReceiptLayout, string> = {
  '80mm': '@page { size: 80mm auto; margin: 3mm; }',
  '58mm': '@page { size: 58mm auto; margin: 2mm; }',
  a4: '@page { size: A4; margin: 15mm; }',
};

/** `/o/:slug/collection/tickets/:id`: a ticket's printable receipt. */
export function ReceiptPage({ org, ticketId }: { org: Org; ticketId: string }) {
  const { t } = useTranslation();
  const ticket = useTicket(org.slug, ticketId);
  const points = useCollectionPoints(org.slug);
  const [layout, setLayout] = useState<ReceiptLayout>(storedLayout);
  const initialFlash = useFlash();
  const [flash, setFlash] = useState(initialFlash);
  const data = ticket.data;
  const [voiding, setVoiding] = useState(false);
  // The ticket that replaced this one, if it was voided and recorded again.
  const siblings = useTickets(
    org.slug,
    { pointCode: '', memberNumber: data?.memberNumber ?? '', from: '', to: '' },
    Boolean(data?.voided),
  );
  const replacedBy = data?.voided
    ? siblings.data?.items.find((x) => x.replacesTicketId === data.id)
    : undefined;
  const printRef = useRef<HTMLButtonElement>(null);
  // Just saved at the desk: Enter prints straight away.
  const justSaved = initialFlash !== null;
  const loaded = data !== undefined;
  useEffect(() => {
    if (justSaved && loaded) printRef.current?.focus();
  }, [justSaved, loaded]);
  const title = data
    ? t('receipt.title', { code: data.pointCode, number: ticketNumber(data.number) })
    : t('receipt.heading');
  useDocumentTitle(title, org.name);

  if (isApiProblem(ticket.error, 404)) {
    return <MessagePage title={t('receipt.heading')} text={ticket.error.detail ?? t('app.notFoundText')} />;
  }
  if (ticket.isError && !data)
    return <LoadError error={ticket.error} onRetry={() => void ticket.refetch()} />;
  if (!data) return <PageLoader />;

  const chooseLayout = (value: string) => {
    const v = value as ReceiptLayout;
    setLayout(v);
    try {
      window.localStorage.setItem(LAYOUT_KEY, v);
    } catch {
      // Storage disabled: the choice lasts for this page only.
    }
  };
  const pointName = points.data?.items.find((p) => p.code === data.pointCode)?.name ?? null;
  const desk = canUseDesk(org);
  const names = { code: data.pointCode, number: ticketNumber(data.number) };

  return (
    <>
      <style>{`@media print { ${PAGE_CSS[layout]} }`}</style>
      <CollectionHeader
        org={org}
        title={title}
        back={{ href: collectionPath(org.slug, { view: 'tickets' }), label: t('receipt.backToTickets') }}
        actions={
          <>
            {canManageCollection(org) && !data.voided && (
              <Button
                variant="light"
                color="red"
                onClick={() => setVoiding(true)}
                aria-label={t('tickets.voidOf', names)}
              >
                {t('tickets.void')}
              </Button>
            )}
            {desk && data.voided && !replacedBy && (
              <Button
                component="a"
                href={replacementPath(org.slug, data.id)}
                onClick={followLink}
                aria-label={t('tickets.replaceOf', names)}
              >
                {t('tickets.replace')}
              </Button>
            )}
            {desk && (
              <Button component="a" href={collectionPath(org.slug)} onClick={followLink} variant="default">
                {t('collection.newDelivery')}
              </Button>
            )}
          </>
        }
      />
      <div className="ayni-no-print">
        <FlashMessage message={flash} onClose={() => setFlash(null)} />
        {(replacedBy || data.replacesTicketId) && (
          <Stack gap={4} mb="sm">
            {replacedBy && (
              <Anchor
                href={collectionPath(org.slug, { view: 'ticket', ticketId: replacedBy.id })}
                onClick={followLink}
                fw={600}
              >
                {t('receipt.replacedBy', {
                  code: replacedBy.pointCode,
                  number: ticketNumber(replacedBy.number),
                })}
              </Anchor>
            )}
            {data.replacesTicketId && (
              <Anchor
                href={collectionPath(org.slug, { view: 'ticket', ticketId: data.replacesTicketId })}
                onClick={followLink}
              >
                {t('receipt.replaces')}
              </Anchor>
            )}
          </Stack>
        )}
        <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="ayni-receipt-layout">
              {t('receipt.layout')}
            </Text>
            <SegmentedControl
              aria-labelledby="ayni-receipt-layout"
              value={layout}
              onChange={chooseLayout}
              data={[
                { value: '80mm', label: t('receipt.thermal80') },
                { value: '58mm', label: t('receipt.thermal58') },
                { value: 'a4', label: t('receipt.a4') },
              ]}
            />
          </Stack>
          <Button ref={printRef} size="md" onClick={() => window.print()}>
            {t('receipt.print')}
          </Button>
          <Button
            component="a"
            size="md"
            variant="default"
            href={`/api/v1/orgs/${encodeURIComponent(org.slug)}/tickets/${encodeURIComponent(data.id)}/receipt.pdf?paper=${layout}`}
            target="_blank"
            rel="noopener"
          >
            {t('receipt.pdf')}
          </Button>
        </Group>
      </div>
      <Paper
        withBorder
        radius="sm"
        className={`ayni-receipt-paper ayni-receipt-paper-${layout}`}
        component="section"
        aria-label={t('receipt.preview')}
      >
        <Receipt org={org} ticket={data} pointName={pointName} layout={layout} />
      </Paper>
      {voiding && (
        <VoidDialog
          org={org}
          ticket={data}
          onClose={() => setVoiding(false)}
          onDone={(voided) => {
            setVoiding(false);
            setFlash(t('tickets.voidDone', { code: voided.pointCode, number: ticketNumber(voided.number) }));
          }}
        />
      )}
    </>
  );
}

/** The receipt itself, in plain markup that prints the same on a thermal roll and on paper. */
export function Receipt({
  org,
  ticket,
  pointName,
  layout,
}: {
  org: Org;
  ticket: Ticket;
  pointName: string | null;
  layout: ReceiptLayout;
}) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  const money = (v: string) => formatMoney(locale, ticket.currency, v);
  const kg = (v: string) => `${formatNumber(locale, v, 3)} kg`;
  const pct = (v: string | null) => (v === null ? '—' : `${formatNumber(locale, v, 2)} %`);
  const rows: [string, string][] = [
    [t('receipt.point'), pointName ? `${ticket.pointCode} · ${pointName}` : ticket.pointCode],
    [t('receipt.number'), `${ticket.pointCode}-${ticketNumber(ticket.number)}`],
    [t('receipt.date'), formatMoment(i18n.language, ticket.deliveredAt, org.timeZone)],
    [t('receipt.member'), `${ticket.memberNumber} · ${ticket.memberName}`],
    [t('receipt.coffeeState'), t(`coffeeState.${ticket.coffeeState as CoffeeState}`)],
    [t('receipt.certClass'), t(`certClass.${ticket.certificationClass as CertClass}`)],
    [t('receipt.sacks'), ticket.sackType ? `${ticket.sacks} (${ticket.sackType})` : String(ticket.sacks)],
    [t('receipt.gross'), kg(ticket.grossKg)],
    [t('receipt.tare'), kg(ticket.tareKg)],
    [t('receipt.net'), kg(ticket.netKg)],
    [t('receipt.moisture'), pct(ticket.moisturePercent)],
    ...(ticket.factor !== null
      ? [[t('receipt.factor'), formatNumber(locale, ticket.factor, 2)] as [string, string]]
      : []),
    ...(ticket.yieldPercent !== null || ticket.factor === null
      ? [[t('receipt.yield'), pct(ticket.yieldPercent)] as [string, string]]
      : []),
    [t('receipt.cup'), ticket.cupScore === null ? '—' : formatNumber(locale, ticket.cupScore, 2)],
  ];
  const money_rows: [string, string][] = [
    [t('receipt.payableKg'), kg(ticket.payableKg)],
    [t('receipt.unitPrice'), money(ticket.unitPricePerKg)],
    [t('receipt.value'), money(ticket.value)],
    [t('receipt.cashPaid'), money(ticket.cashPaid)],
  ];
  return (
    <article className={`ayni-receipt ayni-receipt-${layout}`} data-layout={layout}>
      <header className="ayni-receipt-head">
        <div className="ayni-receipt-org">{org.name}</div>
        <div>{t('receipt.heading')}</div>
        <div className="ayni-receipt-number">
          {ticket.pointCode}-{ticketNumber(ticket.number)}
        </div>
      </header>
      {ticket.voided && (
        <div className="ayni-receipt-void" role="note">
          <div className="ayni-receipt-void-title">{t('receipt.voided')}</div>
          <div>{t('receipt.voidReason', { reason: ticket.voided.reason })}</div>
          <div>
            {t('receipt.voidedAt', { date: formatMoment(i18n.language, ticket.voided.at, org.timeZone) })}
          </div>
        </div>
      )}
      <dl className="ayni-receipt-rows">
        {rows.map(([label, value]) => (
          <div key={label} className="ayni-receipt-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <hr />
      <dl className="ayni-receipt-rows">
        {money_rows.map(([label, value], i) => (
          <div key={label} className={`ayni-receipt-row${i === 2 ? ' ayni-receipt-total' : ''}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <hr />
      <div className="ayni-receipt-lines-title">{t('receipt.explanation')}</div>
      <ol className="ayni-receipt-lines">
        {ticket.lines.map((line) => (
          <li key={line.code}>{line.message}</li>
        ))}
      </ol>
      <div className="ayni-receipt-signature">{t('receipt.signature')}</div>
      <div className="ayni-receipt-foot">{t('receipt.recordedBy', { who: ticket.recordedBy })}</div>
    </article>
  );
}
