import { In, type DataSource, type EntityManager } from 'typeorm';
import type { VersionContent } from '../entities/history.types';
import { ReportVersion } from '../entities/report-version.entity';
import { Report } from '../entities/report.entity';
import { versionStats } from '../entities/version-content';
import { findOrCreateAgency } from '../services/agency-metadata.service';
import { insertVersion, makeCurrent, type NewVersion } from '../services/current-version.service';
import { bumpDataVersion } from '../services/data-version.service';
import { recordItem, singleItemBatch, type BatchItemRecord } from '../services/ingest-batch.service';
import { reportForChange } from '../services/report-history.service';
import { carryCorrections, contentOfParsed, regressionOf, type CorrectionConflict } from '../services/version-reading';
import type { ParsedReport } from './parsed-report.types';
import type { SourceKind } from '../entities/source-format.types';

export type StoreOutcome = 'stored' | 'replaced' | 'unchanged' | 'kept';

export interface StoreSource extends SourceKind {
  contentHash: string;
  sourceFile: string | null;
  /** Who stores it: an API key's name, or the user running the command. */
  actor?: string | null;
  /** Make the new reading current even when it reads less than the current one. */
  makeCurrent?: boolean;
  /** The run this store belongs to; without one, the store is a batch of its own. */
  batchId?: number;
}

export interface StoreResult {
  outcome: StoreOutcome;
  reportId: number;
  /** The report as stored (for `kept`: as it stays), read inside the transaction. */
  report: Report;
  /** The version the reading was stored as (for `unchanged`: the current one), read inside the transaction. */
  version: ReportVersion;
  /** Why a `kept` reading did not become current. */
  reason: string | null;
  /** Corrections of the current version that the new reading could not take over. */
  conflicts: CorrectionConflict[];
  batchId: number;
}

/** Attempts at a store that loses a race with a concurrent writer (another process or replica ingesting the same report). */
const ATTEMPTS = 8;

/**
 * Stores a parsed report as a new version in one transaction. The same content
 * as the current version changes nothing; a reading that reads less than the
 * current one is kept as a version but does not become current unless asked.
 * A failure leaves the database as it was.
 */
export async function storeReport(dataSource: DataSource, parsed: ParsedReport, source: StoreSource): Promise<StoreResult> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await dataSource.transaction((manager) => storeOnce(manager, parsed, source));
    } catch (error) {
      // The other writer's report (or agency) is now there: the next attempt finds it and replaces or keeps it.
      if (attempt >= ATTEMPTS || !isConcurrentWriteConflict(error)) throw error;
      // Back off a little, at random, so the writers do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/** A unique key taken by a concurrent transaction, or SQLite's snapshot gone stale under another process's write. */
function isConcurrentWriteConflict(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
  return code === '23505' || code === '40001' || code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || (code === 'SQLITE_CONSTRAINT_UNIQUE' && !/table_cell|section/.test(String(error)));
}

async function storeOnce(manager: EntityManager, parsed: ParsedReport, source: StoreSource): Promise<StoreResult> {
  const agency = await findOrCreateAgency(manager, parsed.agencyName);
  const existing = await reportForChange(manager, { agencyId: agency.id, year: parsed.year });
  const current = existing?.currentVersionId != null ? await manager.findOneByOrFail(ReportVersion, { id: existing.currentVersionId }) : null;
  const item = (outcome: BatchItemRecord['outcome'], versionId: number, reason: string | null = null): BatchItemRecord => ({
    path: source.sourceFile ?? 'input.text',
    outcome,
    reason,
    agencyId: agency.id,
    year: parsed.year,
    versionId,
    previousVersionId: current?.id ?? null,
  });
  const finish = async (result: Omit<StoreResult, 'batchId'>): Promise<StoreResult> => {
    const record = item(result.outcome, result.version.id, result.reason);
    if (source.batchId !== undefined) {
      await recordItem(manager, source.batchId, record);
      return { ...result, batchId: source.batchId };
    }
    const batch = await singleItemBatch(manager, { kind: 'INGEST', source: record.path, actor: source.actor ?? null }, record);
    return { ...result, batchId: batch.id };
  };
  if (existing && current && existing.contentHash === source.contentHash) {
    return finish({ outcome: 'unchanged', reportId: existing.id, report: existing, version: current, reason: null, conflicts: [] });
  }
  const parent = current ?? (await latestVersion(manager, agency.id, parsed.year));
  const read = contentOfParsed(parsed);
  const regression = existing && current ? regressionOf(versionStats(read), versionStats(current.content)) : null;
  const carried = current ? carryCorrections(current.content, read) : { content: read, conflicts: [] };
  const kept = regression !== null && !source.makeCurrent;
  if (kept) {
    // The same reading kept before (a nightly run over the same short file) is not stored again.
    const same = await sameReading(manager, agency.id, parsed.year, source.contentHash, carried.content);
    const version = same ?? (await insertVersion(manager, newVersion(agency.id, parsed, parent, source, carried.content)));
    // Nothing current changed, but the report's list of versions may have.
    if (!same) await bumpDataVersion(manager);
    return finish({ outcome: 'kept', reportId: existing!.id, report: existing!, version, reason: regression, conflicts: carried.conflicts });
  }
  const version = await insertVersion(manager, newVersion(agency.id, parsed, parent, source, carried.content));
  const report = await makeCurrent(manager, version, parent === null);
  return finish({ outcome: existing ? 'replaced' : 'stored', reportId: report.id, report, version, reason: null, conflicts: carried.conflicts });
}

function newVersion(agencyId: number, parsed: ParsedReport, parent: ReportVersion | null, source: StoreSource, content: VersionContent): NewVersion {
  return {
    agencyId,
    year: parsed.year,
    parent,
    kind: parent ? 'REPARSED' : 'PARSED',
    sourceFile: source.sourceFile,
    contentHash: source.contentHash,
    sourceFormat: source.sourceFormat,
    sourceEncoding: source.sourceEncoding,
    createdBy: source.actor ?? null,
    reason: null,
    content,
  };
}

/** A version already read from the same text, holding the same content. */
async function sameReading(manager: EntityManager, agencyId: number, year: number, contentHash: string, content: VersionContent): Promise<ReportVersion | null> {
  const candidates = await manager.find(ReportVersion, { where: { agencyId, year, contentHash, kind: In(['PARSED', 'REPARSED']) }, order: { id: 'DESC' } });
  const wanted = JSON.stringify(content);
  return candidates.find((candidate) => JSON.stringify(candidate.content) === wanted) ?? null;
}

/** The newest version of a report no longer stored (deleted, or rolled back out of existence): history goes on from it. */
function latestVersion(manager: EntityManager, agencyId: number, year: number): Promise<ReportVersion | null> {
  return manager.findOne(ReportVersion, { where: { agencyId, year }, order: { id: 'DESC' } });
}
