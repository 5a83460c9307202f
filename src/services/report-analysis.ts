import { LRUCache } from 'lru-cache';
import type { Check } from '../checks/check.types';
import type { ReportFacts } from '../checks/report-facts';
import { runChecks } from '../checks/run-checks';
import type { Report } from '../entities/report.entity';
import { computeFigures, figureInputOf, type FigureValue } from '../figures/compute-figures';
import type { CorrectionBasis } from '../figures/figure-definitions';

/** What the checks and figures say of one stored report: a function of its content and its previous year's. */
export interface ReportAnalysis {
  checks: Check[];
  figures: Record<CorrectionBasis, FigureValue[]>;
}

export function analyseReport(facts: ReportFacts, hasTables: boolean): ReportAnalysis {
  const input = figureInputOf(facts);
  return { checks: runChecks(facts, hasTables), figures: { TOTAL: computeFigures(input, 'TOTAL'), DECIDED: computeFigures(input, 'DECIDED') } };
}

/** Reports whose analysis a gateway keeps: about 15 KB each. */
const CACHED_REPORTS = 2000;

/**
 * Analyses kept across requests, so a page of reports does not re-run every
 * check of every report each time it is asked for. The key names exactly what
 * the analysis reads — the report's current version and its previous year's — so a
 * re-ingested or corrected report or a changed previous year is a different key. Requests
 * arriving together for the same report share one computation.
 */
export class ReportAnalysisCache {
  private readonly entries = new LRUCache<string, Promise<ReportAnalysis>>({ max: CACHED_REPORTS });

  analysis(report: Report, previous: Report | undefined, compute: () => Promise<ReportAnalysis>): Promise<ReportAnalysis> {
    const key = analysisKey(report, previous);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = compute();
      this.entries.set(key, entry);
      entry.catch(() => this.entries.delete(key));
    }
    return entry;
  }
}

function analysisKey(report: Report, previous: Report | undefined): string {
  // The version id: a correction changes cells but not the source's hash.
  return `${report.id}:${report.currentVersionId}:${report.contentHash}:${previous ? `${previous.id}:${previous.currentVersionId}:${previous.contentHash}` : '-'}`;
}
