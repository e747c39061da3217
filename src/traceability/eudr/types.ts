/**
 * What goes into an EUDR data package and what comes out (package.ts builds it). Masses are integer grams
 * (bigint) going in and exact decimal text coming out, so the output is plain JSON.
 */

/** One plot of a producer, as the members domain stores it (`plots` table). */
export interface EudrPlotInput {
  /** `plots.plot_id`: unique in the package. */
  plotId: string;
  /** `plots.name`, e.g. "El Mirador". Printed in ProductionPlace and in the problems list. */
  name: string;
  /**
   * `plots.geometry` as stored: a GeoJSON Point or Polygon, longitude first, WGS84 (members/geo.ts wrote it);
   * null or undefined when the plot was never mapped. Revalidated here: a plot stored under older rules is
   * caught before it leaves.
   */
  geometry: unknown;
  /** `plots.declared_area_m2`: the area the member declares. A point's `Area` in the file comes from it. */
  declaredAreaM2: number | null;
  /**
   * `plots.computed_area_m2`. Polygons' areas are recomputed from the geometry; this is read only for a point
   * with no declared area (an area measured some other way).
   */
  computedAreaM2: number | null;
  /** Region and district of the plot (the member's `region`/`district` when the plot has none): ProductionPlace. */
  region: string | null;
  district: string | null;
}

/** One member whose coffee is in the shipment. */
export interface EudrProducerInput {
  /** `members.member_id`: unique in the package. */
  memberId: string;
  /** `members.member_number`: files and tables are ordered by it. */
  memberNumber: string;
  /** Given and family names as the member is known: the file's `ProducerName` and the DDS producer `name`. */
  displayName: string;
  /** ISO 3166-1 alpha-2 country of production of this producer's coffee ('PE', 'CO'). */
  country: string;
  /**
   * Grams of the shipment's net mass that come from this member (the trace's share, already in the shipment's
   * coffee state): a positive integer. The producers' grams should add up to `netMassGrams`.
   */
  massGrams: bigint;
  plots: readonly EudrPlotInput[];
}

/** A shipment or a contract: what the importer declares, and the producers behind it. */
export interface EudrPackageInput {
  /** The shipment's or contract's reference: the DDS `internalReferenceNumber` (≤ 35 characters). */
  reference: string;
  /** DDS `descriptionOfGoods` (≤ 150 characters), e.g. "Café verde arábica lavado, Perú, 275 sacos de 69 kg". */
  descriptionOfGoods: string;
  /** HS heading of the goods, 4 or 6 digits starting 0901 (coffee): '0901', '090111'. */
  hsHeading: string;
  /** Net mass of the shipment in grams: the DDS `netWeight` in kilograms, exact. */
  netMassGrams: bigint;
  /** ISO 3166-1 alpha-2 country of production. */
  countryOfProduction: string;
  /** Harvest (production) period, `YYYY-MM-DD`, start ≤ end (Art. 9(1)(e): date or time range of production). */
  harvestStart: string;
  harvestEnd: string;
  producers: readonly EudrProducerInput[];
}

/**
 * How bad a problem is:
 * - `left_out`: the plot (or all of the producer's plots) is left out of the files, so the package stays valid
 *   but does not cover that coffee: the member needs a visit before the shipment leaves;
 * - `blocking`: a DDS field is wrong; the importer cannot file the statement as it is;
 * - `review`: in the package as it is, but worth checking (it weakens the due diligence).
 */
export type EudrSeverity = 'left_out' | 'blocking' | 'review';

export const EUDR_PROBLEM_CODES = [
  // the shipment (blocking)
  'eudr.reference_invalid',
  'eudr.description_invalid',
  'eudr.hs_heading_not_coffee',
  'eudr.net_mass_invalid',
  'eudr.country_invalid',
  'eudr.harvest_dates_invalid',
  'eudr.no_producers',
  'eudr.mass_not_accounted',
  // the package as a whole (review)
  'eudr.needs_several_dds',
  // a producer
  'eudr.producer_without_plots',
  'eudr.producer_name_invalid',
  'eudr.producer_country_invalid',
  'eudr.producer_country_differs',
  'eudr.producer_too_large',
  // a plot
  'eudr.plot_without_geometry',
  'eudr.point_needs_polygon',
  'eudr.point_without_area',
  'eudr.geometry_invalid',
  'eudr.plots_overlap',
  'eudr.plots_overlap_same_producer',
  'eudr.area_mismatch',
  'eudr.low_precision',
] as const;
export type EudrProblemCode = (typeof EUDR_PROBLEM_CODES)[number];

/** Something that makes the package invalid or weaker, with the member to visit. */
export interface EudrProblem {
  code: EudrProblemCode;
  severity: EudrSeverity;
  /** The member to visit; null for a problem of the shipment itself. */
  member: { memberId: string; memberNumber: string; name: string } | null;
  /** The plot, for a plot's problem. */
  plot: { plotId: string; name: string } | null;
  /** Values for the message's placeholders (messages.ts). */
  params: Record<string, string | number>;
  /** For `eudr.geometry_invalid`: the geometry rule broken (a `geo.*` message of members) and its values. */
  cause?: { code: string; params: Record<string, string | number> };
}

/** One GeoJSON FeatureCollection to the EC's File Description v1.3: one commodity of the DDS. */
export interface EudrFile {
  /** File name: `<reference>.geojson`, or `<reference>-<n>-of-<total>.geojson` when split. */
  name: string;
  /** The file's content, compact JSON. */
  text: string;
  /** UTF-8 size of `text` in bytes. */
  bytes: number;
  /** Producers in the file (each producer's plots are all in one file). */
  memberIds: string[];
  /** Plots in the file, in the order of its features. */
  plotIds: string[];
}

/** A producer as the DDS (API V3) takes it, plus what the importer reads alongside. */
export interface EudrDdsProducer {
  /** ISO-2 country. V3 field. */
  country: string;
  /** ProducerName (the member number is added when two producers share a name). V3 field. */
  name: string;
  /** The producer's plots as a GeoJSON FeatureCollection, UTF-8, base64: V3 needs it so. */
  geometryGeojson: string;
  memberNumber: string;
  /** Plots of this producer in the package. */
  plotCount: number;
  /** The producer's mass in kg, exact decimal text. */
  netWeight: string;
  /** Share of the producers' mass, basis points (1 % = 100); all producers' shares add up to 10,000. */
  shareBasisPoints: number;
}

export interface EudrDdsCommodity {
  descriptors: {
    descriptionOfGoods: string;
    /** netWeight: kg as exact decimal text ('18975.000'): the mass of this commodity's producers. */
    goodsMeasure: { netWeight: string };
  };
  hsHeading: string;
  producers: EudrDdsProducer[];
  /** Which file of the package holds this commodity's geolocation. */
  geolocationFile: string;
}

/**
 * The DDS fields the importer needs, shaped after the V3 payload (REFERENCE.md §3.2). One commodity per file:
 * a DDS takes at most 1,000 producers per commodity. Fields the importer adds (EORI, countryOfActivity,
 * borderCrossCountry) are not here.
 */
export interface EudrDds {
  internalReferenceNumber: string;
  activityType: 'IMPORT';
  countryOfProduction: string;
  harvestStartDate: string;
  harvestEndDate: string;
  /** The shipment's net mass in kg, exact decimal text. */
  netWeight: string;
  commodities: EudrDdsCommodity[];
}

/** Every producer of the input, for tables (the PDF's producers table). */
export interface EudrProducerLine {
  memberId: string;
  memberNumber: string;
  /** As in the files. */
  name: string;
  country: string;
  plots: number;
  plotsIncluded: number;
  /** Area of the included plots, hectares with 4 decimals. */
  areaHa: string;
  massKg: string;
  shareBasisPoints: number;
  /** Every plot of the producer is in the files (and there is at least one). */
  complete: boolean;
}

export interface EudrSummary {
  producers: number;
  /** Producers with at least one plot in the files. */
  producersIncluded: number;
  plots: number;
  plotsIncluded: number;
  /** Included plots described by a polygon, and by a point. */
  polygons: number;
  points: number;
  /** Area of the included plots, hectares with 4 decimals (polygons as mapped; points as declared). */
  areaHa: string;
  netWeightKg: string;
  /** Mass of the producers whose every plot is in the files. */
  completeKg: string;
  /** That mass as a share of the shipment's net mass, basis points, rounded down. */
  completeShareBasisPoints: number;
  files: number;
  bytes: number;
}

export interface EudrPackage {
  reference: string;
  /** No problem leaves a plot out or blocks the DDS: every gram has its geolocation in the files. */
  complete: boolean;
  files: EudrFile[];
  problems: EudrProblem[];
  dds: EudrDds;
  producers: EudrProducerLine[];
  summary: EudrSummary;
}
