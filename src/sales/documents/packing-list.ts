import type { Locale } from '../../platform/i18n.js';
import { formatMoney, parseMoney } from '../../platform/money.js';
import { renderPdf } from '../../platform/pdf.js';
import { salesMessages } from '../messages.js';
import type { ShipmentView } from '../sales.contract.js';

type Key = Parameters<typeof salesMessages.t>[1];

/** What the packing list prints besides the shipment: who ships, and the goods in words. */
export interface PackingListContext {
  organization: string;
  product: string;
  certificationClass: string;
  grade: string | null;
}

/**
 * The packing list of a shipment: ICO mark, buyer, vessel and ports, then every container with its seal
 * and the bags and net kg of each lot in it, and the totals. Printed on A4 for the shipping agent and the
 * buyer.
 */
export function packingListPdf(
  shipment: ShipmentView,
  context: PackingListContext,
  locale: Locale,
): Promise<Buffer> {
  const t = (key: Key, params?: Record<string, string | number>) => salesMessages.t(locale, key, params);
  const productKey = `sales.product.${context.product}`;
  const product = salesMessages.has(productKey)
    ? salesMessages.t(locale, productKey)
    : t('sales.product.other');
  const classKey = `sales.class.${context.certificationClass}`;
  const goods = `${product}, ${salesMessages.has(classKey) ? salesMessages.t(locale, classKey) : context.certificationClass}${context.grade ? ` — ${context.grade}` : ''}`;
  const pairs: [string, string][] = [
    [t('sales.pdf.contract'), shipment.contractNumber],
    [t('sales.pdf.buyer'), shipment.buyer],
    [t('sales.pdf.ico_mark'), shipment.icoMark],
    [t('sales.pdf.goods'), goods],
  ];
  if (shipment.vessel) pairs.push([t('sales.pdf.vessel'), shipment.vessel]);
  if (shipment.billOfLading) pairs.push([t('sales.pdf.bl'), shipment.billOfLading]);
  if (shipment.portOfLoading || shipment.portOfDischarge)
    pairs.push([
      t('sales.pdf.ports'),
      `${shipment.portOfLoading ?? '—'} → ${shipment.portOfDischarge ?? '—'}`,
    ]);
  pairs.push([t('sales.pdf.shipped_on'), shipment.shippedOn ?? t('sales.pdf.planned')]);
  if (shipment.ddsReference) pairs.push([t('sales.pdf.dds'), shipment.ddsReference]);
  const KG = { code: 'kg', minorUnits: 3 };
  const gross = formatMoney(
    shipment.containers.reduce((s, c) => s + parseMoney(c.grossKg, KG), 0n),
    KG,
  );
  return renderPdf({
    paper: 'a4',
    title: `${t('sales.pdf.packing_list')} ${shipment.icoMark}`,
    subtitle: [context.organization],
    sections: [
      { pairs },
      ...shipment.containers.map((c) => ({
        heading: `${t('sales.pdf.container')} ${c.number} · ${t('sales.pdf.seal')} ${c.seal}`,
        table: {
          headers: [t('sales.pdf.lot'), t('sales.pdf.bags'), t('sales.pdf.net_kg')],
          rows: c.lots.map((l) => [l.lotCode, l.bags, l.netKg]),
          numeric: [1, 2],
        },
        total: [
          `${t('sales.pdf.total')} ${c.number}`,
          `${c.bags} · ${c.netKg} kg (${t('sales.pdf.gross_kg')} ${c.grossKg})`,
        ] as [string, string],
      })),
      {
        total: [
          t('sales.pdf.total'),
          `${shipment.bags} ${t('sales.pdf.bags').toLowerCase()} · ${shipment.netKg} kg (${t('sales.pdf.gross_kg')} ${gross})`,
        ] as [string, string],
      },
    ],
  });
}
