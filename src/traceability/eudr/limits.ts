/**
 * Limits of the EU Information System (TRACES) for due diligence statements, from the EC's *EUDR Information
 * System – Operator API Reference* v1.0, API V3, release 2026-05-29, with its GeoJSON File Description v1.3
 * (REFERENCE.md §3.2). Facts both the package builder and the checker read; each applies its own rules to them.
 */
export const EUDR_LIMITS = {
  /**
   * Geolocation data per DDS: 25 MB. Counted here as 25 × 10⁶ bytes of UTF-8 JSON, the smaller reading of
   * "MB" (the EC text does not say 10⁶ or 2²⁰), so a file that fits here fits either way.
   */
  maxFileBytes: 25_000_000,
  /** Producers per commodity of a DDS: 1,000. Each package file is one commodity. */
  maxProducersPerFile: 1_000,
  /** Producers per DDS: 10,000. */
  maxProducersPerDds: 10_000,
  /** Commodities per DDS: 100. */
  maxCommoditiesPerDds: 100,
  /** `descriptors.descriptionOfGoods`: at most 150 characters. */
  maxDescriptionChars: 150,
  /** `internalReferenceNumber`: at most 35 characters. */
  maxReferenceChars: 35,
  /** A producer's `name`: at most 500 characters. */
  maxProducerNameChars: 500,
  /** A point's `Area` in hectares: TRACES refuses more than 4 ha (Art. 2(28): above that, a polygon). */
  pointMaxAreaHa: 4,
  /** A point's `Area` in hectares: TRACES refuses less than 0.0001 ha (1 m²). */
  pointMinAreaHa: 0.0001,
  /** TRACES truncates coordinates to 6 decimals; a file carries no more than it keeps. */
  coordinateDecimals: 6,
} as const;

/** The two limits a package is split by; tests pass smaller ones to exercise the split with small inputs. */
export interface EudrSplitLimits {
  maxFileBytes: number;
  maxProducersPerFile: number;
}
