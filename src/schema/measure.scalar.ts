import { GraphQLError, GraphQLScalarType, Kind, print } from 'graphql';
import { parseMeasure, unknownMeasureMessage } from '../figures/measure';

/** The key itself when it names a measure; else an error naming the value and the nearest keys (validation reports it for a literal, execution for a variable). */
function checkedMeasure(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`a Measure is a string (a figure name or a cell address), got ${typeof value}`);
  if (!parseMeasure(value)) throw new TypeError(unknownMeasureMessage(value));
  return value;
}

export const MeasureScalar = new GraphQLScalarType<string, string>({
  name: 'Measure',
  description:
    'A figure name (completionRate) or a template cell address (t3/new/total): `metrics` lists every one. A value that is neither is refused before anything runs, naming the nearest keys: a literal when the query is validated (GRAPHQL_VALIDATION_FAILED), a variable with BAD_USER_INPUT',
  serialize: (value) => value as string,
  parseValue: checkedMeasure,
  // A GraphQLError is reported as it is: validation would otherwise repeat the whole literal, however long, in front of the message.
  parseLiteral: (node) => {
    try {
      if (node.kind !== Kind.STRING) throw new TypeError(`a Measure is a string (a figure name or a cell address), got ${print(node).slice(0, 40)}`);
      return checkedMeasure(node.value);
    } catch (error) {
      throw new GraphQLError(`Measure: ${(error as Error).message}`, { nodes: node });
    }
  },
});
