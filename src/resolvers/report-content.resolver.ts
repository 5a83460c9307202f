import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Agency } from '../entities/agency.entity';
import { Report } from '../entities/report.entity';
import { Section } from '../entities/section.entity';
import { TableCell } from '../entities/table-cell.entity';
import { badUserInput } from '../errors/bad-user-input';
import { isCellAddress } from '../figures/measure';
import { Table } from '../schema/table.type';
import type { GatewayContext } from '../server/context';
import { arrangeTables, isTableCode } from '../services/report-tables';

/** The fields below that read the report's cells. */
export const CELL_READING_FIELDS: ReadonlySet<string> = new Set(['tables', 'cells', 'cell']);

@Resolver(() => Report)
export class ReportContentResolver {
  @FieldResolver(() => Agency)
  async agency(@Root() report: Report, @Ctx() { loaders }: GatewayContext): Promise<Agency> {
    // Listings and lookups fetch the agency with the report; a report reached another way (previous) loads it.
    return report.agency ?? (await loaders.agency.load(report.agencyId))!;
  }

  @FieldResolver(() => [Section], { description: 'The six parts in order; sub-parts under `children`' })
  async sections(@Root() report: Report, @Ctx() { loaders }: GatewayContext): Promise<Section[]> {
    return (await loaders.sections.load(report.id)).filter((s) => s.parentCode === null);
  }

  @FieldResolver(() => [Table], { description: 'Tables t2, t3, t4 as rows of cells' })
  async tables(@Root() report: Report, @Ctx() { loaders }: GatewayContext): Promise<Table[]> {
    return arrangeTables(await loaders.cells.load(report.id), report.generation);
  }

  @FieldResolver(() => [TableCell], { description: 'Every cell, or one table\'s, in template order' })
  async cells(@Root() report: Report, @Ctx() { loaders }: GatewayContext, @Arg('table', () => String, { nullable: true }) table?: string): Promise<TableCell[]> {
    if (table !== undefined && table !== null && !isTableCode(table)) throw badUserInput(`cells(table: "${table}"): the tables are t2, t3 and t4`, 'table');
    const cells = await loaders.cells.load(report.id);
    return table ? cells.filter((c) => c.table === table) : cells;
  }

  @FieldResolver(() => TableCell, { nullable: true, description: 'One cell by address table/row/column, e.g. t3/new/total' })
  async cell(@Root() report: Report, @Ctx() { loaders }: GatewayContext, @Arg('address') address: string): Promise<TableCell | null> {
    if (!isCellAddress(address)) throw badUserInput(`cell(address: "${address}"): not a template cell; write table/row/column, e.g. t3/new/total`, 'address');
    return (await loaders.cells.load(report.id)).find((c) => c.address === address) ?? null;
  }

  @FieldResolver(() => Report, { nullable: true, description: "The same agency's report for the year before" })
  async previous(@Root() report: Report, @Ctx() { loaders }: GatewayContext): Promise<Report | null> {
    return (await loaders.previousReport(report)) ?? null;
  }
}
