import { type Locale, translate } from '../../platform/i18n.js';
import { renderPdf } from '../../platform/pdf.js';
import { paymentsMessages } from '../messages.js';

type Key = Parameters<typeof paymentsMessages.t>[1];

/** What the slip prints: `PaymentsService.slip`. */
export interface SlipDocument {
  organization: { name: string };
  member: { memberNumber: string; name: string };
  settlement: { name: string; periodFrom: string; periodTo: string };
  currency: string;
  tickets: {
    number: string | number;
    date: string;
    netKg: string;
    moisturePercent: string | null;
    yieldPercent: string | null;
    payableKg: string;
    unitPricePerKg: string;
    value: string;
  }[];
  settlementLine: {
    byClass: { certificationClass: string; payableKg: string; amount: string }[];
    gross: string;
    deductions: { code: string; requested: string; taken: string }[];
    net: string;
  };
  payments: { paidOn: string | null; reference: string | null; status: string; amount: string }[];
  balance: string;
}

/**
 * A code in words, from the domain that owns it: a certification class (collection), a deduction
 * (settlement), a payment's status (payments). Read by key, not by import, so payments does not reach
 * into other domains; a code with no label (a service the cooperative named itself) prints as itself.
 */
function words(locale: Locale) {
  const word = (key: string, code: string) => {
    const text = translate(locale, key);
    return text === key ? code : text;
  };
  return {
    certificationClass: (code: string) => word(`collection.certification_class.${code}`, code),
    deduction: (code: string) => word(`settlement.deduction.${code}`, code),
    paymentStatus: (code: string) => word(`payments.status.${code}`, code),
  };
}

const html = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A printable page (A4, or 80 mm with the browser's print scale): the browser prints it or saves a PDF. */
export function slipHtml(slip: SlipDocument, locale: Locale): string {
  const t = (key: Key) => html(paymentsMessages.t(locale, key));
  const w = words(locale);
  const rows = (cells: unknown[][]) =>
    cells.map((r) => `<tr>${r.map((c) => `<td>${html(c)}</td>`).join('')}</tr>`).join('');
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${t('slip.title')} ${html(slip.member.memberNumber)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}td,th{border-bottom:1px solid #ccc;padding:.25rem .4rem;text-align:left}td:nth-child(n+3){text-align:right}h1{font-size:1.3rem}h2{font-size:1.05rem;margin-top:1.5rem}@media print{body{margin:0}}</style></head><body>
<h1>${t('slip.title')} — ${html(slip.organization.name)}</h1>
<p><strong>${html(slip.member.memberNumber)}</strong> ${html(slip.member.name)}<br>${html(slip.settlement.name)} (${html(slip.settlement.periodFrom)} – ${html(slip.settlement.periodTo)})</p>
<h2>${t('slip.tickets')}</h2><table><tr><th>${t('slip.ticket')}</th><th>${t('slip.date')}</th><th>${t('slip.net_kg')}</th><th>${t('slip.moisture')}</th><th>${t('slip.yield_short')}</th><th>${t('slip.payable_kg')}</th><th>${html(slip.currency)}/kg</th><th>${html(slip.currency)}</th></tr>
${rows(slip.tickets.map((k) => [k.number, k.date, k.netKg, k.moisturePercent ?? '', k.yieldPercent ?? '', k.payableKg, k.unitPricePerKg, k.value]))}</table>
<h2>${t('slip.settlement')}</h2><table>${rows(slip.settlementLine.byClass.map((c) => [w.certificationClass(c.certificationClass), '', c.payableKg, c.amount]))}<tr><td><strong>${t('slip.gross')}</strong></td><td></td><td></td><td><strong>${html(slip.settlementLine.gross)}</strong></td></tr></table>
<h2>${t('slip.deductions')}</h2><table>${rows(slip.settlementLine.deductions.map((d) => [w.deduction(d.code), '', d.requested, d.taken]))}<tr><td><strong>${t('slip.net')}</strong></td><td></td><td></td><td><strong>${html(slip.settlementLine.net)}</strong></td></tr></table>
<h2>${t('slip.payments')}</h2><table>${rows(slip.payments.map((p) => [p.paidOn ?? '', p.reference ?? '', w.paymentStatus(p.status), p.amount]))}</table>
<p><strong>${t('slip.balance')}: ${html(slip.currency)} ${html(slip.balance)}</strong></p></body></html>`;
}

/** The slip as a PDF: the same figures as the printable page. */
export function slipPdf(slip: SlipDocument, locale: Locale): Promise<Buffer> {
  const t = (key: Key) => paymentsMessages.t(locale, key);
  const w = words(locale);
  return renderPdf({
    title: `${t('slip.title')} — ${slip.member.memberNumber}`,
    subtitle: [
      slip.organization.name,
      slip.member.name,
      `${slip.settlement.name} (${slip.settlement.periodFrom} – ${slip.settlement.periodTo})`,
    ],
    sections: [
      {
        heading: t('slip.tickets'),
        table: {
          headers: [
            t('slip.ticket'),
            t('slip.date'),
            t('slip.net_kg'),
            t('slip.moisture_short'),
            t('slip.yield_short'),
            t('slip.payable_kg'),
            `${slip.currency}/kg`,
            slip.currency,
          ],
          rows: slip.tickets.map((k) => [
            k.number,
            k.date,
            k.netKg,
            k.moisturePercent,
            k.yieldPercent,
            k.payableKg,
            k.unitPricePerKg,
            k.value,
          ]),
          numeric: [2, 3, 4, 5, 6, 7],
        },
      },
      {
        heading: t('slip.settlement'),
        table: {
          headers: [t('slip.class'), t('slip.payable_kg'), slip.currency],
          rows: slip.settlementLine.byClass.map((c) => [
            w.certificationClass(c.certificationClass),
            c.payableKg,
            c.amount,
          ]),
          numeric: [1, 2],
        },
        total: [t('slip.gross'), slip.settlementLine.gross],
      },
      {
        heading: t('slip.deductions'),
        table: {
          headers: [t('slip.item'), t('slip.requested'), t('slip.taken')],
          rows: slip.settlementLine.deductions.map((d) => [w.deduction(d.code), d.requested, d.taken]),
          numeric: [1, 2],
        },
        total: [t('slip.net'), slip.settlementLine.net],
      },
      {
        heading: t('slip.payments'),
        table: {
          headers: [t('slip.date'), t('slip.reference'), t('slip.status'), slip.currency],
          rows: slip.payments.map((p) => [p.paidOn, p.reference, w.paymentStatus(p.status), p.amount]),
          numeric: [3],
        },
        total: [t('slip.balance'), `${slip.currency} ${slip.balance}`],
      },
    ],
  });
}
