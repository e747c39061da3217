import type { Locale } from '../../platform/i18n.js';
import { type PdfSection, renderPdf } from '../../platform/pdf.js';
import { describeEudrProblem } from '../eudr/describe.js';
import type { EudrPackage, EudrProblem } from '../eudr/types.js';
import { traceabilityMessages } from '../messages.js';

type Key = Parameters<typeof traceabilityMessages.t>[1];

export interface EudrPackageDocumentContext {
  /** The cooperative (or central) that built the package. */
  organizationName?: string;
  /** The day it was built, YYYY-MM-DD (the caller's clock: the document has none of its own). */
  generatedOn?: string;
}

/** Basis points as a percentage with two decimals: 8750 → "87.50 %". */
const percent = (basisPoints: number): string =>
  `${Math.floor(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, '0')} %`;

/**
 * The EUDR package as a readable PDF for the cooperative and the buyer: the shipment and its DDS fields, the
 * figures, what to fix before the shipment leaves (plots to visit first), every producer's share, and the
 * GeoJSON files that go with it. Everything printed comes from the package; words from the catalogue.
 */
export function eudrPackagePdf(
  pkg: EudrPackage,
  locale: Locale,
  context: EudrPackageDocumentContext = {},
): Promise<Buffer> {
  const t = (key: Key, params?: Record<string, string | number>) =>
    traceabilityMessages.t(locale, key, params);
  const { dds, summary } = pkg;
  const description = dds.commodities[0]?.descriptors.descriptionOfGoods ?? '';
  const hsHeading = dds.commodities[0]?.hsHeading ?? '';
  const problemRows = (problems: EudrProblem[]) =>
    problems.map((problem) => [
      problem.member?.memberNumber ?? '',
      problem.member?.name ?? '',
      problem.plot?.name ?? '—',
      describeEudrProblem(problem, locale),
    ]);
  const shipmentProblems = pkg.problems.filter((problem) => problem.member === null);
  const toVisit = pkg.problems.filter((problem) => problem.member !== null && problem.severity !== 'review');
  const toReview = pkg.problems.filter((problem) => problem.member !== null && problem.severity === 'review');
  const problemHeaders = [
    t('eudr.pdf.member_number'),
    t('eudr.pdf.name'),
    t('eudr.pdf.plot'),
    t('eudr.pdf.problem'),
  ];
  const problemWidths = [1.1, 2.2, 1.8, 5];

  const sections: PdfSection[] = [
    {
      heading: t('eudr.pdf.dds'),
      table: {
        headers: [t('eudr.pdf.field'), t('eudr.pdf.value')],
        rows: [
          [t('eudr.pdf.reference'), dds.internalReferenceNumber],
          [t('eudr.pdf.activity'), t('eudr.pdf.activity_import')],
          [t('eudr.pdf.hs_heading'), hsHeading],
          [t('eudr.pdf.description'), description],
          [t('eudr.pdf.net_weight'), dds.netWeight],
          [t('eudr.pdf.country'), dds.countryOfProduction],
          [
            t('eudr.pdf.harvest'),
            t('eudr.pdf.harvest_range', { start: dds.harvestStartDate, end: dds.harvestEndDate }),
          ],
        ],
        widths: [1, 2],
      },
    },
    {
      heading: t('eudr.pdf.summary'),
      pairs: [
        [t('eudr.pdf.producers_count'), `${summary.producersIncluded} / ${summary.producers}`],
        [t('eudr.pdf.plots_count'), `${summary.plotsIncluded} / ${summary.plots}`],
        [t('eudr.pdf.polygons_points'), `${summary.polygons} / ${summary.points}`],
        [t('eudr.pdf.area'), summary.areaHa],
        [
          t('eudr.pdf.complete_share'),
          `${summary.completeKg} kg (${percent(summary.completeShareBasisPoints)})`,
        ],
      ],
    },
  ];
  if (shipmentProblems.length > 0) {
    sections.push({
      heading: t('eudr.pdf.shipment_problems'),
      table: {
        headers: [t('eudr.pdf.problem')],
        rows: shipmentProblems.map((problem) => [describeEudrProblem(problem, locale)]),
      },
    });
  }
  sections.push(
    toVisit.length > 0
      ? {
          heading: t('eudr.pdf.to_visit'),
          table: { headers: problemHeaders, rows: problemRows(toVisit), widths: problemWidths },
        }
      : { heading: t('eudr.pdf.to_visit'), text: t('eudr.pdf.nothing_to_visit') },
  );
  if (toReview.length > 0) {
    sections.push({
      heading: t('eudr.pdf.to_review'),
      table: { headers: problemHeaders, rows: problemRows(toReview), widths: problemWidths },
    });
  }
  sections.push(
    {
      heading: t('eudr.pdf.producers'),
      table: {
        headers: [
          t('eudr.pdf.member_number'),
          t('eudr.pdf.name'),
          t('eudr.pdf.plots'),
          t('eudr.pdf.hectares'),
          t('eudr.pdf.mass_kg'),
          t('eudr.pdf.share'),
        ],
        rows: pkg.producers.map((producer) => [
          producer.memberNumber,
          producer.name,
          producer.plotsIncluded === producer.plots
            ? String(producer.plots)
            : `${producer.plotsIncluded} / ${producer.plots}`,
          producer.areaHa,
          producer.massKg,
          percent(producer.shareBasisPoints),
        ]),
        numeric: [2, 3, 4, 5],
        widths: [1.2, 3.6, 1, 1.2, 1.6, 1.4],
      },
    },
    {
      heading: t('eudr.pdf.files'),
      table: {
        headers: [t('eudr.pdf.file'), t('eudr.pdf.producers'), t('eudr.pdf.plots'), t('eudr.pdf.size')],
        rows: pkg.files.map((file) => [
          file.name,
          file.memberIds.length,
          file.plotIds.length,
          (file.bytes / 1000).toFixed(1),
        ]),
        numeric: [1, 2, 3],
        widths: [4, 1.2, 1, 1.2],
      },
    },
  );

  return renderPdf({
    title: `${t('eudr.pdf.title')} — ${pkg.reference}`,
    subtitle: [
      ...(context.organizationName ? [context.organizationName] : []),
      description,
      pkg.complete ? t('eudr.pdf.complete') : t('eudr.pdf.incomplete'),
      ...(context.generatedOn ? [t('eudr.pdf.generated', { date: context.generatedOn })] : []),
    ],
    sections,
    footer: t('eudr.pdf.footer'),
    author: context.organizationName ?? 'Ayni',
  });
}
