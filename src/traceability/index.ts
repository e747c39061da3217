/**
 * The public face of traceability (the value-chain trace, from plot to buyer): the only file that other
 * domains and the composition roots may import (.dependency-cruiser.cjs).
 *
 * For now it holds the EUDR data package (issue 12 item 7; ADR 0050), a pure core with no tables or routes.
 *
 * ## Wiring the package to a shipment or contract
 *
 * Build an `EudrPackageInput` from the trace of the shipment (or contract) and call `buildEudrPackage`:
 *
 * | input field | where it comes from |
 * | --- | --- |
 * | `reference` | the shipment's or contract's code (the DDS internal reference, ≤ 35 characters) |
 * | `descriptionOfGoods` | the contract's description of the coffee (≤ 150 characters) |
 * | `hsHeading` | '0901' or the 6-digit subheading of the product ('090111' green, not decaffeinated) |
 * | `netMassGrams` | the shipment's net mass, grams (bigint) |
 * | `countryOfProduction` | the organization's country, ISO-2 |
 * | `harvestStart`, `harvestEnd` | the lots' harvest window, `YYYY-MM-DD` |
 * | `producers[]` | one per member whose coffee is in it: the trace's mass share in grams (bigint > 0, in the shipment's coffee state, adding up to `netMassGrams`), `members.member_id`, `member_number`, display name (given + family names), country ISO-2 |
 * | `producers[].plots[]` | the member's plots that delivered to the lots (all of the member's plots when the trace does not go down to the plot): `plots.plot_id`, `name`, `geometry` (the stored JSON, or null), `declared_area_m2`, `computed_area_m2`, and region/district (the member's when the plot has none) |
 *
 * The package never throws for bad data: it lists problems (with the member to visit) and leaves problem
 * plots out of the files, so what it emits is always valid. Store `files[].text` (and the PDF) with the
 * shipment for five years; `complete` says whether every gram has its geolocation. `checkEudrGeoJson` checks
 * any file (ours before it leaves, or one a buyer sends back). Read `problems` in words with
 * `describeEudrProblem(problem, locale)`; the PDF is `eudrPackagePdf(pkg, locale, { organizationName, generatedOn })`.
 */
import './messages.js';

export { type EudrPackageDocumentContext, eudrPackagePdf } from './documents/eudr-package.pdf.js';
export { describeEudrCheckIssue, describeEudrProblem } from './eudr/describe.js';
export { EUDR_LIMITS, type EudrSplitLimits } from './eudr/limits.js';
export { basisPointShares, buildEudrPackage, type EudrPackageOptions } from './eudr/package.js';
export {
  EUDR_PROBLEM_CODES,
  type EudrDds,
  type EudrDdsCommodity,
  type EudrDdsProducer,
  type EudrFile,
  type EudrPackage,
  type EudrPackageInput,
  type EudrPlotInput,
  type EudrProblem,
  type EudrProblemCode,
  type EudrProducerInput,
  type EudrProducerLine,
  type EudrSeverity,
  type EudrSummary,
} from './eudr/types.js';
export {
  checkEudrGeoJson,
  EUDR_CHECK_RULES,
  type EudrCheckIssue,
  type EudrCheckOptions,
  type EudrCheckResult,
  type EudrCheckRule,
} from './eudr/validate.js';
export { traceabilityMessages } from './messages.js';

/**
 * The trace both ways (trace.service.ts, on lots/composition.ts), the traceability report, the EUDR packages
 * kept five years and the lot's public page (ADR 0055).
 */
import './trace.messages.js';

export { registerPublicPageRoutes } from './public-page.routes.js';
export { createPublicPageService, type PublicPageService } from './public-page.service.js';
export { createTraceService, type TraceService } from './trace.service.js';
export { registerTraceRoutes } from './traceability.routes.js';
