import type { Locale } from '../../platform/i18n.js';
import { type PaperSize, renderPdf } from '../../platform/pdf.js';
import { collectionMessages } from '../messages.js';

type Key = Parameters<typeof collectionMessages.t>[1];

/** What the receipt prints: a ticket as `CollectionService.getTicket` returns it, its pricing lines in words. */
export interface ReceiptTicket {
  pointCode: string;
  number: number;
  organization: string;
  memberNumber: string;
  memberName: string;
  deliveredAtLocal: string;
  coffeeState: string;
  certificationClass: string;
  sacks: number;
  sackType: string | null;
  grossKg: string;
  tareKg: string;
  netKg: string;
  moisturePercent: string | null;
  yieldPercent: string | null;
  cupScore: string | null;
  payableKg: string;
  unitPricePerKg: string;
  currency: string;
  value: string;
  cashPaid: string;
  recordedBy: string;
  voided: { reason: string } | null;
  lines: { message: string }[];
}

/** A code in words (`dry_parchment` → Pergamino seco); a code the catalogue does not know prints as itself. */
function word(
  locale: Locale,
  prefix: 'collection.coffee_state' | 'collection.certification_class',
  code: string,
) {
  const key = `${prefix}.${code}`;
  return collectionMessages.has(key) ? collectionMessages.t(locale, key) : code;
}

/** The receipt the member takes home: every number of the ticket, on thermal paper or A4. */
export function receiptPdf(ticket: ReceiptTicket, paper: PaperSize, locale: Locale): Promise<Buffer> {
  const t = (key: Key, params?: Record<string, string | number>) => collectionMessages.t(locale, key, params);
  const label = `${ticket.pointCode}-${String(ticket.number).padStart(6, '0')}`;
  const coffee = `${word(locale, 'collection.coffee_state', ticket.coffeeState)} / ${word(locale, 'collection.certification_class', ticket.certificationClass)}`;
  const pairs: [string, string][] = [
    [t('receipt.member'), `${ticket.memberNumber} ${ticket.memberName}`],
    [t('receipt.date'), ticket.deliveredAtLocal],
    [t('receipt.coffee'), coffee],
    [t('receipt.sacks'), `${ticket.sacks}${ticket.sackType ? ` ${ticket.sackType}` : ''}`],
    [t('receipt.gross_kg'), ticket.grossKg],
    [t('receipt.tare_kg'), ticket.tareKg],
    [t('receipt.net_kg'), ticket.netKg],
  ];
  if (ticket.moisturePercent) pairs.push([t('receipt.moisture'), ticket.moisturePercent]);
  if (ticket.yieldPercent) pairs.push([t('receipt.yield'), ticket.yieldPercent]);
  if (ticket.cupScore) pairs.push([t('receipt.cup'), ticket.cupScore]);
  pairs.push(
    [t('receipt.payable_kg'), ticket.payableKg],
    [`${ticket.currency}/kg`, ticket.unitPricePerKg],
    [t('receipt.value'), `${ticket.currency} ${ticket.value}`],
    [t('receipt.cash_paid'), `${ticket.currency} ${ticket.cashPaid}`],
  );
  return renderPdf({
    paper,
    title: `Ticket ${label}`,
    subtitle: [
      ticket.organization,
      ...(ticket.voided ? [t('receipt.void', { reason: ticket.voided.reason })] : []),
    ],
    sections: [
      { pairs },
      { heading: t('receipt.how_priced'), text: ticket.lines.map((l) => l.message).join('\n') },
    ],
    footer: t('receipt.recorded_by', { name: ticket.recordedBy }),
  });
}
