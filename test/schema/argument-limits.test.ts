import { getNamedType, getNullableType, isInputObjectType, isListType, isObjectType, type GraphQLInputType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../src/schema/build-schema';
import { ARGUMENT_LIMITS } from '../../src/schema/argument-limits';

/** What each list or string argument and input field of the schema needs from the table. */
async function limitsNeeded(): Promise<Record<string, string[]>> {
  const schema = await buildGatewaySchema();
  const needed: Record<string, string[]> = {};
  const need = (key: string, type: GraphQLInputType) => {
    const name = getNamedType(type).name;
    const kinds = [...(isListType(getNullableType(type)) ? ['maxItems'] : []), ...(['String', 'ID'].includes(name) ? ['maxLength'] : []), ...(name === 'ID' ? ['rowId'] : [])];
    if (kinds.length > 0) needed[key] = kinds;
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type)) for (const field of Object.values(type.getFields())) for (const arg of field.args) need(`${type.name}.${field.name}(${arg.name})`, arg.type);
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) need(`${type.name}.${field.name}`, field.type);
  }
  return needed;
}

describe('the argument limits table', () => {
  it('gives every list a most items and every string a most characters, and names nothing the schema lacks', async () => {
    const needed = await limitsNeeded();
    const missing = Object.entries(needed).flatMap(([key, kinds]) => kinds.filter((kind) => ARGUMENT_LIMITS[key]?.[kind as 'maxItems' | 'maxLength' | 'rowId'] === undefined).map((kind) => `${key} ${kind}`));
    expect(missing).toEqual([]);
    // Page sizes and the percentile fraction are number arguments with a range; everything else in the table is a list, a string or an id.
    const ranged = Object.keys(ARGUMENT_LIMITS).filter((key) => ARGUMENT_LIMITS[key]!.range);
    expect(ranged.sort()).toEqual(['MeasureAggregate.percentile(p)', 'Query.agencies(first)', 'Query.batches(first)', 'Query.reports(first)']);
    expect(Object.keys(ARGUMENT_LIMITS).filter((key) => !(key in needed) && !ranged.includes(key))).toEqual([]);
    expect(Object.keys(needed)).toContain('ReportFilter.years');
  });
});
