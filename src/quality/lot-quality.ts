import type { Executor } from '../platform/db/transaction.js';
import { type Grade, mainScreen, type Screen, screenShares } from '../shared/grading.js';
import type { CupDescriptor } from '../shared/quality.js';
import { latestQualityOfLots } from './quality.queries.js';

/** What an offer says of a lot's quality: its latest cupping and its latest physical analysis. */
export interface LotQuality {
  lotId: string;
  cup: {
    sessionId: string;
    heldOn: string;
    /** the cuppers' mean final score, hundredths (84.25 → 8425) */
    score: number;
    cuppers: number;
    descriptors: { descriptor: CupDescriptor; count: number }[];
  } | null;
  physical: {
    analyzedOn: string;
    moistureBp: number | null;
    densityGramsPerLitre: number | null;
    grade: Grade;
    mainScreen: Screen | null;
    /** basis points of the portion per screen */
    screenShares: Record<Screen, number>;
  } | null;
}

/**
 * The latest cup score, descriptors and physical figures of a set of lots, read in one statement (for the
 * offer, issue 13). Call it inside your own transaction after checking the actor's rights; lots with no
 * sample come back with `cup` and `physical` null.
 */
export async function qualityOfLots(
  db: Executor,
  orgId: string,
  lotIds: readonly string[],
): Promise<LotQuality[]> {
  const rows = await latestQualityOfLots(db, orgId, lotIds);
  return rows.map((r) => {
    const screens = {
      '19': r.screen_19_grams ?? 0,
      '18': r.screen_18_grams ?? 0,
      '17': r.screen_17_grams ?? 0,
      '16': r.screen_16_grams ?? 0,
      '15': r.screen_15_grams ?? 0,
      '14': r.screen_14_grams ?? 0,
      under_14: r.screen_under_14_grams ?? 0,
    };
    return {
      lotId: r.lot_id,
      cup:
        r.cup_session_id && r.cup_mean !== null && r.cup_held_on
          ? {
              sessionId: r.cup_session_id,
              heldOn: r.cup_held_on,
              score: Number(r.cup_mean),
              cuppers: Number(r.cup_count),
              descriptors: (r.descriptors ?? []).map((d) => ({
                descriptor: d.descriptor as CupDescriptor,
                count: Number(d.count),
              })),
            }
          : null,
      physical:
        r.analyzed_on && r.portion_grams
          ? {
              analyzedOn: r.analyzed_on,
              moistureBp: r.moisture_bp,
              densityGramsPerLitre: r.density_g_per_l,
              grade: r.grade as Grade,
              mainScreen: mainScreen(screens),
              screenShares: screenShares(screens, r.portion_grams),
            }
          : null,
    };
  });
}
