/**
 * The BKPSDM roster import, as pure rules: the columns of the file, the validation of every row
 * (each problem addressed to its row and column), and the plan of what an import would change.
 * Reading files and writing DynamoDB live elsewhere (shared/roster, shared/data/roster.ts).
 *
 * Only this module is the public API; the helpers the other modules share stay inside the folder.
 */
export {
  ROSTER_COLUMN_KEYS,
  ROSTER_COLUMNS,
  columnLetter,
  normalizeHeader,
  type RosterColumn,
  type RosterColumnSpec,
} from './columns.js';
export {
  readRosterSheet,
  type RosterError,
  type RosterRecord,
  type SheetReading,
  type SheetRow,
} from './sheet.js';
export { ROSTER_FIELDS, cleanNip, type RosterContext, type RosterField, type RosterPerson } from './rows.js';
export { diffPerson, type FieldChange, type PersonChange } from './diff.js';
export { supervisorsFirst } from './supervisors.js';
export { MASS_MIN, MASS_SHARE, planIsClean, planRoster, planWrites, type RosterPlan } from './plan.js';
