/**
 * Good standing (*socio hábil*): whether a member counts, on a given date, for quorum and votes.
 * Pure: the rules come from the cooperative's statute (effective-dated), the facts from the register.
 * Peru's cooperative law leaves the conditions to each statute (REFERENCE.md §4), so every threshold
 * here is a parameter; the defaults ask only that the member be active on that date.
 */
import type { MemberStatus } from './members.tables.js';

export interface StandingRule {
  effectiveFrom: string;
  minMonthsSinceJoining: number;
  /** Share of the subscribed capital that must be paid, in basis points (10 000 = all). */
  minShareCapitalPaidBp: number;
  excludeRejectedInspection: boolean;
}

export const DEFAULT_RULE: StandingRule = {
  effectiveFrom: '1900-01-01',
  minMonthsSinceJoining: 0,
  minShareCapitalPaidBp: 0,
  excludeRejectedInspection: false,
};

export interface StandingFacts {
  joinDate: string | null;
  /** Status changes with the date each took effect, in the order they were recorded. */
  changes: { effectiveDate: string; toStatus: MemberStatus }[];
  shareCapitalSubscribedMinor: number;
  shareCapitalPaidMinor: number;
  /** Result of the latest internal inspection on or before the date, if any. */
  lastInspectionResult: 'approved' | 'approved_with_conditions' | 'rejected' | null;
}

export interface StandingReason {
  code: string;
  params?: Record<string, string | number>;
}

export interface Standing {
  asOf: string;
  inGoodStanding: boolean;
  statusOnDate: MemberStatus | null;
  ruleEffectiveFrom: string;
  reasons: StandingReason[];
}

/** The rule in force on a date: the latest whose effective date is on or before it. */
export function ruleOn(rules: StandingRule[], asOf: string): StandingRule {
  let chosen: StandingRule = DEFAULT_RULE;
  for (const rule of rules) {
    if (rule.effectiveFrom <= asOf && rule.effectiveFrom >= chosen.effectiveFrom) chosen = rule;
  }
  return chosen;
}

/** The status in effect on a date: the last change recorded among those effective by then. */
export function statusOn(changes: StandingFacts['changes'], asOf: string): MemberStatus | null {
  let status: MemberStatus | null = null;
  let latest = '';
  for (const change of changes) {
    if (change.effectiveDate <= asOf && change.effectiveDate >= latest) {
      status = change.toStatus;
      latest = change.effectiveDate;
    }
  }
  return status;
}

/** `YYYY-MM-DD` plus whole months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * @example goodStanding(facts, rules, '2026-03-15') // { inGoodStanding: true, reasons: [] , … }
 */
export function goodStanding(facts: StandingFacts, rules: StandingRule[], asOf: string): Standing {
  const rule = ruleOn(rules, asOf);
  const statusOnDate = statusOn(facts.changes, asOf);
  const reasons: StandingReason[] = [];
  if (!facts.joinDate || facts.joinDate > asOf) {
    reasons.push({ code: 'standing.not_yet_member' });
  }
  if (statusOnDate !== 'active') {
    reasons.push({ code: 'standing.status', params: { status: statusOnDate ?? 'none' } });
  }
  if (
    facts.joinDate &&
    rule.minMonthsSinceJoining > 0 &&
    addMonths(facts.joinDate, rule.minMonthsSinceJoining) > asOf
  ) {
    reasons.push({ code: 'standing.too_recent', params: { months: rule.minMonthsSinceJoining } });
  }
  // paid / subscribed ≥ bp / 10 000, in integers: paid × 10 000 ≥ subscribed × bp
  if (
    rule.minShareCapitalPaidBp > 0 &&
    facts.shareCapitalPaidMinor * 10_000 < facts.shareCapitalSubscribedMinor * rule.minShareCapitalPaidBp
  ) {
    reasons.push({ code: 'standing.share_capital', params: { requiredBp: rule.minShareCapitalPaidBp } });
  }
  if (rule.excludeRejectedInspection && facts.lastInspectionResult === 'rejected') {
    reasons.push({ code: 'standing.inspection_rejected' });
  }
  return {
    asOf,
    inGoodStanding: reasons.length === 0,
    statusOnDate,
    ruleEffectiveFrom: rule.effectiveFrom,
    reasons,
  };
}
