import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Agency } from '../entities/agency.entity';
import { Report } from '../entities/report.entity';
import { Connection } from '../schema/connection.type';
import { AgencyFilter } from '../schema/report-filter.input';
import type { GatewayContext } from '../server/context';
import { findAgency, listAgencies } from '../services/report-listing.service';

export const AgencyConnection = Connection(Agency, 'Agency');

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => Agency, { nullable: true, description: 'An agency by id, or by a name it is known by: its name, else its full name, else its short name, else the name without the region printed in front (淮安市洪泽区人民政府 finds 洪泽区人民政府); a name two agencies share equally is refused' })
  agency(
    @Ctx() { db }: GatewayContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('name', () => String, { nullable: true }) name?: string,
  ): Promise<Agency | null> {
    return findAgency(db, { id, name });
  }

  @Query(() => AgencyConnection, { description: 'Agencies by name, a page at a time (first ≤ 100)' })
  agencies(
    @Ctx() { db }: GatewayContext,
    @Arg('filter', () => AgencyFilter, { nullable: true }) filter?: AgencyFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listAgencies(db, filter, { first, after });
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The governing agency' })
  async parent(@Root() agency: Agency, @Ctx() { loaders }: GatewayContext): Promise<Agency | null> {
    return agency.parentId === null ? null : ((await loaders.agency.load(agency.parentId)) ?? null);
  }

  @FieldResolver(() => [Agency], { description: 'The agencies directly under this one, by name' })
  children(@Root() agency: Agency, @Ctx() { loaders }: GatewayContext): Promise<Agency[]> {
    return loaders.childAgencies.load(agency.id);
  }

  @FieldResolver(() => [Report], { description: 'Its reports, newest first' })
  reports(@Root() agency: Agency, @Ctx() { loaders }: GatewayContext): Promise<Report[]> {
    return loaders.reportsByAgency.load(agency.id);
  }
}
