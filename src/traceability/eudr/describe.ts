/**
 * A problem or a checker issue in words, in the reader's language: what the PDF prints and what an endpoint
 * will send. A geometry problem carries the rule it broke as a `geo.*` message of members (registered by
 * members' public face, which the builder imports), with the likely cause when members found one.
 */
import { type Locale, translate } from '../../platform/i18n.js';
import { traceabilityMessages } from '../messages.js';
import type { EudrProblem } from './types.js';
import type { EudrCheckIssue } from './validate.js';

export function describeEudrProblem(problem: EudrProblem, locale: Locale): string {
  const params: Record<string, string | number> = { ...problem.params };
  if (problem.cause) {
    const { code, params: causeParams } = problem.cause;
    const hint =
      causeParams.hint === undefined ? '' : ` ${translate(locale, `geo.hint.${causeParams.hint}`)}`;
    params.cause = `${translate(locale, code, causeParams)}${hint}`;
  }
  return traceabilityMessages.t(locale, problem.code, params);
}

export function describeEudrCheckIssue(issue: EudrCheckIssue, locale: Locale): string {
  return traceabilityMessages.t(locale, issue.rule, issue.params ?? {});
}
