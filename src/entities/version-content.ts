import type { VersionContent } from './history.types';

export interface VersionStats {
  cellsRead: number;
  cellsTotal: number;
  parts: number;
}

/** What a reading holds, for comparing readings: cells not MISSING, cells, and parts (sub-parts not counted). */
export function versionStats(content: Pick<VersionContent, 'cells' | 'sections'>): VersionStats {
  return {
    cellsRead: content.cells.filter((cell) => cell.status !== 'MISSING').length,
    cellsTotal: content.cells.length,
    parts: content.sections.filter((section) => section.parentCode === null).length,
  };
}

