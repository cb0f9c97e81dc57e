// The report's input is loaded by @atelier/db (shared with the demo seed's published report).
export { loadReportInput, UnknownVersionError } from '@atelier/db';
