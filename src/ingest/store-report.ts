import type { DataSource, EntityManager } from 'typeorm';
import { Agency } from '../entities/agency.entity';
import { Report } from '../entities/report.entity';
import { Section } from '../entities/section.entity';
import { TableCell } from '../entities/table-cell.entity';
import { guessFromName } from '../services/agency-metadata.service';
import { refreshFailingChecks } from '../services/check-summary.service';
import { bumpDataVersion } from '../services/data-version.service';
import type { ParsedReport, ParsedSection } from './parsed-report.types';

export type StoreOutcome = 'stored' | 'replaced' | 'unchanged';

export interface StoreSource {
  contentHash: string;
  sourceFile: string | null;
  sourceFormat: string;
}

export interface StoreResult {
  outcome: StoreOutcome;
  reportId: number;
}

/** Rows per INSERT statement, well under SQLite's bound-parameter limit. */
const CELL_CHUNK = 400;

/**
 * Stores a parsed report in one transaction. The same content for the same
 * agency and year changes nothing; changed content replaces the report's
 * sections and cells and keeps its id. A failure leaves the database as it was.
 */
export async function storeReport(dataSource: DataSource, parsed: ParsedReport, source: StoreSource): Promise<StoreResult> {
  return dataSource.transaction(async (manager) => {
    const agency = await findOrCreateAgency(manager, parsed.agencyName);
    const existing = await manager.findOne(Report, { where: { agencyId: agency.id, year: parsed.year } });
    if (existing?.contentHash === source.contentHash) return { outcome: 'unchanged', reportId: existing.id };
    const fields = {
      agencyId: agency.id,
      year: parsed.year,
      generation: parsed.generation,
      title: parsed.title,
      publishedAt: parsed.publishedAt,
      contentHash: source.contentHash,
      sourceFile: source.sourceFile,
      sourceFormat: source.sourceFormat,
      warnings: parsed.warnings,
    };
    let reportId: number;
    if (existing) {
      reportId = existing.id;
      await manager.delete(TableCell, { reportId });
      await manager.delete(Section, { reportId });
      await manager.update(Report, { id: reportId }, fields);
    } else {
      reportId = (await manager.insert(Report, fields)).identifiers[0]!.id as number;
    }
    await insertSections(manager, reportId, parsed.sections);
    await insertCells(manager, reportId, parsed);
    await refreshFailingChecks(manager, agency.id, [parsed.year, parsed.year + 1]);
    await bumpDataVersion(manager);
    return { outcome: existing ? 'replaced' : 'stored', reportId };
  });
}

async function findOrCreateAgency(manager: EntityManager, name: string): Promise<Agency> {
  const found = await manager.findOne(Agency, { where: { name } });
  if (found) return found;
  const id = (await manager.insert(Agency, { name })).identifiers[0]!.id as number;
  await guessFromName(manager, await manager.findOneByOrFail(Agency, { id }));
  return manager.findOneByOrFail(Agency, { id });
}

async function insertSections(manager: EntityManager, reportId: number, sections: ParsedSection[]): Promise<void> {
  let ordinal = 0;
  for (const part of sections) {
    const row = (section: ParsedSection, parentId: number | null) => ({
      reportId,
      parentId,
      code: section.code,
      ordinal: ordinal++,
      title: section.title,
      text: section.text,
      line: section.line,
    });
    const partId = (await manager.insert(Section, row(part, null))).identifiers[0]!.id as number;
    if (part.children.length > 0) await manager.insert(Section, part.children.map((child) => row(child, partId)));
  }
}

async function insertCells(manager: EntityManager, reportId: number, parsed: ParsedReport): Promise<void> {
  const rows = parsed.cells.map((cell, ordinal) => ({ ...cell, reportId, ordinal }));
  for (let start = 0; start < rows.length; start += CELL_CHUNK) {
    await manager.insert(TableCell, rows.slice(start, start + CELL_CHUNK));
  }
}
