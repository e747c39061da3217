/**
 * Quorum and majorities, pure, from a cooperative's statute. Peru's law leaves the numbers to each
 * statute (REFERENCE.md §4.1, not verified: they are parameters); Colombia's Ley 79/1988 Art. 31 sets the
 * quorum at half of the members in good standing, and after an hour at least 10 % of them and half the
 * founding minimum (§4.2). Presets give both as starting points; every number is editable.
 */

import type { DecisionType, MajorityKind } from '../shared/enums.js';
import { PRESETS, type StatuteParams } from '../shared/statute.js';
import type { StoredStatuteParams } from './governance.tables.js';

export type { DecisionType, MajorityKind } from '../shared/enums.js';
export { PRESETS, type StatuteParams } from '../shared/statute.js';

export interface QuorumState {
  call: 'first' | 'second';
  eligible: number;
  present: number;
  /** The fewest people present for a quorum on this call. */
  required: number;
  met: boolean;
}

/** The quorum on a call: `required` is the smallest whole number of people that satisfies the rule. */
export function quorum(
  params: StatuteParams,
  call: 'first' | 'second',
  eligible: number,
  present: number,
): QuorumState {
  let required: number;
  if (call === 'first') {
    // share of eligible, as integers: present × 10000 ≥ eligible × bp (or > when strictly more)
    const exact = eligible * params.firstCall.shareBp;
    required = params.firstCall.strictlyMore ? Math.floor(exact / 10_000) + 1 : Math.ceil(exact / 10_000);
  } else {
    required = Math.max(
      Math.ceil((eligible * params.secondCall.shareBp) / 10_000),
      params.secondCall.minimumPresent,
    );
  }
  required = Math.max(required, 1);
  return { call, eligible, present, required, met: present >= required };
}

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
}

export interface Decision {
  passed: boolean;
  /** Yes votes needed to pass with these counts. */
  requiredYes: number;
  base: number;
  kind: MajorityKind;
}

/**
 * Whether a motion passes. Simple: more yes than no. Absolute: more than half of the base. Two
 * thirds: at least two thirds of the base. The base is yes + no, plus abstentions when the statute
 * counts them (then an abstention weighs like a no).
 */
export function decide(params: StatuteParams, type: DecisionType, tally: Tally): Decision {
  const rule = params.majorities[type];
  const base = tally.yes + tally.no + (rule.abstentionsCount ? tally.abstain : 0);
  let requiredYes: number;
  if (rule.kind === 'simple') requiredYes = tally.no + (rule.abstentionsCount ? tally.abstain : 0) + 1;
  else if (rule.kind === 'absolute') requiredYes = Math.floor(base / 2) + 1;
  else requiredYes = Math.ceil((2 * base) / 3);
  requiredYes = Math.max(requiredYes, 1);
  return { passed: tally.yes >= requiredYes, requiredYes, base, kind: rule.kind };
}

/**
 * A statute's parameters with the ones it does not mention taken from its country's preset: statutes
 * recorded before a parameter existed keep working, and a partial edit never leaves a rule undefined.
 */
export function withDefaults(params: StoredStatuteParams, country: string): StatuteParams {
  const preset = PRESETS[country === 'CO' ? 'CO' : 'PE'];
  const given = params;
  return {
    ...preset,
    ...given,
    firstCall: { ...preset.firstCall, ...given.firstCall },
    secondCall: { ...preset.secondCall, ...given.secondCall },
    majorities: { ...preset.majorities, ...given.majorities },
    proxies: { ...preset.proxies, ...given.proxies },
    minutes: { ...preset.minutes, ...given.minutes },
    delegates: { ...preset.delegates, ...given.delegates },
    organs: given.organs ?? preset.organs,
  };
}
