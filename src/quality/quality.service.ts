import { randomInt } from 'node:crypto';
import { findLotByCode, insertLotDraw, lotsByIds } from '../lots/index.js';
import type { OrgsService } from '../orgs/index.js';
import { type Actor, actorUserId, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { type Executor, inTransaction } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { conflict, forbidden, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { blindCodes, summarize } from '../shared/cupping.js';
import {
  DEFECT_KINDS,
  fullDefects,
  type Grade,
  gradeOf,
  mainScreen,
  outTurnBp,
  SCREENS,
  type Screen,
  screenShares,
} from '../shared/grading.js';
import type { CupDescriptor } from '../shared/quality.js';
import {
  AnalysisBody,
  type AnalysisView,
  CreateSampleBody,
  CreateSessionBody,
  type CuppingResult,
  DispatchBody,
  type DispatchView,
  type LotQualityHistory,
  type SampleDetail,
  type SampleView,
  ScoreBody,
  type ScoreView,
  type SessionDetail,
  type SessionView,
} from './quality.contract.js';
import * as q from './quality.queries.js';

/**
 * The quality lab: samples (drawn from a lot in the same transaction, or received), where they went,
 * physical analyses (the database computes full defects and grade), blind cupping sessions. Rights:
 * `quality.read` to see, `quality.write` (lab, manager, admin) to record and to cup.
 */

const SCREEN_COLUMN: Record<Screen, keyof q.AnalysisRow> = {
  '19': 'screen_19_grams',
  '18': 'screen_18_grams',
  '17': 'screen_17_grams',
  '16': 'screen_16_grams',
  '15': 'screen_15_grams',
  '14': 'screen_14_grams',
  under_14: 'screen_under_14_grams',
};

function screensOf(row: Partial<Record<string, unknown>>): Partial<Record<Screen, number>> {
  return Object.fromEntries(SCREENS.map((s) => [s, Number(row[SCREEN_COLUMN[s]] ?? 0)]));
}

export function analysisView(row: q.AnalysisRow): AnalysisView {
  const screens = screensOf(row);
  return {
    id: row.analysis_id,
    sampleCode: row.sample_code,
    analyzedOn: row.analyzed_on,
    portionGrams: row.portion_grams,
    moistureBp: row.moisture_bp,
    waterActivityMilli: row.water_activity_milli,
    densityGramsPerLitre: row.density_g_per_l,
    screens: screens as Record<string, number>,
    screenShares: screenShares(screens, row.portion_grams),
    mainScreen: mainScreen(screens),
    defects: Object.fromEntries(DEFECT_KINDS.map((k) => [k, Number(row[k])])),
    primaryFullDefects: row.primary_full_defects,
    secondaryFullDefects: row.secondary_full_defects,
    grade: row.grade as Grade,
    outTurnBp:
      row.husked_parchment_grams === null || row.husked_green_grams === null
        ? null
        : outTurnBp(row.husked_parchment_grams, row.husked_green_grams),
    note: row.note,
    recordedBy: row.recorded_by_label,
  };
}

const dispatchView = (d: Awaited<ReturnType<typeof q.dispatchesOf>>[number]): DispatchView => ({
  id: d.dispatch_id,
  sentTo: d.sent_to,
  sentOn: d.sent_on,
  courier: d.courier,
  courierReference: d.courier_reference,
  grams: d.grams,
  recordedBy: d.recorded_by_label,
});

function scoreView(
  s: q.ScoreRow,
  blindCode: string,
  descriptors: { descriptor: string; intensity: number }[],
): ScoreView {
  return {
    blindCode,
    cupper: s.cupper_label,
    fragrance: s.fragrance,
    flavor: s.flavor,
    aftertaste: s.aftertaste,
    acidity: s.acidity,
    body: s.body,
    balance: s.balance,
    overall: s.overall,
    uniformCups: s.uniform_cups,
    cleanCups: s.clean_cups,
    sweetCups: s.sweet_cups,
    taintCups: s.taint_cups,
    faultCups: s.fault_cups,
    total: s.total,
    finalScore: s.final_score,
    notes: s.notes,
    descriptors: descriptors.map((d) => ({
      descriptor: d.descriptor as CupDescriptor,
      intensity: d.intensity,
    })),
  };
}

/** Descriptors counted over the cuppers, with their mean intensity (rounded half up), most named first. */
export function countDescriptors(rows: readonly { descriptor: string; intensity: number }[]) {
  const by = new Map<string, { count: number; sum: number }>();
  for (const r of rows) {
    const e = by.get(r.descriptor) ?? { count: 0, sum: 0 };
    e.count += 1;
    e.sum += r.intensity;
    by.set(r.descriptor, e);
  }
  return [...by]
    .map(([descriptor, e]) => ({
      descriptor: descriptor as CupDescriptor,
      count: e.count,
      intensity: Math.floor((2 * e.sum + e.count) / (2 * e.count)),
    }))
    .sort((a, b) => b.count - a.count || a.descriptor.localeCompare(b.descriptor));
}

export function createQualityService(
  deps: ServiceDeps,
  orgs: OrgsService,
  random: (max: number) => number = randomInt,
) {
  const { db, clock } = deps;
  const read = (exec: Executor, actor: Actor, slug: string) =>
    orgs.authorize(exec, actor, slug, 'quality.read');
  const write = (exec: Executor, actor: Actor, slug: string) =>
    orgs.authorize(exec, actor, slug, 'quality.write');

  async function sampleViews(exec: Executor, orgId: string, rows: q.SampleRow[]): Promise<SampleView[]> {
    const ids = rows.map((r) => r.sample_id);
    const [dispatches, analyses, lots] = await Promise.all([
      q.dispatchesOf(exec, orgId, ids),
      q.analysesOf(exec, orgId, ids),
      lotsByIds(exec, orgId, [...new Set(rows.flatMap((r) => (r.lot_id ? [r.lot_id] : [])))]),
    ]);
    const lotCode = new Map(lots.map((l) => [l.lot_id, l.code]));
    return rows.map((r) => ({
      id: r.sample_id,
      code: r.code,
      source: r.source,
      lotCode: r.lot_id ? (lotCode.get(r.lot_id) ?? null) : null,
      receivedFrom: r.received_from,
      purpose: r.purpose,
      grams: r.grams,
      takenOn: r.taken_on,
      note: r.note,
      createdBy: r.created_by_label,
      dispatches: dispatches.filter((d) => d.sample_id === r.sample_id).map(dispatchView),
      latestGrade: (analyses.filter((a) => a.sample_id === r.sample_id).at(-1)?.grade as Grade) ?? null,
    }));
  }

  async function sampleOrThrow(exec: Executor, orgId: string, code: string) {
    const sample = await q.findSampleByCode(exec, orgId, code);
    if (!sample) throw notFound('quality.sample_not_found', { code });
    return sample;
  }

  // ---- samples -----------------------------------------------------------------------------------------

  async function createSample(actor: Actor, slug: string, body: CreateSampleBody) {
    const input = CreateSampleBody.parse(body);
    return inTransaction(db, async (trx) => {
      const a = await write(trx, actor, slug);
      const orgId = a.org.org_id;
      const at = clock.now();
      const label = auditActor(actor).label;
      const { result } = await idempotentCreate(
        trx,
        { orgId, id: input.id, operation: 'quality.sample.create', body: input, at },
        async () => {
          let lotId: string | null = null;
          let drawId: string | null = null;
          if (input.source === 'lot') {
            if (!input.lotCode)
              throw invalid('quality.lot_required', [{ path: 'lotCode', code: 'quality.lot_required' }]);
            const lot = await findLotByCode(trx, orgId, input.lotCode);
            if (!lot) throw notFound('quality.lot_not_found', { code: input.lotCode });
            lotId = lot.lot_id;
            drawId = input.id;
            // the grams leave the lot in this transaction; the database refuses more than it holds
            await insertLotDraw(trx, {
              orgId,
              lotId,
              drawId,
              kind: 'sample',
              grams: input.grams,
              drawnOn: input.takenOn,
              recordedAt: at,
              recordedByLabel: label,
            });
          } else if (!input.receivedFrom) {
            throw invalid('quality.received_from_required', [
              { path: 'receivedFrom', code: 'quality.received_from_required' },
            ]);
          }
          const year = Number(input.takenOn.slice(0, 4));
          const n = await q.nextSampleNumber(trx, orgId, year);
          const code = `M-${String(year % 100).padStart(2, '0')}-${String(n).padStart(4, '0')}`;
          const row = await q.insertSample(trx, {
            org_id: orgId,
            sample_id: input.id,
            code,
            source: input.source,
            lot_id: lotId,
            draw_id: drawId,
            received_from: input.source === 'external' ? (input.receivedFrom ?? null) : null,
            purpose: input.purpose,
            grams: input.grams,
            taken_on: input.takenOn,
            note: input.note || null,
            created_at: at,
            created_by_label: label,
          });
          await appendAudit(trx, {
            orgId,
            actor: auditActor(actor),
            action: 'quality.sample.create',
            entityType: 'quality_sample',
            entityId: row.sample_id,
            data: { ...input, code },
            at,
          });
          return (await sampleViews(trx, orgId, [row]))[0]!;
        },
      );
      return result;
    });
  }

  async function listSamples(actor: Actor, slug: string, lotCode?: string) {
    const a = await read(db, actor, slug);
    let lotId: string | undefined;
    if (lotCode) {
      const lot = await findLotByCode(db, a.org.org_id, lotCode);
      if (!lot) return [];
      lotId = lot.lot_id;
    }
    return sampleViews(db, a.org.org_id, await q.listSamples(db, a.org.org_id, lotId));
  }

  async function getSample(actor: Actor, slug: string, code: string): Promise<SampleDetail> {
    const a = await read(db, actor, slug);
    const sample = await sampleOrThrow(db, a.org.org_id, code);
    const [view] = await sampleViews(db, a.org.org_id, [sample]);
    const analyses = await q.analysesOf(db, a.org.org_id, [sample.sample_id]);
    return { sample: view!, analyses: analyses.map(analysisView) };
  }

  async function dispatchSample(actor: Actor, slug: string, code: string, body: DispatchBody) {
    const input = DispatchBody.parse(body);
    return inTransaction(db, async (trx) => {
      const a = await write(trx, actor, slug);
      const orgId = a.org.org_id;
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId, id: input.id, operation: 'quality.sample.dispatch', body: { code, ...input }, at },
        async () => {
          const sample = await sampleOrThrow(trx, orgId, code);
          const row = await q.insertDispatch(trx, {
            org_id: orgId,
            dispatch_id: input.id,
            sample_id: sample.sample_id,
            sent_to: input.sentTo,
            sent_on: input.sentOn,
            courier: input.courier ?? null,
            courier_reference: input.courierReference ?? null,
            grams: input.grams ?? null,
            recorded_at: at,
            recorded_by_label: auditActor(actor).label,
          });
          await appendAudit(trx, {
            orgId,
            actor: auditActor(actor),
            action: 'quality.sample.dispatch',
            entityType: 'quality_sample',
            entityId: sample.sample_id,
            data: input,
            at,
          });
          return dispatchView(row);
        },
      );
      return result;
    });
  }

  async function recordAnalysis(actor: Actor, slug: string, code: string, body: AnalysisBody) {
    const input = AnalysisBody.parse(body);
    const weighed = SCREENS.reduce((sum, s) => sum + (input.screens[s] ?? 0), 0);
    if (weighed > input.portionGrams)
      throw invalid('quality.screens_above_portion', [
        { path: 'screens', code: 'quality.screens_above_portion' },
      ]);
    if (input.husked && input.husked.greenGrams > input.husked.parchmentGrams)
      throw invalid('quality.out_turn_above_parchment', [
        { path: 'husked.greenGrams', code: 'quality.out_turn_above_parchment' },
      ]);
    return inTransaction(db, async (trx) => {
      const a = await write(trx, actor, slug);
      const orgId = a.org.org_id;
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId, id: input.id, operation: 'quality.analysis.create', body: { code, ...input }, at },
        async () => {
          const sample = await sampleOrThrow(trx, orgId, code);
          await q.insertAnalysis(trx, {
            org_id: orgId,
            analysis_id: input.id,
            sample_id: sample.sample_id,
            analyzed_on: input.analyzedOn,
            portion_grams: input.portionGrams,
            moisture_bp: input.moistureBp ?? null,
            water_activity_milli: input.waterActivityMilli ?? null,
            density_g_per_l: input.densityGramsPerLitre ?? null,
            ...Object.fromEntries(SCREENS.map((s) => [SCREEN_COLUMN[s], input.screens[s] ?? 0])),
            ...Object.fromEntries(DEFECT_KINDS.map((k) => [k, input.defects[k] ?? 0])),
            husked_parchment_grams: input.husked?.parchmentGrams ?? null,
            husked_green_grams: input.husked?.greenGrams ?? null,
            note: input.note || null,
            recorded_at: at,
            recorded_by_label: auditActor(actor).label,
          });
          await appendAudit(trx, {
            orgId,
            actor: auditActor(actor),
            action: 'quality.analysis.create',
            entityType: 'quality_sample',
            entityId: sample.sample_id,
            data: input,
            at,
          });
          const row = (await q.analysesOf(trx, orgId, [sample.sample_id])).find(
            (r) => r.analysis_id === input.id,
          )!;
          const view = analysisView(row);
          // the database's generated grade and the pure rule are one rule
          const expected = gradeOf(fullDefects(input.defects));
          if (view.grade !== expected) throw new Error(`grade mismatch: ${view.grade} vs ${expected}`);
          return view;
        },
      );
      return result;
    });
  }

  // ---- cupping -----------------------------------------------------------------------------------------

  function sessionView(
    s: NonNullable<Awaited<ReturnType<typeof q.findSession>>>,
    sampleCount: number,
    canScore: boolean,
  ): SessionView {
    return {
      id: s.session_id,
      name: s.name,
      heldOn: s.held_on,
      descriptive: s.descriptive,
      status: s.status,
      sampleCount,
      createdBy: s.created_by_label,
      canScore: canScore && s.status === 'open',
    };
  }

  const mayScore = (a: { roles: readonly string[] }, actor: Actor) =>
    actor.kind !== 'system' &&
    (actor.isPlatformAdmin || a.roles.some((r) => ['admin', 'manager', 'lab'].includes(r)));

  async function createSession(actor: Actor, slug: string, body: CreateSessionBody) {
    const input = CreateSessionBody.parse(body);
    return inTransaction(db, async (trx) => {
      const a = await write(trx, actor, slug);
      const orgId = a.org.org_id;
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId, id: input.id, operation: 'quality.session.create', body: input, at },
        async () => {
          const codes = [...new Set(input.sampleCodes)];
          const samples = await q.samplesByCodes(trx, orgId, codes);
          const missing = codes.filter((c) => !samples.some((s) => s.code === c));
          if (missing.length > 0) throw notFound('quality.sample_not_found', { code: missing.join(', ') });
          const session = await q.insertSession(trx, {
            org_id: orgId,
            session_id: input.id,
            name: input.name,
            held_on: input.heldOn,
            descriptive: input.descriptive,
            created_at: at,
            created_by_label: auditActor(actor).label,
          });
          // presented in an order of their own, under codes that say nothing
          const blind = blindCodes(samples.length, () => random(1_000_000) / 1_000_000);
          const order = samples
            .map((s, i) => ({ s, key: random(1_000_000) * 100 + i }))
            .sort((x, y) => x.key - y.key);
          await q.insertSessionSamples(
            trx,
            order.map(({ s }, i) => ({
              org_id: orgId,
              session_id: input.id,
              sample_id: s.sample_id,
              blind_code: blind[i]!,
              position: i + 1,
            })),
          );
          await appendAudit(trx, {
            orgId,
            actor: auditActor(actor),
            action: 'quality.session.create',
            entityType: 'cupping_session',
            entityId: input.id,
            data: input,
            at,
          });
          return sessionView(session, samples.length, true);
        },
      );
      return result;
    });
  }

  async function listSessions(actor: Actor, slug: string) {
    const a = await read(db, actor, slug);
    const rows = await q.listSessions(db, a.org.org_id);
    return rows.map((r) => sessionView(r, Number(r.sample_count ?? 0), mayScore(a, actor)));
  }

  async function sessionOrThrow(exec: Executor, orgId: string, sessionId: string, lock = false) {
    const s = await q.findSession(exec, orgId, sessionId, lock);
    if (!s) throw notFound('quality.session_not_found');
    return s;
  }

  /**
   * A session as the caller may see it: while open, blind codes, how many scored each, and the caller's
   * own scores only; once closed, everything, with the samples' codes and lots.
   */
  async function getSession(actor: Actor, slug: string, sessionId: string): Promise<SessionDetail> {
    const a = await read(db, actor, slug);
    const orgId = a.org.org_id;
    const session = await sessionOrThrow(db, orgId, sessionId);
    const samples = await q.sessionSamples(db, orgId, sessionId);
    const closed = session.status === 'closed';
    const me = actorUserId(actor);
    const counts = new Map(
      (await q.scoreCounts(db, orgId, sessionId)).map((c) => [c.sample_id, Number(c.n)]),
    );
    const scores = closed
      ? await q.scoresOf(db, orgId, [sessionId])
      : me
        ? await q.scoresOf(db, orgId, [sessionId], me)
        : [];
    const descriptors = closed
      ? await q.descriptorsOf(db, orgId, [sessionId])
      : me
        ? await q.descriptorsOf(db, orgId, [sessionId], me)
        : [];
    const lots = closed
      ? await lotsByIds(db, orgId, [...new Set(samples.flatMap((s) => (s.lot_id ? [s.lot_id] : [])))])
      : [];
    const view = (x: (typeof samples)[number], s: q.ScoreRow) =>
      scoreView(
        s,
        x.blind_code,
        descriptors.filter((d) => d.sample_id === s.sample_id && d.cupper_user_id === s.cupper_user_id),
      );
    return {
      session: sessionView(session, samples.length, mayScore(a, actor)),
      samples: samples.map((x) => {
        const own = scores.filter((s) => s.sample_id === x.sample_id);
        const mine = own.find((s) => s.cupper_user_id === me);
        return {
          blindCode: x.blind_code,
          position: x.position,
          scoredBy: counts.get(x.sample_id) ?? 0,
          mine: mine ? view(x, mine) : null,
          revealed: closed
            ? {
                sampleCode: x.sample_code,
                lotCode: lots.find((l) => l.lot_id === x.lot_id)?.code ?? null,
                scores: own.map((s) => view(x, s)),
                summary: summarize(own.map((s) => s.final_score)),
                descriptors: countDescriptors(descriptors.filter((d) => d.sample_id === x.sample_id)),
              }
            : null,
        };
      }),
    };
  }

  /** One cupper's score of one sample; a second score of the same sample is refused (cupping_score_once). */
  async function scoreSample(actor: Actor, slug: string, sessionId: string, body: ScoreBody) {
    const input = ScoreBody.parse(body);
    if (input.taintCups + input.faultCups > 5)
      throw invalid('quality.defect_cups', [{ path: 'faultCups', code: 'quality.defect_cups' }]);
    const seen = new Set<string>();
    for (const d of input.descriptors) {
      if (seen.has(d.descriptor))
        throw invalid('quality.descriptor_twice', [
          { path: 'descriptors', code: 'quality.descriptor_twice' },
        ]);
      seen.add(d.descriptor);
    }
    const userId = actorUserId(actor);
    if (!userId) throw forbidden('quality.cupper_is_a_person');
    await inTransaction(db, async (trx) => {
      const a = await write(trx, actor, slug);
      const orgId = a.org.org_id;
      const session = await sessionOrThrow(trx, orgId, sessionId, true);
      if (session.status === 'closed') throw conflict('db.constraint.cupping_session_closed');
      if (input.descriptors.length > 0 && !session.descriptive)
        throw invalid('quality.not_descriptive', [{ path: 'descriptors', code: 'quality.not_descriptive' }]);
      const target = (await q.sessionSamples(trx, orgId, sessionId)).find(
        (x) => x.blind_code === input.blindCode,
      );
      if (!target) throw notFound('quality.blind_code_not_found', { code: input.blindCode });
      const at = clock.now();
      await q.insertScore(trx, {
        org_id: orgId,
        session_id: sessionId,
        sample_id: target.sample_id,
        cupper_user_id: userId,
        cupper_label: auditActor(actor).label,
        fragrance: input.fragrance,
        flavor: input.flavor,
        aftertaste: input.aftertaste,
        acidity: input.acidity,
        body: input.body,
        balance: input.balance,
        overall: input.overall,
        uniform_cups: input.uniformCups,
        clean_cups: input.cleanCups,
        sweet_cups: input.sweetCups,
        taint_cups: input.taintCups,
        fault_cups: input.faultCups,
        notes: input.notes || null,
        scored_at: at,
      });
      await q.insertDescriptors(
        trx,
        input.descriptors.map((d) => ({
          org_id: orgId,
          session_id: sessionId,
          sample_id: target.sample_id,
          cupper_user_id: userId,
          descriptor: d.descriptor,
          intensity: d.intensity,
        })),
      );
      await appendAudit(trx, {
        orgId,
        actor: auditActor(actor),
        action: 'quality.score',
        entityType: 'cupping_session',
        entityId: sessionId,
        data: input,
        at,
      });
    });
    return getSession(actor, slug, sessionId);
  }

  async function closeSession(actor: Actor, slug: string, sessionId: string) {
    await inTransaction(db, async (trx) => {
      const a = await write(trx, actor, slug);
      const orgId = a.org.org_id;
      const session = await sessionOrThrow(trx, orgId, sessionId, true);
      if (session.status === 'closed') return;
      const at = clock.now();
      await q.closeSession(trx, orgId, sessionId, at);
      await appendAudit(trx, {
        orgId,
        actor: auditActor(actor),
        action: 'quality.session.close',
        entityType: 'cupping_session',
        entityId: sessionId,
        data: {},
        at,
      });
    });
    return getSession(actor, slug, sessionId);
  }

  // ---- a lot's quality ---------------------------------------------------------------------------------

  async function lotHistory(actor: Actor, slug: string, lotCode: string): Promise<LotQualityHistory> {
    const a = await read(db, actor, slug);
    const orgId = a.org.org_id;
    const lot = await findLotByCode(db, orgId, lotCode);
    if (!lot) throw notFound('quality.lot_not_found', { code: lotCode });
    const samples = await q.listSamples(db, orgId, lot.lot_id);
    const analyses = await q.analysesOf(
      db,
      orgId,
      samples.map((s) => s.sample_id),
    );
    const cupped = await q.closedCuppingsOfLots(db, orgId, [lot.lot_id]);
    const sessionIds = [...new Set(cupped.map((c) => c.session_id))];
    const [scores, descriptors] = await Promise.all([
      q.scoresOf(db, orgId, sessionIds),
      q.descriptorsOf(db, orgId, sessionIds),
    ]);
    const cuppings: CuppingResult[] = cupped.flatMap((c) => {
      const mine = scores.filter((s) => s.session_id === c.session_id && s.sample_id === c.sample_id);
      const summary = summarize(mine.map((s) => s.final_score));
      if (!summary) return [];
      return [
        {
          sessionId: c.session_id,
          sessionName: c.name,
          heldOn: c.held_on,
          sampleCode: c.sample_code,
          summary,
          descriptors: countDescriptors(
            descriptors.filter((d) => d.session_id === c.session_id && d.sample_id === c.sample_id),
          ),
        },
      ];
    });
    return {
      lotCode: lot.code,
      samples: await sampleViews(db, orgId, samples),
      analyses: analyses.map(analysisView),
      cuppings,
    };
  }

  return {
    createSample,
    listSamples,
    getSample,
    dispatchSample,
    recordAnalysis,
    createSession,
    listSessions,
    getSession,
    scoreSample,
    closeSession,
    lotHistory,
  };
}

export type QualityService = ReturnType<typeof createQualityService>;
