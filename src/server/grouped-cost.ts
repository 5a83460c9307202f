import type { ReportFilter } from '../schema/report-filter.input';
import type { GroupDimension } from '../services/aggregate-sql';

/**
 * Distinct values of each dimension in a full corpus, to price a grouping
 * before the database is asked (README, Limits): the agencies publishing
 * reports run to tens of thousands under a few thousand governing ones, years
 * to about ten, regions (province/city) to a few hundred; levels and
 * generations are their enums.
 */
export const DIMENSION_SIZES: Readonly<Record<GroupDimension, number>> = { AGENCY: 20_000, PARENT: 2_000, REGION: 300, LEVEL: 7, YEAR: 10, GENERATION: 3 };

/** An agency has one parent, region and level: grouped together they make at most one group per agency. */
const OF_AGENCY: ReadonlySet<GroupDimension> = new Set(['AGENCY', 'PARENT', 'REGION', 'LEVEL']);

/** Groups a grouping makes at most: one per report (agencies × years) at worst. */
export function estimatedGroups(groupBy: readonly GroupDimension[], filter: ReportFilter | null | undefined): number {
  const sizes = sizesWithin(filter ?? {});
  const dimensions = [...new Set(groupBy)];
  const product = (list: GroupDimension[]) => list.reduce((groups, dimension) => groups * sizes[dimension], 1);
  const agencyGroups = Math.min(product(dimensions.filter((d) => OF_AGENCY.has(d))), sizes.AGENCY);
  return Math.min(agencyGroups * product(dimensions.filter((d) => !OF_AGENCY.has(d))), sizes.AGENCY * sizes.YEAR);
}

/** A filter that fixes a dimension leaves fewer of its values. */
function sizesWithin(filter: ReportFilter): Record<GroupDimension, number> {
  const sizes = { ...DIMENSION_SIZES };
  if (filter.years?.length) sizes.YEAR = Math.min(new Set(filter.years).size, DIMENSION_SIZES.YEAR);
  if (filter.agencyId != null) Object.assign(sizes, { AGENCY: 1, PARENT: 1, REGION: 1, LEVEL: 1 });
  if (filter.level) sizes.LEVEL = 1;
  if (filter.generation) sizes.GENERATION = 1;
  return sizes;
}

interface GroupedArgs {
  groupBy?: GroupDimension[];
  filter?: ReportFilter | null;
  measures?: string[];
  limit?: number;
}

/**
 * `aggregate`: every group × every measure × the fields asked of a group.
 * `rank`: the database folds every group to rank them (one measure), and
 * `limit` groups come back. Undefined for other fields.
 */
export function groupedCost(coordinate: string, args: GroupedArgs, childComplexity: number): number | undefined {
  if (coordinate === 'Query.aggregate') return 1 + estimatedGroups(args.groupBy ?? [], args.filter) * Math.max(args.measures?.length ?? 0, 1) * childComplexity;
  if (coordinate === 'Query.rank') return 1 + estimatedGroups(args.groupBy ?? ['AGENCY'], args.filter) + Math.max(args.limit ?? 0, 1) * childComplexity;
  return undefined;
}
