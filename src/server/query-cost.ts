import { getNamedType, getNullableType, GraphQLList, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { PARTS } from '../template/parts.template';
import { TABLES, templateCells } from '../template/tables.template';
import { DEFAULT_PAGE_SIZE } from '../services/pagination';
import { groupedCost } from './grouped-cost';

/** A list whose length no argument bounds costs its selection this many times. */
const DEFAULT_LIST_LENGTH = 10;

/** The longest each unbounded list field can be, from the template where the template fixes it. */
const LIST_LENGTHS: Record<string, number> = {
  // A connection's edges are counted by its `first`.
  'ReportConnection.edges': 1,
  'AgencyConnection.edges': 1,
  'Report.tables': TABLES.length,
  'Report.cells': templateCells().length,
  'Report.sections': PARTS.length,
  'Section.children': 10,
  'Table.rows': Math.max(...TABLES.map((table) => table.rows.length)),
  'TableRow.cells': Math.max(...TABLES.map((table) => table.columns.length)),
  // 42 identities, 3 non-negative, 9 cross-year, 7 narrative, 4 jumps, 11 rates, 3 completeness, 1 generation, 10 peer: at most 90.
  'Report.checks': 90,
  'Agency.reports': 20,
  'Agency.children': 100,
  // An aggregate's values are one per measure: grouped-cost.ts prices them with the groups.
  'AggregateGroup.values': 1,
};

/** Lists sized by an argument: `first` pages; aggregates and ranks by their groups and measures. */
const listLength: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const grouped = groupedCost(`${type.name}.${field.name}`, args, childComplexity);
  if (grouped !== undefined) return grouped;
  const bound = args.first;
  if (typeof bound === 'number') return 1 + Math.max(bound, 1) * childComplexity;
  if (field.args.some((arg) => arg.name === 'first')) return 1 + DEFAULT_PAGE_SIZE * childComplexity;
  if (!(getNullableType(field.type) instanceof GraphQLList)) return undefined;
  if (getNamedType(field.type).name === 'String') return 1;
  const length = LIST_LENGTHS[`${type.name}.${field.name}`] ?? DEFAULT_LIST_LENGTH;
  return 1 + length * childComplexity;
};

/** Fields priced one by one, fragments at each spread; past it the estimate throws. */
export const MAX_PRICED_FIELDS = 10_000;

/** The estimated cost of running an operation: fields × the list lengths above them. */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number {
  return getComplexity({ schema, query: document, operationName, variables, maxQueryNodes: MAX_PRICED_FIELDS, estimators: [listLength, simpleEstimator({ defaultComplexity: 1 })] });
}
