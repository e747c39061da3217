/**
 * The EUDR data package of a shipment or contract (issue 12 item 7): the GeoJSON of every plot whose coffee is
 * in it, to the EC's GeoJSON File Description v1.3, split within the information system's limits; the DDS
 * fields the importer needs; and the plots that would make it invalid, with the members to visit. Pure code:
 * the same input gives the same package, byte for byte.
 *
 * Rules (REFERENCE.md §3): RFC 7946, WGS84, longitude first, 6 decimals (TRACES truncates); Polygon rings
 * closed with ≥ 4 positions, no holes, no self-crossing, no vertex repeated after 6-decimal rounding; a point
 * only for a plot of at most 4 ha, with a numeric `Area` in hectares; properties `ProducerName`,
 * `ProducerCountry`, `ProductionPlace` (and `Area`), nothing else; at most 25 MB of geolocation and 1,000
 * producers per commodity. eudr/validate.ts checks the files independently.
 */
import type { Point, Polygon } from 'geojson';
import { fromGrams, m2ToHectares } from '../../platform/units.js';
import { ISO_3166_ALPHA_2 } from './countries.js';
import { EUDR_LIMITS, type EudrSplitLimits } from './limits.js';
import { type AcceptedPlot, checkPlot, overlappingPairs, type PlotFinding } from './plots.js';
import type {
  EudrDds,
  EudrDdsCommodity,
  EudrFile,
  EudrPackage,
  EudrPackageInput,
  EudrProblem,
  EudrProducerInput,
  EudrProducerLine,
} from './types.js';

export interface EudrPackageOptions {
  /** Smaller split limits than the information system's (tests); never larger. */
  limits?: Partial<EudrSplitLimits>;
}

/** One producer on its way into the files. */
interface ProducerEntry {
  input: EudrProducerInput;
  /** ProducerName: the display name, with the member number when two producers share it. */
  name: string;
  member: NonNullable<EudrProblem['member']>;
  plots: AcceptedPlot[];
  /** Serialized features of the included plots, in plot order, and their UTF-8 bytes. */
  features: string[];
  featureBytes: number;
  file: number | null;
}

const HEADER = '{"type":"FeatureCollection","features":[';
const FOOTER = ']}';
const ENVELOPE_BYTES = Buffer.byteLength(HEADER) + Buffer.byteLength(FOOTER);

/**
 * Builds the EUDR data package of a shipment or contract. Never throws for bad data: each problem is listed
 * (and a problem plot left out, so every file stays valid); it throws a RangeError only for input no caller
 * should build — a member or plot twice, a producer without a positive mass.
 *
 * @example
 * const pkg = buildEudrPackage({ reference: 'C-2026-014', descriptionOfGoods: 'Café verde arábica, Perú',
 *   hsHeading: '090111', netMassGrams: 69_000n, countryOfProduction: 'PE', harvestStart: '2026-04-01',
 *   harvestEnd: '2026-09-30', producers: [{ memberId, memberNumber: '0001', displayName: 'Rosa Huamán',
 *   country: 'PE', massGrams: 69_000n, plots: [{ plotId, name: 'El Mirador', declaredAreaM2: 15_000,
 *   computedAreaM2: null, region: 'Cajamarca', district: 'Chirinos',
 *   geometry: { type: 'Point', coordinates: [-78.806201, -5.708413] } }] }] });
 * pkg.complete // true ; pkg.files[0].text // '{"type":"FeatureCollection","features":[{"type":"Feature",…'
 */
export function buildEudrPackage(input: EudrPackageInput, options: EudrPackageOptions = {}): EudrPackage {
  const limits: EudrSplitLimits = {
    maxFileBytes: Math.min(options.limits?.maxFileBytes ?? Infinity, EUDR_LIMITS.maxFileBytes),
    maxProducersPerFile: Math.min(
      options.limits?.maxProducersPerFile ?? Infinity,
      EUDR_LIMITS.maxProducersPerFile,
    ),
  };
  assertWellFormed(input);
  const problems: EudrProblem[] = shipmentProblems(input);

  const entries = producerEntries(input);
  const accepted: AcceptedPlot[] = [];
  entries.forEach((entry, index) => {
    const { input: producer, member } = entry;
    const add = (finding: PlotFinding, plot: EudrProblem['plot'] = null) =>
      problems.push({ ...finding, member, plot });
    if (!ISO_3166_ALPHA_2.has(producer.country)) {
      add({
        code: 'eudr.producer_country_invalid',
        severity: 'left_out',
        params: { country: producer.country },
      });
      return;
    }
    if (entry.name === '' || [...entry.name].length > EUDR_LIMITS.maxProducerNameChars) {
      add({
        code: 'eudr.producer_name_invalid',
        severity: 'left_out',
        params: { max: EUDR_LIMITS.maxProducerNameChars },
      });
      return;
    }
    if (producer.country !== input.countryOfProduction && ISO_3166_ALPHA_2.has(input.countryOfProduction)) {
      add({
        code: 'eudr.producer_country_differs',
        severity: 'review',
        params: { country: producer.country, countryOfProduction: input.countryOfProduction },
      });
    }
    if (producer.plots.length === 0) {
      add({ code: 'eudr.producer_without_plots', severity: 'left_out', params: {} });
      return;
    }
    for (const plot of [...producer.plots].sort(byPlot)) {
      const { accepted: ok, findings } = checkPlot(plot, index, producer.country);
      for (const finding of findings) add(finding, { plotId: plot.plotId, name: plot.name });
      if (ok) accepted.push(ok);
    }
  });

  const overlapping = new Set<number>();
  for (const [i, j] of overlappingPairs(accepted)) {
    const a = accepted[i] as AcceptedPlot;
    const b = accepted[j] as AcceptedPlot;
    const same = a.producer === b.producer;
    if (!same) overlapping.add(i).add(j);
    for (const [plot, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const otherEntry = entries[other.producer] as ProducerEntry;
      problems.push({
        code: same ? 'eudr.plots_overlap_same_producer' : 'eudr.plots_overlap',
        severity: same ? 'review' : 'left_out',
        member: (entries[plot.producer] as ProducerEntry).member,
        plot: { plotId: plot.input.plotId, name: plot.input.name },
        params: {
          otherPlot: other.input.name,
          otherMemberNumber: otherEntry.input.memberNumber,
          otherMember: otherEntry.input.displayName,
        },
      });
    }
  }
  accepted.forEach((plot, i) => {
    if (!overlapping.has(i)) (entries[plot.producer] as ProducerEntry).plots.push(plot);
  });

  for (const entry of entries) {
    entry.features = entry.plots.map((plot) => featureText(entry, plot));
    entry.featureBytes =
      entry.features.reduce((sum, text) => sum + Buffer.byteLength(text), 0) +
      Math.max(0, entry.features.length - 1);
  }
  const files = splitIntoFiles(input.reference, entries, limits, problems);
  const shares = basisPointShares(entries.map((entry) => entry.input.massGrams));
  const dds = ddsOf(input, entries, shares, files);
  const totalBytes = files.reduce((sum, file) => sum + file.bytes, 0);
  const included = entries.filter((entry) => entry.file !== null);
  if (
    totalBytes > EUDR_LIMITS.maxFileBytes ||
    included.length > EUDR_LIMITS.maxProducersPerDds ||
    files.length > EUDR_LIMITS.maxCommoditiesPerDds
  ) {
    problems.push({
      code: 'eudr.needs_several_dds',
      severity: 'review',
      member: null,
      plot: null,
      params: {
        producers: included.length,
        megabytes: (totalBytes / 1_000_000).toFixed(1),
        files: files.length,
      },
    });
  }

  const producers = entries.map((entry, i) => producerLine(entry, shares[i] as number));
  const completeGrams = entries
    .filter((_, i) => (producers[i] as EudrProducerLine).complete)
    .reduce((sum, entry) => sum + entry.input.massGrams, 0n);
  const includedPlots = included.flatMap((entry) => entry.plots);
  const summary = {
    producers: entries.length,
    producersIncluded: included.length,
    plots: entries.reduce((n, entry) => n + entry.input.plots.length, 0),
    plotsIncluded: includedPlots.length,
    polygons: includedPlots.filter((plot) => plot.geometry.type === 'Polygon').length,
    points: includedPlots.filter((plot) => plot.geometry.type === 'Point').length,
    areaHa: m2ToHectares(includedPlots.reduce((sum, plot) => sum + plot.areaM2, 0)),
    netWeightKg: kilograms(input.netMassGrams),
    completeKg: kilograms(completeGrams),
    completeShareBasisPoints:
      input.netMassGrams > 0n ? Number((completeGrams * 10_000n) / input.netMassGrams) : 0,
    files: files.length,
    bytes: totalBytes,
  };
  return {
    reference: input.reference,
    complete: problems.every((problem) => problem.severity === 'review'),
    files,
    problems: problems.sort(byProblem),
    dds,
    producers,
    summary,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The shipment

function assertWellFormed(input: EudrPackageInput): void {
  const members = new Set<string>();
  const plots = new Set<string>();
  for (const producer of input.producers) {
    if (members.has(producer.memberId)) throw new RangeError(`member ${producer.memberId} is listed twice`);
    members.add(producer.memberId);
    if (typeof producer.massGrams !== 'bigint' || producer.massGrams <= 0n) {
      throw new RangeError(`member ${producer.memberId}: massGrams must be a positive bigint`);
    }
    for (const plot of producer.plots) {
      if (plots.has(plot.plotId)) throw new RangeError(`plot ${plot.plotId} is listed twice`);
      plots.add(plot.plotId);
    }
  }
  if (typeof input.netMassGrams !== 'bigint') throw new RangeError('netMassGrams must be a bigint');
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** What is wrong with the DDS fields themselves: each blocks the statement. */
function shipmentProblems(input: EudrPackageInput): EudrProblem[] {
  const problems: EudrProblem[] = [];
  const blocking = (code: EudrProblem['code'], params: EudrProblem['params'] = {}) =>
    problems.push({ code, severity: 'blocking', member: null, plot: null, params });
  const reference = input.reference.trim();
  if (reference === '' || [...reference].length > EUDR_LIMITS.maxReferenceChars) {
    blocking('eudr.reference_invalid', { max: EUDR_LIMITS.maxReferenceChars });
  }
  const description = [...input.descriptionOfGoods.trim()].length;
  if (description === 0 || description > EUDR_LIMITS.maxDescriptionChars) {
    blocking('eudr.description_invalid', { length: description, max: EUDR_LIMITS.maxDescriptionChars });
  }
  // Coffee is HS 0901 (REFERENCE.md §3.2 [U]: "coffee is HS 0901"); the DDS takes 2 to 6 digits.
  if (!/^0901(\d{2})?$/.test(input.hsHeading)) {
    blocking('eudr.hs_heading_not_coffee', { hsHeading: input.hsHeading });
  }
  if (input.netMassGrams <= 0n) blocking('eudr.net_mass_invalid');
  if (!ISO_3166_ALPHA_2.has(input.countryOfProduction)) {
    blocking('eudr.country_invalid', { country: input.countryOfProduction });
  }
  if (
    !isCalendarDate(input.harvestStart) ||
    !isCalendarDate(input.harvestEnd) ||
    input.harvestStart > input.harvestEnd
  ) {
    blocking('eudr.harvest_dates_invalid', { start: input.harvestStart, end: input.harvestEnd });
  }
  if (input.producers.length === 0) blocking('eudr.no_producers');
  const producersGrams = input.producers.reduce((sum, producer) => sum + producer.massGrams, 0n);
  if (input.producers.length > 0 && producersGrams !== input.netMassGrams) {
    blocking('eudr.mass_not_accounted', {
      producersKg: kilograms(producersGrams),
      netKg: kilograms(input.netMassGrams),
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Producers and features

/** Code-point order, so the order does not depend on the machine's locale. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byPlot = (a: { name: string; plotId: string }, b: { name: string; plotId: string }) =>
  compare(a.name, b.name) || compare(a.plotId, b.plotId);

const tidy = (text: string | null | undefined): string =>
  (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * Producers in member-number order, each with the name its features carry. The information system groups a
 * commodity-level file's features into producers by ProducerName and ProducerCountry, so two members with the
 * same name would become one producer: such names get the member number, "Juan Pérez Rojas (0123)".
 */
function producerEntries(input: EudrPackageInput): ProducerEntry[] {
  const sorted = [...input.producers].sort(
    (a, b) => compare(a.memberNumber, b.memberNumber) || compare(a.memberId, b.memberId),
  );
  const key = (producer: EudrProducerInput) =>
    `${tidy(producer.displayName).toLowerCase()}\u0000${producer.country}`;
  const count = new Map<string, number>();
  for (const producer of sorted) count.set(key(producer), (count.get(key(producer)) ?? 0) + 1);
  return sorted.map((producer) => {
    const name = tidy(producer.displayName);
    return {
      input: producer,
      name: name !== '' && (count.get(key(producer)) ?? 0) > 1 ? `${name} (${producer.memberNumber})` : name,
      member: {
        memberId: producer.memberId,
        memberNumber: producer.memberNumber,
        name: producer.displayName,
      },
      plots: [],
      features: [],
      featureBytes: 0,
      file: null,
    };
  });
}

/**
 * One plot as a Feature. Properties in a fixed order; `Area` (hectares, a number, 4 decimals) on points only:
 * TRACES computes a polygon's area itself. ProductionPlace: the plot's name, district and region.
 */
function featureText(entry: ProducerEntry, plot: AcceptedPlot): string {
  const properties: Record<string, string | number> = {
    ProducerName: entry.name,
    ProducerCountry: entry.input.country,
  };
  const place = [plot.input.name, plot.input.district, plot.input.region]
    .map(tidy)
    .filter((part) => part !== '');
  if (place.length > 0) properties.ProductionPlace = place.join(', ');
  if (plot.geometry.type === 'Point') properties.Area = Number(m2ToHectares(plot.areaM2));
  const geometry: Point | Polygon = plot.geometry;
  return JSON.stringify({
    type: 'Feature',
    properties,
    geometry: { type: geometry.type, coordinates: geometry.coordinates },
  });
}

/**
 * Cuts the producers, in order, into files of at most `maxProducersPerFile` producers and `maxFileBytes`
 * bytes; a producer's plots stay together (a producer in two commodities would be counted twice). A producer
 * whose plots alone exceed the byte limit is left out.
 */
function splitIntoFiles(
  reference: string,
  entries: ProducerEntry[],
  limits: EudrSplitLimits,
  problems: EudrProblem[],
): EudrFile[] {
  const groups: ProducerEntry[][] = [];
  let current: ProducerEntry[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const entry of entries) {
    if (entry.features.length === 0) continue;
    if (ENVELOPE_BYTES + entry.featureBytes > limits.maxFileBytes) {
      problems.push({
        code: 'eudr.producer_too_large',
        severity: 'left_out',
        member: entry.member,
        plot: null,
        params: {
          megabytes: ((ENVELOPE_BYTES + entry.featureBytes) / 1_000_000).toFixed(1),
          max: (limits.maxFileBytes / 1_000_000).toFixed(1),
        },
      });
      entry.plots = [];
      entry.features = [];
      continue;
    }
    const added = (current.length > 0 ? 1 : 0) + entry.featureBytes;
    if (
      current.length > 0 &&
      (current.length >= limits.maxProducersPerFile || bytes + added > limits.maxFileBytes)
    ) {
      groups.push(current);
      current = [];
      bytes = ENVELOPE_BYTES;
    }
    bytes += (current.length > 0 ? 1 : 0) + entry.featureBytes;
    current.push(entry);
  }
  if (current.length > 0) groups.push(current);

  const base =
    reference
      .trim()
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'eudr';
  return groups.map((group, index) => {
    for (const entry of group) entry.file = index;
    const text = HEADER + group.flatMap((entry) => entry.features).join(',') + FOOTER;
    return {
      name: groups.length === 1 ? `${base}.geojson` : `${base}-${index + 1}-of-${groups.length}.geojson`,
      text,
      bytes: Buffer.byteLength(text),
      memberIds: group.map((entry) => entry.input.memberId),
      plotIds: group.flatMap((entry) => entry.plots.map((plot) => plot.input.plotId)),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// The DDS and the figures

const kilograms = (grams: bigint): string => fromGrams(grams, 'kg', 3);

function ddsOf(
  input: EudrPackageInput,
  entries: ProducerEntry[],
  shares: readonly number[],
  files: EudrFile[],
): EudrDds {
  const commodities: EudrDdsCommodity[] = files.map((file, index) => {
    const members = entries
      .map((entry, i) => ({ entry, share: shares[i] as number }))
      .filter(({ entry }) => entry.file === index);
    const grams = members.reduce((sum, { entry }) => sum + entry.input.massGrams, 0n);
    return {
      descriptors: {
        descriptionOfGoods: input.descriptionOfGoods.trim(),
        goodsMeasure: { netWeight: kilograms(grams) },
      },
      hsHeading: input.hsHeading,
      producers: members.map(({ entry, share }) => ({
        country: entry.input.country,
        name: entry.name,
        geometryGeojson: Buffer.from(HEADER + entry.features.join(',') + FOOTER).toString('base64'),
        memberNumber: entry.input.memberNumber,
        plotCount: entry.plots.length,
        netWeight: kilograms(entry.input.massGrams),
        shareBasisPoints: share,
      })),
      geolocationFile: file.name,
    };
  });
  return {
    internalReferenceNumber: input.reference.trim(),
    activityType: 'IMPORT',
    countryOfProduction: input.countryOfProduction,
    harvestStartDate: input.harvestStart,
    harvestEndDate: input.harvestEnd,
    netWeight: kilograms(input.netMassGrams),
    commodities,
  };
}

/**
 * Each mass's share of their sum in basis points, by largest remainder, so the shares add up to exactly 10,000
 * (ties to the earlier producer). All zeros when the sum is zero.
 */
export function basisPointShares(grams: readonly bigint[]): number[] {
  const total = grams.reduce((sum, g) => sum + g, 0n);
  if (total <= 0n) return grams.map(() => 0);
  const floors = grams.map((g) => (g * 10_000n) / total);
  const remainders = grams.map((g) => (g * 10_000n) % total);
  let left = 10_000 - Number(floors.reduce((sum, f) => sum + f, 0n));
  const shares = floors.map(Number);
  const order = grams
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = remainders[a] as bigint;
      const rb = remainders[b] as bigint;
      return ra > rb ? -1 : ra < rb ? 1 : a - b;
    });
  for (const i of order) {
    if (left === 0) break;
    shares[i] = (shares[i] as number) + 1;
    left--;
  }
  return shares;
}

function producerLine(entry: ProducerEntry, share: number): EudrProducerLine {
  return {
    memberId: entry.input.memberId,
    memberNumber: entry.input.memberNumber,
    name: entry.name === '' ? entry.input.displayName : entry.name,
    country: entry.input.country,
    plots: entry.input.plots.length,
    plotsIncluded: entry.plots.length,
    areaHa: m2ToHectares(entry.plots.reduce((sum, plot) => sum + plot.areaM2, 0)),
    massKg: kilograms(entry.input.massGrams),
    shareBasisPoints: share,
    complete: entry.file !== null && entry.plots.length === entry.input.plots.length,
  };
}

const SEVERITY_ORDER = { blocking: 0, left_out: 1, review: 2 } as const;

/** Shipment first, then by member number, plot, severity and code: a stable list to print. */
function byProblem(a: EudrProblem, b: EudrProblem): number {
  const shipmentFirst = Number(a.member !== null) - Number(b.member !== null);
  if (shipmentFirst !== 0) return shipmentFirst;
  const byMember =
    compare(a.member?.memberNumber ?? '', b.member?.memberNumber ?? '') ||
    compare(a.member?.memberId ?? '', b.member?.memberId ?? '');
  if (byMember !== 0) return byMember;
  const producerFirst = Number(a.plot !== null) - Number(b.plot !== null);
  if (producerFirst !== 0) return producerFirst;
  return (
    compare(a.plot?.name ?? '', b.plot?.name ?? '') ||
    compare(a.plot?.plotId ?? '', b.plot?.plotId ?? '') ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compare(a.code, b.code) ||
    compare(String(a.params.otherMemberNumber ?? ''), String(b.params.otherMemberNumber ?? '')) ||
    compare(String(a.params.otherPlot ?? ''), String(b.params.otherPlot ?? ''))
  );
}
