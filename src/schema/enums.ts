import { registerEnumType } from 'type-graphql';
import { BATCH_KINDS, ITEM_OUTCOMES, REVIEW_VERDICTS, VERSION_KINDS } from '../entities/history.types';
import { SOURCE_FORMATS } from '../entities/source-format.types';
import { FIGURE_NAMES } from '../figures/figure-definitions';
import { figureDescription } from '../figures/metric-dictionary';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

/**
 * A GraphQL enum over names kept as they are inside (stored, printed by the
 * CLI, measure names): its values are their CONSTANT_CASE (stored is STORED,
 * completionRate is COMPLETION_RATE), as GraphQL enum values are written.
 */
function constantCaseEnumOf<T extends string>(values: readonly T[]): Record<string, T> {
  return Object.fromEntries(values.map((v) => [v.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase(), v]));
}

export const CellStatusEnum = enumOf(['NUMBER', 'ZERO', 'BLANK', 'NA', 'MISSING'] as const);
export const GenerationEnum = enumOf(['G3', 'G2', 'UNRECOGNISED'] as const);
export const CheckStatusEnum = enumOf(['PASS', 'FAIL', 'NOT_ASSESSABLE'] as const);
export const CheckSeverityEnum = enumOf(['ERROR', 'WARNING'] as const);
export const FigureNameEnum = constantCaseEnumOf(FIGURE_NAMES);
export const CorrectionBasisEnum = enumOf(['TOTAL', 'DECIDED'] as const);
export const AgencyLevelEnum = enumOf(['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'DEVELOPMENT_ZONE', 'DEPARTMENT', 'OTHER'] as const);
export type AgencyLevel = keyof typeof AgencyLevelEnum;
export const IngestOutcomeEnum = constantCaseEnumOf(['stored', 'replaced', 'unchanged', 'kept'] as const);
export const VersionKindEnum = enumOf(VERSION_KINDS);
export const ReviewVerdictEnum = enumOf(REVIEW_VERDICTS);
export const BatchKindEnum = enumOf(BATCH_KINDS);
export const BatchItemOutcomeEnum = constantCaseEnumOf(ITEM_OUTCOMES);
export const SourceFormatEnum = enumOf(SOURCE_FORMATS);
export const GroupDimensionEnum = enumOf(['YEAR', 'AGENCY', 'PARENT', 'REGION', 'LEVEL', 'GENERATION'] as const);
export const RankOrderEnum = enumOf(['DESC', 'ASC'] as const);
export const ReportOrderEnum = enumOf(['ID', 'YEAR_ASC', 'YEAR_DESC', 'AGENCY_NAME'] as const);
export type ReportOrder = keyof typeof ReportOrderEnum;

registerEnumType(CellStatusEnum, { name: 'CellStatus', description: 'NUMBER or ZERO: read; BLANK: empty in the source; NA: "/", "—", "无"; MISSING: not found' });
registerEnumType(GenerationEnum, { name: 'Generation', description: 'Template generation: G3 (2021 format), G2 (2019 format), or tables in no recognised generation' });
registerEnumType(CheckStatusEnum, { name: 'CheckStatus', description: 'NOT_ASSESSABLE: an input cell is not a number' });
registerEnumType(CheckSeverityEnum, { name: 'CheckSeverity' });
registerEnumType(FigureNameEnum, {
  name: 'FigureName',
  description: 'The derived figures: counts and rates computed from the cells of tables t3 and t4, and REPORT_COMPLETENESS (share of parts and cells present). Each is the field of Figures of the same name in camelCase (COMPLETION_RATE is completionRate), the name a measure uses',
  valuesConfig: Object.fromEntries(Object.entries(FigureNameEnum).map(([value, name]) => [value, { description: figureDescription(name) }])),
});
registerEnumType(CorrectionBasisEnum, { name: 'CorrectionBasis', description: 'Correction rates over all cases (TOTAL) or decided cases only (DECIDED: total − pending)' });
registerEnumType(AgencyLevelEnum, { name: 'AgencyLevel', description: 'Administrative level: a government (province, city, county, township), a development zone, or a department under one' });
registerEnumType(IngestOutcomeEnum, {
  name: 'IngestOutcome',
  description: 'STORED: new; REPLACED: a new current version for the same agency and year; UNCHANGED: the same content again; KEPT: stored as a version, but the current one stays (the new reading reads less)',
});
registerEnumType(VersionKindEnum, { name: 'VersionKind', description: 'PARSED: the first reading; REPARSED: a later reading of a source; CORRECTED: cells corrected by a person' });
registerEnumType(ReviewVerdictEnum, { name: 'ReviewVerdict', description: 'CONFIRMED_ERROR: the report is wrong; EXPLAINED: the figures differ for a stated reason; FALSE_ALARM: the check does not apply' });
registerEnumType(BatchKindEnum, { name: 'BatchKind', description: 'INGEST: a run of ingest; ACTIVATE: a version made current by hand' });
registerEnumType(BatchItemOutcomeEnum, { name: 'BatchItemOutcome', description: 'What one file of a batch did: STORED, REPLACED, ACTIVATED changed the current version; UNCHANGED, KEPT, REFUSED did not' });
registerEnumType(SourceFormatEnum, { name: 'SourceFormat', description: 'What a report file was, detected from its bytes: plain TEXT, MARKDOWN (pipe tables), HTML or PDF' });
registerEnumType(GroupDimensionEnum, { name: 'GroupDimension', description: 'What reports are grouped by; PARENT is the governing agency' });
registerEnumType(RankOrderEnum, { name: 'RankOrder', description: 'DESC: highest first (top N); ASC: lowest first (bottom N)' });
registerEnumType(ReportOrderEnum, { name: 'ReportOrder', description: 'Order of a report listing; every order is stable (ties broken by id)' });
