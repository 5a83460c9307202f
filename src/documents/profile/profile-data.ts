import type { AgencyProfileQuery } from '../../generated/graphql';

/** The answer of queries/agency-profile.graphql: the profile shows nothing else. */
export type ProfileData = AgencyProfileQuery;
export type ProfileReport = NonNullable<AgencyProfileQuery['report']>;
export type ProfileTable = ProfileReport['tables'][number];
export type ProfileCell = ProfileTable['rows'][number]['cells'][number];
export type ProfileMetric = AgencyProfileQuery['figureMetrics'][number];

/** A cell with where it is in the answer (data-path), found by its address. */
export interface LocatedCell {
  cell: ProfileCell;
  path: string;
  rowLabel: string;
}

export function locateCells(report: ProfileReport): Map<string, LocatedCell> {
  const cells = new Map<string, LocatedCell>();
  report.tables.forEach((table, t) =>
    table.rows.forEach((row, r) => row.cells.forEach((cell, c) => cells.set(cell.address, { cell, path: `report.tables.${t}.rows.${r}.cells.${c}`, rowLabel: row.label }))),
  );
  return cells;
}
