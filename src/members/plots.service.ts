import type { Actor, OrgAccess } from '../orgs/index.js';
import { auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { type Executor, inTransaction, type Trx } from '../platform/db/transaction.js';
import { AppError, type FieldError, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { fromGrams, hectaresToM2, m2ToHectares, toGrams } from '../platform/units.js';
import { type MembersDeps, memberOrThrow, readAccess, writeAccess } from './access.js';
import { polygonsOverlap, validatePlotGeometry } from './geo.js';
import type { PlotGeometry, UpdatePlotBody as PlotInput } from './members.contract.js';
import * as q from './members.queries.js';
import { PolygonColumn } from './members.tables.js';

/**
 * A member's plots (parcelas): the geometry checked against the EUDR rules (geo.ts), the areas in m²,
 * the coffee grown there, and the overlaps with other members' polygons recorded both ways and flagged.
 */

type PlotWarning = { code: string; path: string; params?: Record<string, string | number> };
type NewPlotInput = PlotInput & { id: string; name: string };

/**
 * Warnings that stay on a plot as flags to review; the others (a ring closed for the user, repeated
 * points removed) describe a correction already made.
 */
const FLAGGING_WARNINGS = new Set(['geo.area_mismatch', 'geo.low_precision']);

/** The flags a plot keeps from its geometry's warnings (`area_mismatch`, `low_precision`). */
export const plotFlags = (warnings: { code: string }[]) =>
  warnings.filter((w) => FLAGGING_WARNINGS.has(w.code)).map((w) => w.code.replace(/^geo\./, ''));

const haOf = (m2: number | null) => (m2 === null ? null : m2ToHectares(m2));

function plotView(
  p: q.PlotRow,
  memberNumber: string,
  overlaps: Awaited<ReturnType<typeof q.overlapsOf>>,
  warnings: PlotWarning[],
) {
  return {
    id: p.plot_id,
    memberNumber,
    name: p.name,
    declaredAreaHa: haOf(p.declared_area_m2),
    computedAreaHa: haOf(p.computed_area_m2),
    // stored by validatePlotGeometry as a Point or Polygon of [lon, lat] (altitude dropped)
    geometry: (p.geometry ?? null) as PlotGeometry | null,
    centroid:
      p.centroid_lon === null || p.centroid_lat === null
        ? null
        : ([p.centroid_lon, p.centroid_lat] as [number, number]),
    altitudeM: p.altitude_m,
    coffeeAreaHa: haOf(p.coffee_area_m2),
    varieties: p.varieties,
    treeCount: p.tree_count,
    plantingYear: p.planting_year,
    shade: p.shade,
    tenure: p.tenure,
    yearlyEstimateKg:
      p.yearly_estimate_grams === null ? null : fromGrams(BigInt(p.yearly_estimate_grams), 'kg', 3),
    flags: p.flags,
    overlapsWith: overlaps
      .filter((o) => o.plot_id === p.plot_id)
      .map((o) => ({ plotId: o.other_plot_id, memberNumber: o.member_number, name: o.name })),
    warnings,
  };
}

/** A member's plots as the API shows them, each with the plots it overlaps. */
export async function plotViews(exec: Executor, access: OrgAccess, member: q.MemberRow) {
  const plots = await q.plotsOfMember(exec, access.org.org_id, member.member_id);
  const overlaps = await q.overlapsOf(
    exec,
    access.org.org_id,
    plots.map((p) => p.plot_id),
  );
  return plots.map((p) => plotView(p, member.member_number, overlaps, []));
}

const NO_GEOMETRY = {
  geometry: null,
  geometry_type: null,
  computed_area_m2: null,
  centroid_lon: null,
  centroid_lat: null,
  min_lon: null,
  min_lat: null,
  max_lon: null,
  max_lat: null,
};

/**
 * The geometry's columns (shape, computed area, centroid, bounding box) once it passes the EUDR rules,
 * its problems as field errors, and its warnings. Nothing to check: no columns, no warnings.
 */
function geometryColumns(access: OrgAccess, geometryInput: unknown, declaredAreaM2: number | null) {
  const fields: FieldError[] = [];
  const verdict = validatePlotGeometry(geometryInput, { country: access.org.country, declaredAreaM2 });
  for (const e of verdict.errors) {
    const path = e.path ? `geometry.${e.path}` : 'geometry';
    fields.push({ path, code: e.code, ...(e.params && { params: e.params }) });
    // A likely cause the person can act on: swapped latitude/longitude, or a lost minus sign.
    if (e.params?.hint) fields.push({ path, code: `geo.hint.${e.params.hint}` });
  }
  if (!verdict.ok || !verdict.geometry) return { fields, warnings: verdict.warnings, columns: {} };
  const bbox = verdict.bbox!;
  const columns = {
    geometry: JSON.stringify(verdict.geometry),
    geometry_type: verdict.geometry.type as 'Point' | 'Polygon',
    computed_area_m2: verdict.areaM2 ?? null,
    centroid_lon: verdict.centroid?.[0] ?? null,
    centroid_lat: verdict.centroid?.[1] ?? null,
    min_lon: bbox[0],
    min_lat: bbox[1],
    max_lon: bbox[2],
    max_lat: bbox[3],
  };
  return { fields, warnings: verdict.warnings, columns };
}

/** The plot's other fields converted to the database's units; only those given. */
function descriptiveColumns(input: PlotInput, declared: number | null): Partial<q.PlotRow> {
  const columns: Partial<q.PlotRow> = {};
  if (input.name !== undefined) columns.name = input.name.trim();
  if (input.declaredAreaHa !== undefined) columns.declared_area_m2 = declared;
  if (input.altitudeM !== undefined) columns.altitude_m = input.altitudeM;
  if (input.coffeeAreaHa !== undefined)
    columns.coffee_area_m2 = input.coffeeAreaHa === null ? null : hectaresToM2(input.coffeeAreaHa);
  if (input.varieties !== undefined) columns.varieties = input.varieties;
  if (input.treeCount !== undefined) columns.tree_count = input.treeCount;
  if (input.plantingYear !== undefined) columns.planting_year = input.plantingYear;
  if (input.shade !== undefined) columns.shade = input.shade;
  if (input.tenure !== undefined) columns.tenure = input.tenure;
  if (input.yearlyEstimateKg !== undefined) {
    columns.yearly_estimate_grams =
      input.yearlyEstimateKg === null ? null : Number(toGrams(input.yearlyEstimateKg, 'kg'));
  }
  return columns;
}

/**
 * Checks a plot's geometry against the EUDR rules and converts its fields, or throws field errors.
 * Warnings (area mismatch, low precision) do not stop the write: they become flags to review.
 */
function plotColumns(access: OrgAccess, input: PlotInput, current?: q.PlotRow) {
  const declared =
    input.declaredAreaHa === undefined
      ? (current?.declared_area_m2 ?? null)
      : input.declaredAreaHa === null
        ? null
        : hectaresToM2(input.declaredAreaHa);
  const columns: Partial<q.PlotRow> & { geometry?: string | null } = {};
  let warnings: PlotWarning[] = [];
  let flags: string[] = current ? current.flags.filter((f) => f === 'overlap') : [];
  const geometryInput = input.geometry !== undefined ? input.geometry : current?.geometry;
  if (geometryInput !== undefined && geometryInput !== null) {
    const checked = geometryColumns(access, geometryInput, declared);
    if (checked.fields.length) throw invalid('members.invalid_plot', checked.fields);
    warnings = checked.warnings;
    flags = [...new Set([...flags, ...plotFlags(checked.warnings)])].sort();
    Object.assign(columns, checked.columns);
  } else if (input.geometry === null) {
    Object.assign(columns, NO_GEOMETRY);
  }
  Object.assign(columns, descriptiveColumns(input, declared));
  columns.flags = flags;
  return { columns, warnings };
}

/** Finds the other members' polygons this plot overlaps and records the pairs both ways. */
async function detectOverlaps(deps: MembersDeps, trx: Trx, access: OrgAccess, plot: q.PlotRow) {
  const before = (await q.overlapsOf(trx, access.org.org_id, [plot.plot_id])).map((o) => o.other_plot_id);
  let others: string[] = [];
  if (plot.geometry_type === 'Polygon' && plot.min_lon !== null) {
    const candidates = await q.overlapCandidates(trx, access.org.org_id, plot.member_id, [
      plot.min_lon,
      plot.min_lat!,
      plot.max_lon!,
      plot.max_lat!,
    ]);
    const polygon = PolygonColumn.parse(plot.geometry);
    others = candidates
      .filter((c) => polygonsOverlap(polygon, PolygonColumn.parse(c.geometry)))
      .map((c) => c.plot_id);
  }
  await q.replaceOverlaps(trx, access.org.org_id, plot.plot_id, others, deps.clock.now());
  await q.refreshOverlapFlag(trx, access.org.org_id, [plot.plot_id, ...others, ...before]);
  return (await q.findPlot(trx, access.org.org_id, plot.plot_id))!;
}

/** Creates a plot inside an open transaction (the API and imports), with its overlaps. */
export async function createPlotIn(
  deps: MembersDeps,
  trx: Trx,
  actor: Actor,
  access: OrgAccess,
  member: q.MemberRow,
  input: NewPlotInput,
) {
  const at = deps.clock.now();
  const { columns, warnings } = plotColumns(access, input);
  const inserted = await q.insertPlot(trx, {
    org_id: access.org.org_id,
    plot_id: input.id,
    member_id: member.member_id,
    ...columns,
    name: input.name.trim(),
    created_at: at,
    updated_at: at,
  } as Parameters<typeof q.insertPlot>[1]);
  const plot = await detectOverlaps(deps, trx, access, inserted);
  await appendAudit(trx, {
    orgId: access.org.org_id,
    actor: auditActor(actor),
    action: 'plot.create',
    entityType: 'plot',
    entityId: plot.plot_id,
    data: input,
    at,
  });
  return { plot, warnings };
}

export async function createPlot(
  deps: MembersDeps,
  actor: Actor,
  slug: string,
  memberNumber: string,
  input: NewPlotInput,
) {
  return inTransaction(deps.db, async (trx) => {
    const access = await writeAccess(deps, trx, actor, slug);
    const member = await memberOrThrow(trx, access.org.org_id, memberNumber);
    const { result } = await idempotentCreate(
      trx,
      {
        orgId: access.org.org_id,
        id: input.id,
        operation: 'plot.create',
        body: { memberNumber, ...input },
        at: deps.clock.now(),
      },
      async () => {
        const { plot, warnings } = await createPlotIn(deps, trx, actor, access, member, input);
        const overlaps = await q.overlapsOf(trx, access.org.org_id, [plot.plot_id]);
        return plotView(plot, member.member_number, overlaps, warnings);
      },
    );
    return result;
  });
}

/** Problems of a plot's geometry as field errors, without writing: the import's dry run uses it. */
export function checkPlotGeometry(
  access: OrgAccess,
  geometry: unknown,
  declaredAreaHa: string | null | undefined,
): FieldError[] {
  try {
    plotColumns(access, { geometry, ...(declaredAreaHa != null && { declaredAreaHa }) });
    return [];
  } catch (error) {
    if (error instanceof AppError && error.kind === 'invalid') return error.fields;
    throw error;
  }
}

/** Writes new columns on a plot, finds its overlaps again and records the change. */
async function rewritePlot(
  deps: MembersDeps,
  trx: Trx,
  actor: Actor,
  access: OrgAccess,
  plotId: string,
  columns: Partial<q.PlotRow>,
  input: PlotInput,
) {
  const at = deps.clock.now();
  await q.updatePlot(trx, access.org.org_id, plotId, { ...columns, updated_at: at } as never);
  const plot = await detectOverlaps(deps, trx, access, (await q.findPlot(trx, access.org.org_id, plotId))!);
  await appendAudit(trx, {
    orgId: access.org.org_id,
    actor: auditActor(actor),
    action: 'plot.update',
    entityType: 'plot',
    entityId: plotId,
    data: input,
    at,
  });
  return plot;
}

/** Creates the plot, or updates the member's plot of the same name: what a re-import does. */
export async function upsertPlotIn(
  deps: MembersDeps,
  trx: Trx,
  actor: Actor,
  access: OrgAccess,
  member: q.MemberRow,
  input: PlotInput & { name: string },
) {
  const current = (await q.plotsOfMember(trx, access.org.org_id, member.member_id)).find(
    (p) => p.name === input.name,
  );
  if (!current)
    return (await createPlotIn(deps, trx, actor, access, member, { ...input, id: deps.ids.next() })).plot;
  const { columns } = plotColumns(access, input, {
    ...current,
    member_number: member.member_number,
    user_id: member.user_id,
  } as never);
  return rewritePlot(deps, trx, actor, access, current.plot_id, columns, input);
}

export async function updatePlot(
  deps: MembersDeps,
  actor: Actor,
  slug: string,
  plotId: string,
  input: PlotInput,
) {
  return inTransaction(deps.db, async (trx) => {
    const access = await writeAccess(deps, trx, actor, slug);
    const current = await q.findPlot(trx, access.org.org_id, plotId);
    if (!current) throw notFound('members.plot_not_found');
    const { columns, warnings } = plotColumns(access, input, current);
    const plot = await rewritePlot(deps, trx, actor, access, plotId, columns, input);
    return plotView(
      plot,
      current.member_number,
      await q.overlapsOf(trx, access.org.org_id, [plotId]),
      warnings,
    );
  });
}

export async function listPlots(deps: MembersDeps, actor: Actor, slug: string, memberNumber: string) {
  const access = await readAccess(deps, deps.db, actor, slug);
  const member = await memberOrThrow(deps.db, access.org.org_id, memberNumber);
  return plotViews(deps.db, access, member);
}

export async function getPlot(deps: MembersDeps, actor: Actor, slug: string, plotId: string) {
  const access = await readAccess(deps, deps.db, actor, slug);
  const plot = await q.findPlot(deps.db, access.org.org_id, plotId);
  if (!plot) throw notFound('members.plot_not_found');
  return plotView(plot, plot.member_number, await q.overlapsOf(deps.db, access.org.org_id, [plotId]), []);
}

/** Every plot with a geometry as one GeoJSON FeatureCollection keyed by member number and plot name. */
export async function plotsGeoJson(deps: MembersDeps, actor: Actor, slug: string) {
  const access = await readAccess(deps, deps.db, actor, slug);
  const plots = await q.allPlotsWithMembers(deps.db, access.org.org_id);
  return {
    type: 'FeatureCollection' as const,
    features: plots
      .filter((p) => p.geometry !== null)
      .map((p) => ({
        type: 'Feature' as const,
        id: p.plot_id,
        geometry: p.geometry as PlotGeometry,
        properties: {
          memberNumber: p.member_number,
          plotName: p.name,
          declaredAreaHa: haOf(p.declared_area_m2),
          computedAreaHa: haOf(p.computed_area_m2),
          flags: p.flags,
        },
      })),
  };
}

/** The plots as rows in the export's column order (the import reads them back unchanged). */
export async function exportPlots(
  deps: MembersDeps,
  actor: Actor,
  slug: string,
): Promise<(string | number | null)[][]> {
  const access = await readAccess(deps, deps.db, actor, slug);
  return (await q.allPlotsWithMembers(deps.db, access.org.org_id)).map((p) => [
    p.member_number,
    p.name,
    haOf(p.declared_area_m2),
    haOf(p.computed_area_m2),
    p.centroid_lat === null ? null : p.centroid_lat.toFixed(6),
    p.centroid_lon === null ? null : p.centroid_lon.toFixed(6),
    p.altitude_m,
    haOf(p.coffee_area_m2),
    p.varieties.join(', '),
    p.tree_count,
    p.planting_year,
    p.shade,
    p.tenure,
    p.yearly_estimate_grams === null ? null : fromGrams(BigInt(p.yearly_estimate_grams), 'kg', 3),
    p.flags.join(', '),
  ]);
}

/** For other domains' services (collection's quota): the member's yearly estimate over their plots. */
export function yearlyEstimateGrams(exec: Executor, orgId: string, memberId: string) {
  return q.yearlyEstimateGrams(exec, orgId, memberId);
}
