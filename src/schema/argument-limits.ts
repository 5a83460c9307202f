import { MAX_MEASURE_LENGTH } from '../figures/measure';
import { INGEST_LIMITS } from '../ingest/ingest-limits';

/** The most a list argument may hold and a string (each string of a list) may run to, in UTF-16 code units. */
export interface ArgumentLimit {
  maxItems?: number;
  maxLength?: number;
  /** A row id: written as a whole number from 1 to MAX_ROW_ID. */
  rowId?: boolean;
  /** Least and most a number (Int or Float) argument may be. */
  range?: [number, number];
}

/** Ids are 32-bit integer columns: PostgreSQL refuses a larger number outright. */
const MAX_ROW_ID = 2_147_483_647;

export function isRowId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0 && (value as number) <= MAX_ROW_ID;
}

/** What an id argument must be, as refusals say it. */
export const ROW_ID_RULE = `an id is a whole number from 1 to ${MAX_ROW_ID.toLocaleString('en')}`;

/** An id as written: digits only (not 0x1, 1e0 or 01), within the id columns. */
export function readRowId(text: string): number | undefined {
  const value = /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : undefined;
  return isRowId(value) ? value : undefined;
}

export const MAX_PAGE_SIZE = 100;

const ID = { maxLength: 20, rowId: true };
const PAGE = { range: [0, MAX_PAGE_SIZE] as [number, number] };
/** Agency names and regions fit their 200-character columns. */
const NAME = { maxLength: 200 };
/** A cursor holds an order's keys and its signature: a 200-character name in JSON, at worst six bytes a character, in base64. */
const CURSOR = { maxLength: 2_000 };
/** A cell address (t2/procurement/procurementAmount) or a figure name. */
const MEASURE = { maxLength: MAX_MEASURE_LENGTH };
/** Why a change was made, kept with it (the CLI, which has no argument pass, meets the same limit). */
export const MAX_REASON_LENGTH = 2_000;
const REASON = { maxLength: MAX_REASON_LENGTH };

/**
 * Every list and string argument of the schema, by `Type.field(argument)` or
 * `InputType.field`, with its limit (README, Limits). A test checks that the
 * schema has no list or string argument missing here.
 */
export const ARGUMENT_LIMITS: Record<string, ArgumentLimit> = {
  // Eight result columns a measure and one a percentile asked (at most 10): 50 stay under PostgreSQL's 1,664 and SQLite's 2,000. A Measure caps its own length (MAX_MEASURE_LENGTH).
  'Query.aggregate(measures)': { maxItems: 50 },
  'Query.aggregate(groupBy)': { maxItems: 6 },
  'Query.rank(groupBy)': { maxItems: 6 },
  // A fraction: 0.9 is the 90th percentile.
  'MeasureAggregate.percentile(p)': { range: [0, 1] },
  'Query.agency(id)': ID,
  'Query.agency(name)': NAME,
  'Query.agencies(after)': CURSOR,
  'Query.agencies(first)': PAGE,
  'Query.report(id)': ID,
  'Query.report(agencyName)': NAME,
  'Query.reports(after)': CURSOR,
  'Query.reports(first)': PAGE,
  // One point a year: fifty years is more than any agency has reports.
  'Agency.trend(years)': { maxItems: 50 },
  'Report.cells(table)': { maxLength: 10 },
  'Report.cell(address)': MEASURE,
  'Mutation.deleteReport(id)': ID,
  // Reports exist from 2008 on: fifty years is more than any corpus holds.
  'ReportFilter.years': { maxItems: 50 },
  'ReportFilter.agencyId': ID,
  'ReportFilter.agencyName': NAME,
  'ReportFilter.agencySubtree': ID,
  'ReportFilter.region': NAME,
  'AgencyFilter.name': NAME,
  'AgencyFilter.region': NAME,
  'AgencyFilter.parentId': ID,
  'AgencyFilter.subtree': ID,
  'AgencyMetadataInput.id': ID,
  'AgencyMetadataInput.name': NAME,
  'AgencyMetadataInput.fullName': { maxLength: 300 },
  'AgencyMetadataInput.shortName': { maxLength: 100 },
  'AgencyMetadataInput.region': NAME,
  'AgencyMetadataInput.parentId': ID,
  'IngestReportInput.text': { maxLength: INGEST_LIMITS.maxBytes },
  'IngestReportInput.fileName': { maxLength: 1_000 },
  'IngestReportInput.agencyName': NAME,
  'Query.reportVersion(id)': ID,
  'Query.batches(first)': PAGE,
  'Report.diff(from)': ID,
  'Report.diff(to)': ID,
  'ReportVersion.cells(table)': { maxLength: 10 },
  // A whole report's cells corrected at once is about 200.
  'Mutation.correctCells(reportId)': ID,
  'Mutation.correctCells(reason)': REASON,
  'Mutation.correctCells(cells)': { maxItems: 300 },
  'CellCorrectionInput.address': MEASURE,
  'Mutation.reviewCheck(reportId)': ID,
  'Mutation.reviewCheck(checkId)': MEASURE,
  'Mutation.reviewCheck(note)': REASON,
  'Mutation.activateVersion(reportId)': ID,
  'Mutation.activateVersion(versionId)': ID,
  'Mutation.activateVersion(reason)': REASON,
  'Mutation.rollbackBatch(id)': ID,
};

/** For an argument added to the schema but not yet to the table (the test above fails first). */
export const DEFAULT_ARGUMENT_LIMIT: Required<Pick<ArgumentLimit, 'maxItems' | 'maxLength'>> = { maxItems: 50, maxLength: 200 };
