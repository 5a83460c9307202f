import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { Report } from '../entities/report.entity';
import { Connection } from '../schema/connection.type';
import { ReportOrderEnum, type ReportOrder } from '../schema/enums';
import { ReportFilter } from '../schema/report-filter.input';
import type { GatewayContext } from '../server/context';
import { findReport, listReports } from '../services/report-listing.service';
import { CELL_READING_FIELDS } from './report-content.resolver';
import { selectsAny } from './selection';

export const ReportConnection = Connection(Report, 'Report');

@Resolver()
export class ReportQueryResolver {
  @Query(() => Report, { nullable: true, description: 'A report by id, or by year and any name its agency is known by (as agency(name) finds it)' })
  async report(
    @Ctx() { db, loaders }: GatewayContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('agencyName', () => String, { nullable: true }) agencyName?: string,
    @Arg('year', () => Int, { nullable: true }) year?: number,
  ): Promise<Report | null> {
    // Asked for with its cells, the report comes with them in the same statement.
    const found = await findReport(db, { id, agencyName, year }, selectsAny(info, CELL_READING_FIELDS));
    if (found?.cells) loaders.cells.prime(found.report.id, found.cells);
    return found?.report ?? null;
  }

  @Query(() => ReportConnection, { description: 'Reports matching the filter, a page at a time (first ≤ 100)' })
  reports(
    @Ctx() { db }: GatewayContext,
    @Arg('filter', () => ReportFilter, { nullable: true }) filter?: ReportFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('orderBy', () => ReportOrderEnum, { nullable: true, defaultValue: 'ID' }) orderBy?: ReportOrder,
  ) {
    return listReports(db, filter, orderBy, { first, after });
  }
}
