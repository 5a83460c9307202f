import { PARTS } from '../template/parts.template';
import { cellAddress, tablesOf } from '../template/tables.template';
import type { TableCode, TableTemplate } from '../template/template.types';
import { identitiesOf } from '../checks/identities';
import { detectGeneration } from './detect-generation';
import { IngestError } from './ingest-error';
import { inferLostCells } from './infer-lost-cells';
import { placeCells, placeSections } from './attach-pdf-places';
import type { PdfLinePlace } from './pdf-page-lines';
import { checkTableLimits, checkTextLimits, parseDeadline } from './ingest-limits';
import type { ParsedCell, ParsedReport, ParseWarning, SourceLine } from './parsed-report.types';
import { parsePublicationDate, parseTitle } from './parse-title';
import { parseSections } from './parse-sections';
import { readCutOff } from './read-cut-off';
import { readT2 } from './read-t2';
import { readT3 } from './read-t3';
import { readT4 } from './read-t4';

export interface ParseOptions {
  /** Overrides the agency printed in the title. */
  agencyName?: string;
  /** Overrides the year printed in the title. */
  year?: number;
  /** Overrides INGEST_LIMITS.parseTimeoutMs. */
  timeoutMs?: number;
  /** The text came from a PDF: where each of its lines was printed (pdf-page-lines.ts). */
  places?: readonly PdfLinePlace[];
}

const TABLE_PARTS = PARTS.filter((part) => part.table).map((part) => part.code);

/** Pure: report text in, parsed report out. Throws IngestError when the text is not a report. */
export function parseReport(text: string, options: ParseOptions = {}): ParsedReport {
  const checkTime = parseDeadline(options.timeoutMs);
  const lines: SourceLine[] = text.split(/\r\n|\r|\n/).map((line, index) => ({ number: index + 1, text: line }));
  checkTextLimits(lines);
  const warnings: ParseWarning[] = [];
  const title = parseTitle(lines);
  checkTime('the title');
  const { sections, partLines } = parseSections(lines, warnings);
  checkTime('the parts');
  if (title.title === null && sections.length < 2) {
    throw new IngestError('NOT_A_REPORT', 'not an annual report: no title like "…2023年政府信息公开工作年度报告" and fewer than two of the six part headings');
  }
  const agencyName = options.agencyName ?? title.agencyName;
  if (!agencyName) throw new IngestError('NO_AGENCY', 'no agency name in the title; give one with --agency');
  const year = options.year ?? title.year;
  if (!year) throw new IngestError('NO_YEAR', 'no report year in the title; give one with --year');
  const generation = detectGeneration(text);
  const regionOf = (table: TableCode) => partLines.get(PARTS.find((part) => part.table === table)!.code) ?? lines;
  let cells: ParsedCell[] = [];
  const tables = tablesOf(generation);
  if (tables.length > 0) {
    checkTableLimits(partLines, TABLE_PARTS);
    const [t2Template, t3Template] = tables as [TableTemplate, TableTemplate];
    const t2 = readT2(regionOf('t2'), warnings, t2Template);
    checkTime('table t2');
    const t3 = readT3(regionOf('t3'), warnings, t3Template);
    checkTime('table t3');
    const t4 = readT4(regionOf('t4'), warnings);
    checkTime('table t4');
    cells = [...t2.cells, ...t3.cells, ...t4.cells];
    const shortRows = [...t3.shortRows, ...t4.shortRows];
    const unreached = readCutOff(sections, partLines, tables, new Map([['t2', t2.rows], ['t3', t3.rows]]), cells, shortRows, warnings);
    warnUnreadableValues(cells, warnings);
    inferLostCells(new Map(cells.map((cell) => [cellAddress(cell), cell])), shortRows, warnings, identitiesOf(generation), unreached);
  } else {
    warnings.push({ code: 'TABLES_NOT_READ', message: 'tables are not in a recognised template generation; sections stored' });
  }
  checkTime('lost cells');
  return {
    agencyName,
    year,
    title: title.title ?? `${agencyName}${year}年政府信息公开工作年度报告`,
    publishedAt: parsePublicationDate(lines),
    generation,
    sections: placeSections(sections, options.places),
    cells: placeCells(cells, options.places),
    warnings,
  };
}

/** Cells printed with something in them that is not a value we can keep. */
function warnUnreadableValues(cells: readonly ParsedCell[], warnings: ParseWarning[]): void {
  for (const cell of cells) {
    if (cell.status !== 'MISSING' || !cell.raw) continue;
    const address = cellAddress(cell);
    warnings.push({ code: 'UNREADABLE_VALUE', message: `${address}: "${cell.raw.slice(0, 40)}" is not a number a report can hold; read as MISSING`, line: cell.line ?? undefined, address });
  }
}
