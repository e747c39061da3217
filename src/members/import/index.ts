/** The I/O-free core of importing and exporting the member register and plots; see each file. */
export { type CsvOptions, type ExportCell, neutraliseFormula, writeCsv, writeXlsx } from './export.js';
export {
  FIELD_LABELS,
  type HeaderMapping,
  headerMassUnit,
  isEstimateHeader,
  mapHeaders,
  recognizeHeader,
} from './headers.js';
export { IMPORT_MESSAGES, type ImportMessageKey } from './messages.js';
export { type NormalizedTableRow, normalizeRow, normalizeTable } from './normalize.js';
export { decodeText, detectDelimiter, parseCsv, readSheet } from './read.js';
export * from './types.js';
