import { z } from 'zod';
import { ClientId, itemsOf, Slug } from '../shared/contract.js';
import { DEFECT_KINDS, GRADES, SCREENS } from '../shared/grading.js';
import {
  CUP_DESCRIPTORS,
  CUPPING_SESSION_STATUSES,
  MAX_INTENSITY,
  SAMPLE_PURPOSES,
  SAMPLE_SOURCES,
} from '../shared/quality.js';

/**
 * The HTTP contract of the quality lab: samples, where they went, physical analyses, cupping sessions and
 * scores, a lot's quality history. Grams as integers; moisture in basis points (11.5 % → 1150); water
 * activity in thousandths (0.550 → 550); cupping scores in hundredths of a point (8.25 → 825).
 */
const IsoDate = z.iso.date();
const Text = (max: number) => z.string().trim().min(1).max(max);
const Grams = z.number().int().positive().max(1_000_000_000);
const Count = z.number().int().min(0).max(100_000);

export const SampleCode = z.string().regex(/^M-[0-9]{2}-[0-9]{4,}$/);
export const LotCode = z.string().regex(/^[A-Z0-9][A-Z0-9./-]{0,31}$/);

export const CreateSampleBody = z.strictObject({
  id: ClientId,
  source: z.enum(SAMPLE_SOURCES),
  /** source 'lot': the lot the grams are drawn from */
  lotCode: LotCode.optional(),
  /** source 'external': who sent it (a buyer's type sample, a cooperative's offer sample) */
  receivedFrom: Text(200).optional(),
  purpose: z.enum(SAMPLE_PURPOSES),
  grams: Grams,
  takenOn: IsoDate,
  note: z.string().trim().max(1000).optional(),
});
export type CreateSampleBody = z.input<typeof CreateSampleBody>;

export const DispatchBody = z.strictObject({
  id: ClientId,
  sentTo: Text(200),
  sentOn: IsoDate,
  courier: Text(100).optional(),
  courierReference: Text(100).optional(),
  grams: Grams.optional(),
});
export type DispatchBody = z.input<typeof DispatchBody>;

export const DispatchView = z.object({
  id: z.uuid(),
  sentTo: z.string(),
  sentOn: z.string(),
  courier: z.string().nullable(),
  courierReference: z.string().nullable(),
  grams: z.number().nullable(),
  recordedBy: z.string(),
});
export type DispatchView = z.infer<typeof DispatchView>;

export const ScreenGrams = z.strictObject(
  Object.fromEntries(SCREENS.map((s) => [s, Count.optional()])) as Record<
    (typeof SCREENS)[number],
    z.ZodOptional<typeof Count>
  >,
);
export const DefectCounts = z.strictObject(
  Object.fromEntries(DEFECT_KINDS.map((k) => [k, Count.optional()])) as Record<
    (typeof DEFECT_KINDS)[number],
    z.ZodOptional<typeof Count>
  >,
);

export const AnalysisBody = z.strictObject({
  id: ClientId,
  analyzedOn: IsoDate,
  portionGrams: z.number().int().min(1).max(5000),
  moistureBp: z.number().int().min(0).max(10_000).optional(),
  waterActivityMilli: z.number().int().min(0).max(1000).optional(),
  densityGramsPerLitre: z.number().int().min(1).max(2000).optional(),
  screens: ScreenGrams.default({}),
  defects: DefectCounts.default({}),
  husked: z
    .strictObject({ parchmentGrams: z.number().int().positive(), greenGrams: z.number().int().min(0) })
    .optional(),
  note: z.string().trim().max(1000).optional(),
});
export type AnalysisBody = z.input<typeof AnalysisBody>;

export const AnalysisView = z.object({
  id: z.uuid(),
  sampleCode: z.string(),
  analyzedOn: z.string(),
  portionGrams: z.number(),
  moistureBp: z.number().nullable(),
  waterActivityMilli: z.number().nullable(),
  densityGramsPerLitre: z.number().nullable(),
  screens: z.record(z.string(), z.number()),
  /** each screen's share of the portion, basis points */
  screenShares: z.record(z.string(), z.number()),
  mainScreen: z.string().nullable(),
  defects: z.record(z.string(), z.number()),
  primaryFullDefects: z.number(),
  secondaryFullDefects: z.number(),
  grade: z.enum(GRADES),
  outTurnBp: z.number().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string(),
});
export type AnalysisView = z.infer<typeof AnalysisView>;

export const SampleView = z.object({
  id: z.uuid(),
  code: z.string(),
  source: z.enum(SAMPLE_SOURCES),
  lotCode: z.string().nullable(),
  receivedFrom: z.string().nullable(),
  purpose: z.enum(SAMPLE_PURPOSES),
  grams: z.number(),
  takenOn: z.string(),
  note: z.string().nullable(),
  createdBy: z.string(),
  dispatches: z.array(DispatchView),
  latestGrade: z.enum(GRADES).nullable(),
});
export type SampleView = z.infer<typeof SampleView>;
export const SampleList = itemsOf(SampleView);
export type SampleList = z.infer<typeof SampleList>;
export const SampleListQuery = z.strictObject({ lot: LotCode.optional() });
export const SampleParams = z.strictObject({ org: Slug, sampleCode: SampleCode });

export const SampleDetail = z.object({
  sample: SampleView,
  analyses: z.array(AnalysisView),
});
export type SampleDetail = z.infer<typeof SampleDetail>;

// ---- cupping ------------------------------------------------------------------------------------------

export const CreateSessionBody = z.strictObject({
  id: ClientId,
  name: Text(120),
  heldOn: IsoDate,
  descriptive: z.boolean().default(false),
  sampleCodes: z.array(SampleCode).min(1).max(30),
});
export type CreateSessionBody = z.input<typeof CreateSessionBody>;
export const SessionParams = z.strictObject({ org: Slug, sessionId: z.uuid() });

const Quarter = z.number().int().min(600).max(1000).multipleOf(25);
const Cups = z.number().int().min(0).max(5);
export const ScoreBody = z.strictObject({
  blindCode: z.string().regex(/^[1-9][0-9]{2}$/),
  fragrance: Quarter,
  flavor: Quarter,
  aftertaste: Quarter,
  acidity: Quarter,
  body: Quarter,
  balance: Quarter,
  overall: Quarter,
  uniformCups: Cups,
  cleanCups: Cups,
  sweetCups: Cups,
  taintCups: Cups.default(0),
  faultCups: Cups.default(0),
  notes: z.string().trim().max(1000).optional(),
  descriptors: z
    .array(
      z.strictObject({
        descriptor: z.enum(CUP_DESCRIPTORS),
        intensity: z.number().int().min(1).max(MAX_INTENSITY),
      }),
    )
    .max(CUP_DESCRIPTORS.length)
    .default([]),
});
export type ScoreBody = z.input<typeof ScoreBody>;

export const ScoreView = z.object({
  blindCode: z.string(),
  cupper: z.string(),
  fragrance: z.number(),
  flavor: z.number(),
  aftertaste: z.number(),
  acidity: z.number(),
  body: z.number(),
  balance: z.number(),
  overall: z.number(),
  uniformCups: z.number(),
  cleanCups: z.number(),
  sweetCups: z.number(),
  taintCups: z.number(),
  faultCups: z.number(),
  total: z.number(),
  finalScore: z.number(),
  notes: z.string().nullable(),
  descriptors: z.array(z.object({ descriptor: z.enum(CUP_DESCRIPTORS), intensity: z.number() })),
});
export type ScoreView = z.infer<typeof ScoreView>;

export const Summary = z.object({
  count: z.number(),
  mean: z.number(),
  min: z.number(),
  max: z.number(),
  spread: z.number(),
  stdDev: z.number(),
});
export const DescriptorCount = z.object({
  descriptor: z.enum(CUP_DESCRIPTORS),
  count: z.number(),
  /** mean intensity, rounded */
  intensity: z.number(),
});

/**
 * A session's sample as a cupper sees it: only the blind code while the session is open; the sample's
 * code and lot, every cupper's scores and the summary once it is closed.
 */
export const SessionSampleView = z.object({
  blindCode: z.string(),
  position: z.number(),
  scoredBy: z.number(),
  mine: ScoreView.nullable(),
  revealed: z
    .object({
      sampleCode: z.string(),
      lotCode: z.string().nullable(),
      scores: z.array(ScoreView),
      summary: Summary.nullable(),
      descriptors: z.array(DescriptorCount),
    })
    .nullable(),
});
export type SessionSampleView = z.infer<typeof SessionSampleView>;

export const SessionView = z.object({
  id: z.uuid(),
  name: z.string(),
  heldOn: z.string(),
  descriptive: z.boolean(),
  status: z.enum(CUPPING_SESSION_STATUSES),
  sampleCount: z.number(),
  createdBy: z.string(),
  canScore: z.boolean(),
});
export type SessionView = z.infer<typeof SessionView>;
export const SessionList = itemsOf(SessionView);
export type SessionList = z.infer<typeof SessionList>;
export const SessionDetail = z.object({ session: SessionView, samples: z.array(SessionSampleView) });
export type SessionDetail = z.infer<typeof SessionDetail>;

// ---- a lot's quality ----------------------------------------------------------------------------------

export const LotParams = z.strictObject({ org: Slug, lotCode: LotCode });
export const CuppingResult = z.object({
  sessionId: z.uuid(),
  sessionName: z.string(),
  heldOn: z.string(),
  sampleCode: z.string(),
  summary: Summary,
  descriptors: z.array(DescriptorCount),
});
export type CuppingResult = z.infer<typeof CuppingResult>;
export const LotQualityHistory = z.object({
  lotCode: z.string(),
  samples: z.array(SampleView),
  analyses: z.array(AnalysisView),
  cuppings: z.array(CuppingResult),
});
export type LotQualityHistory = z.infer<typeof LotQualityHistory>;
