import type { Locale } from '../../platform/i18n.js';
import { type PdfSection, renderPdf } from '../../platform/pdf.js';
import { traceMessages } from '../trace.messages.js';
import type { LotTraceView } from '../traceability.contract.js';

type Key = Parameters<typeof traceMessages.t>[1];

const percent = (bp: number, locale: Locale) =>
  `${(bp / 100).toLocaleString(locale === 'es' ? 'es-PE' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;

/** A code in words; one the catalogue does not know prints as itself. */
function word(locale: Locale, prefix: 'trace.product' | 'trace.class', code: string) {
  const key = `${prefix}.${code}`;
  return traceMessages.has(key) ? traceMessages.t(locale, key) : code;
}

function location(geometry: unknown): string {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g) return '—';
  if (g.type === 'Point' && Array.isArray(g.coordinates)) {
    const [lon, lat] = g.coordinates as number[];
    return `${lat?.toFixed(5)}, ${lon?.toFixed(5)}`;
  }
  if (g.type === 'Polygon' && Array.isArray(g.coordinates)) {
    const ring = (g.coordinates as number[][][])[0] ?? [];
    const lon = ring.reduce((s, p) => s + (p[0] ?? 0), 0) / Math.max(1, ring.length);
    const lat = ring.reduce((s, p) => s + (p[1] ?? 0), 0) / Math.max(1, ring.length);
    return `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
  }
  return '—';
}

/**
 * The printable traceability report of a lot: the lot, the organizations, the lots it is made of, every member
 * with their share by mass, their plots and the weigh tickets. What the reader may not see (a cooperative that
 * did not share its members) is left out or marked, as on the screen.
 */
export function traceReportPdf(trace: LotTraceView, locale: Locale, generatedOn: string): Promise<Buffer> {
  const t = (key: Key, params?: Record<string, string | number>) => traceMessages.t(locale, key, params);
  const lot = trace.lot;
  const sections: PdfSection[] = [
    {
      pairs: [
        [t('trace.report.lot'), `${lot.code} — ${lot.orgName}`],
        [t('trace.report.product'), word(locale, 'trace.product', lot.product)],
        [t('trace.report.class'), word(locale, 'trace.class', lot.certificationClass)],
        [t('trace.report.mass'), `${lot.kg} kg`],
        [t('trace.report.harvest'), lot.harvestFrom ? `${lot.harvestFrom} — ${lot.harvestTo ?? ''}` : '—'],
        [t('trace.report.eudr'), lot.eudr ? t('trace.report.yes') : t('trace.report.no')],
      ],
    },
    { text: t('trace.report.how') },
  ];
  if (trace.organizations.length > 1 || trace.organizations.some((o) => o.visibility === 'aggregate'))
    sections.push({
      heading: t('trace.report.organizations'),
      table: {
        headers: [t('trace.report.col.organization'), t('trace.report.col.kg'), t('trace.report.col.share')],
        rows: trace.organizations.map((o) => [o.name, o.kg, percent(o.shareBp, locale)]),
        numeric: [1, 2],
      },
    });
  for (const o of trace.organizations.filter((x) => x.visibility === 'aggregate'))
    sections.push({ text: t('trace.report.aggregate', { org: o.name, kg: o.kg, members: o.members }) });
  if (trace.lots.length > 0)
    sections.push({
      heading: t('trace.report.lots'),
      table: {
        headers: [
          t('trace.report.col.organization'),
          t('trace.report.col.code'),
          t('trace.report.col.product'),
          t('trace.report.col.kg'),
          t('trace.report.col.share'),
        ],
        rows: trace.lots.map((l) => [
          l.orgName,
          `${'· '.repeat(Math.max(0, l.depth - 1))}${l.code}`,
          word(locale, 'trace.product', l.product),
          l.kg,
          percent(l.shareBp, locale),
        ]),
        numeric: [3, 4],
      },
    });
  sections.push({
    heading: t('trace.report.members'),
    table: {
      headers: [
        t('trace.report.col.member'),
        t('trace.report.col.name'),
        t('trace.report.col.district'),
        t('trace.report.col.tickets'),
        t('trace.report.col.kg'),
        t('trace.report.col.share'),
      ],
      rows: trace.members.map((m) => [
        m.memberNumber,
        m.name ?? t('trace.report.hidden'),
        m.district ?? '—',
        m.tickets,
        m.kg,
        percent(m.shareBp, locale),
      ]),
      numeric: [3, 4, 5],
    },
  });
  if (trace.plots.length > 0)
    sections.push({
      heading: t('trace.report.plots'),
      table: {
        headers: [
          t('trace.report.col.member'),
          t('trace.report.col.plot'),
          t('trace.report.col.area'),
          t('trace.report.col.location'),
          t('trace.report.col.kg'),
          t('trace.report.col.share'),
        ],
        rows: trace.plots.map((p) => [
          p.memberNumber,
          p.name,
          p.areaHa ?? '—',
          location(p.geometry),
          p.kg,
          percent(p.shareBp, locale),
        ]),
        numeric: [2, 4, 5],
      },
    });
  sections.push({
    heading: t('trace.report.tickets'),
    table: {
      headers: [
        t('trace.report.col.ticket'),
        t('trace.report.col.member'),
        t('trace.report.col.date'),
        t('trace.report.col.net'),
        t('trace.report.col.kg'),
        t('trace.report.col.share'),
      ],
      rows: trace.tickets.map((x) => [
        x.ticketNumber,
        x.memberNumber,
        x.deliveryDate,
        x.netKg,
        x.kg,
        percent(x.shareBp, locale),
      ]),
      numeric: [0, 3, 4, 5],
    },
  });
  return renderPdf({
    title: t('trace.report.title', { code: lot.code }),
    subtitle: [lot.orgName],
    sections,
    footer: t('trace.report.footer', { date: generatedOn }),
    author: lot.orgName,
  });
}
