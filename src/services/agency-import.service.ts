import { parse } from 'csv-parse/sync';
import type { DataSource } from 'typeorm';
import { Agency } from '../entities/agency.entity';
import { localNameOf } from '../template/agency-names.template';
import { AgencyLevelEnum, type AgencyLevel } from '../schema/enums';
import { setAgencyMetadata } from './agency-metadata.service';
import { findAgencyNamed } from './agency-names.service';

/** The columns of an agency CSV; only `name` is required, an empty cell leaves the field as it is. */
export const AGENCY_CSV_COLUMNS = ['name', 'fullName', 'shortName', 'region', 'level', 'parent'] as const;

export class AgencyImportError extends Error {}

interface AgencyRow {
  line: number;
  values: Partial<Record<(typeof AGENCY_CSV_COLUMNS)[number], string>>;
}

/**
 * Creates or updates the agencies of a CSV in one transaction: all rows or
 * none. A row updates the agency any of whose names is its name; `parent`
 * names another agency (of the file or already stored) the same way.
 */
export async function importAgencies(dataSource: DataSource, csv: string, source: string): Promise<{ created: number; updated: number }> {
  const rows = parseRows(csv, source);
  return dataSource.transaction(async (manager) => {
    const named = async (row: AgencyRow, name: string) =>
      findAgencyNamed(manager, name).catch((error: Error) => {
        throw new AgencyImportError(`${source} line ${row.line}: ${error.message}`);
      });
    let created = 0;
    for (const row of rows) {
      if (await named(row, row.values.name!)) continue;
      await manager.insert(Agency, { name: row.values.name!, localName: localNameOf(row.values.name!) });
      created += 1;
    }
    for (const row of rows) {
      const agency = (await named(row, row.values.name!))!;
      const parentName = row.values.parent;
      const parent = parentName ? await named(row, parentName) : undefined;
      if (parentName && !parent) throw new AgencyImportError(`${source} line ${row.line}: parent "${parentName}" is not an agency of the file or the database`);
      try {
        await setAgencyMetadata(manager, agency, {
          fullName: row.values.fullName || undefined,
          shortName: row.values.shortName || undefined,
          region: row.values.region || undefined,
          level: (row.values.level || undefined) as AgencyLevel | undefined,
          parentId: parent ? parent.id : undefined,
        });
      } catch (error) {
        throw new AgencyImportError(`${source} line ${row.line}: ${(error as Error).message}`);
      }
    }
    return { created, updated: rows.length - created };
  });
}

function parseRows(csv: string, source: string): AgencyRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv, { columns: true, bom: true, trim: true, skip_empty_lines: true, info: true });
  } catch (error) {
    throw new AgencyImportError(`${source}: not a readable CSV: ${(error as Error).message}`);
  }
  const header = Object.keys(records[0]?.record ?? {});
  const unknown = header.filter((column) => !(AGENCY_CSV_COLUMNS as readonly string[]).includes(column));
  if (!header.includes('name')) throw new AgencyImportError(`${source}: the header needs a "name" column (columns: ${AGENCY_CSV_COLUMNS.join(', ')})`);
  if (unknown.length > 0) throw new AgencyImportError(`${source}: unknown column(s) ${unknown.join(', ')} (columns: ${AGENCY_CSV_COLUMNS.join(', ')})`);
  return records.map(({ record, info }) => {
    const row: AgencyRow = { line: info.lines, values: record };
    if (!record.name) throw new AgencyImportError(`${source} line ${row.line}: name is empty`);
    if (record.level && !(record.level in AgencyLevelEnum)) {
      throw new AgencyImportError(`${source} line ${row.line}: level "${record.level}" is not one of ${Object.keys(AgencyLevelEnum).join(', ')}`);
    }
    return row;
  });
}
