import { describe, expect, it } from 'vitest';
import { FIGURE_NAMES } from '../../src/figures/figure-definitions';
import { figureFormula } from '../../src/figures/figure-formulas';
import { MAX_MEASURE_LENGTH, unknownMeasureMessage } from '../../src/figures/measure';
import { dictionaryVersion, METRICS, METRICS_VERSION, metricOf, type Metric } from '../../src/figures/metric-dictionary';
import { editDistance, nearestKeys } from '../../src/figures/nearest-measures';
import { trendPoint, trendYears } from '../../src/figures/trend';
import { ALL_CELL_ADDRESSES, tablesOf } from '../../src/template/tables.template';

const terms = (...written: string[]) => written.map((term) => (term.startsWith('-') ? { address: term.slice(1), coefficient: -1 } : { address: term, coefficient: 1 }));

describe('the metric dictionary', () => {
  it('lists every figure, then every template cell of either generation, each once', () => {
    expect(METRICS.filter((m) => m.kind === 'FIGURE').map((m) => m.key)).toEqual([...FIGURE_NAMES]);
    expect(new Set(METRICS.filter((m) => m.kind === 'CELL').map((m) => m.key))).toEqual(ALL_CELL_ADDRESSES);
    expect(new Set(METRICS.map((m) => m.key)).size).toBe(METRICS.length);
  });

  it('writes each figure\'s formula as figureFormula does, and these as a person writes them', () => {
    for (const name of FIGURE_NAMES) expect(metricOf(name).formula, name).toBe(figureFormula(name));
    expect(metricOf('completionRate').formula).toBe('t3/resultsTotal/total ÷ (t3/new/total + t3/carriedOver/total)');
    expect(metricOf('disclosureRate').formula).toBe('(t3/granted/total + t3/partiallyGranted/total) ÷ t3/resultsTotal/total');
    expect(metricOf('organizationShare').formula).toBe('(t3/new/total − t3/new/naturalPerson) ÷ t3/new/total');
    expect(metricOf('applicationsToHandle').formula).toBe('t3/new/total + t3/carriedOver/total');
    expect(metricOf('reviewCorrectionRate').formula).toBe('TOTAL: t4/review/corrected ÷ t4/review/total; DECIDED: t4/review/corrected ÷ (t4/review/total − t4/review/pending)');
  });

  it('gives the terms, G3 under TOTAL by default, and every generation and basis as a variant', () => {
    const completion = metricOf('completionRate');
    expect(completion.numerator).toEqual(terms('t3/resultsTotal/total'));
    expect(completion.denominator).toEqual(terms('t3/new/total', 't3/carriedOver/total'));
    expect(metricOf('organizationShare').numerator).toEqual(terms('t3/new/total', '-t3/new/naturalPerson'));
    expect(metricOf('applicationsReceived').denominator).toBeNull();
    const variant = (metric: Metric, generation: string, basis: string) => metric.variants.find((v) => v.generation === generation && v.basis === basis)!;
    const litigation = metricOf('litigationCorrectionRate');
    expect(variant(litigation, 'G3', 'DECIDED').denominator).toEqual(
      terms('t4/litigationDirect/total', 't4/litigationAfterReview/total', '-t4/litigationDirect/pending', '-t4/litigationAfterReview/pending'),
    );
    expect(variant(litigation, 'G3', 'TOTAL').denominator).toEqual(terms('t4/litigationDirect/total', 't4/litigationAfterReview/total'));
    const other = metricOf('otherRate');
    expect(variant(other, 'G2', 'TOTAL')).toMatchObject({ numerator: terms('t3/other/total'), formula: 't3/other/total ÷ t3/resultsTotal/total' });
    expect(variant(other, 'G3', 'TOTAL').numerator).toEqual(terms('t3/other.noCorrection/total', 't3/other.noFee/total', 't3/other.other/total'));
    expect(metricOf('reportCompleteness')).toMatchObject({ numerator: [], denominator: null, variants: [], isRate: true, unit: 'ratio', nullWhen: 'never null' });
  });

  it('names each figure as analysts do, and each cell by the template\'s own row and column labels', () => {
    expect(['applicationsReceived', 'completionRate', 'disclosureRate', 'fullDisclosureRate', 'denialRate'].map((key) => metricOf(key).nameZh)).toEqual([
      '本年新收申请数',
      '办结率',
      '公开率',
      '予以公开率',
      '不予公开率',
    ]);
    expect(metricOf('t3/new/total').nameZh).toBe('一、本年新收政府信息公开申请数量：总计');
    expect(metricOf('t4/review/corrected').nameZh).toBe('行政复议：结果纠正');
    expect(metricOf('t2/regulations/issued').nameZh).toBe('规章：本年制发件数');
    expect(metricOf('t3/unable.notHeld/naturalPerson').nameZh).toBe('（四）无法提供 1.本机关不掌握相关政府信息：自然人');
    expect(metricOf('t3/other/total').nameZh).toBe('（六）其他处理：总计');
    expect(metricOf('t2/otherServices/previousItems')).toMatchObject({ nameZh: '其他对外管理服务事项：上一年项目数量', generations: ['G2'] });
    // Every cell's name holds its row's and its column's label, as the generation that has it prints them.
    for (const generation of ['G3', 'G2'] as const) {
      for (const table of tablesOf(generation)) {
        for (const row of table.rows) {
          for (const column of table.columns.filter((c) => (row.columns ?? table.columns.map((x) => x.code)).includes(c.code))) {
            const metric = metricOf(`${table.code}/${row.code}/${column.code}`);
            // Where the other generation prints other labels, a caveat gives them.
            const named = metric.generations[0] === generation ? metric.nameZh : `${metric.nameZh} ${metric.caveats.join(' ')}`;
            expect(named, metric.key).toContain(`${row.label}：${column.label}`);
            expect(metric.description).toContain(`\`${row.code}\``);
          }
        }
      }
    }
  });

  it('gives units: 件 for counts, 万元 for the t2 fee amount, ratio for rates', () => {
    expect(metricOf('t2/fees/amount').unit).toBe('万元');
    expect(metricOf('t3/new/total').unit).toBe('件');
    expect(metricOf('t2/licensing/change').unit).toBe('件');
    expect(metricOf('t2/procurement/procurementAmount').unit).toBe('未注明');
    expect(metricOf('applicationsReceived')).toMatchObject({ unit: '件', isRate: false });
    expect(metricOf('disputeRate')).toMatchObject({ unit: 'ratio', isRate: true });
  });

  it('gives the generations that have a cell, and caveats a reader needs', () => {
    expect(metricOf('t3/new/total').generations).toEqual(['G3', 'G2']);
    expect(metricOf('t3/other/total').generations).toEqual(['G2']);
    expect(metricOf('t3/other.noFee/total').generations).toEqual(['G3']);
    expect(metricOf('t2/fees/amount').generations).toEqual(['G3']);
    expect(metricOf('completionRate').generations).toEqual(['G3', 'G2']);
    expect(metricOf('t3/new/total').nullWhen).toMatch(/^null, never 0, when the report leaves the cell BLANK, marks it NA .* or it is MISSING/);
    expect(metricOf('disputeRate').caveats.join(' ')).toContain('may exceed 1');
    expect(metricOf('reviewCorrectionRate').caveats.join(' ')).toContain('Depends on the basis argument');
    expect(metricOf('completionRate').caveats.join(' ')).not.toContain('basis');
    expect(metricOf('otherRate').caveats.join(' ')).toContain('On G2 (2019 template) reports it is t3/other/total ÷ t3/resultsTotal/total');
    expect(metricOf('t3/other/total').caveats).toContain('G3 reports print this row as 3 rows: t3/other.noCorrection/total + t3/other.noFee/total + t3/other.other/total.');
    expect(metricOf('t2/licensing/decisions').caveats).toEqual(['G2 (2019 template) reports print it as 行政许可：处理决定数量.']);
    expect(metricOf('reportCompleteness').caveats.join(' ')).toContain('counts the six parts found and the template cells');
  });
});

describe('the dictionary version', () => {
  it('is a 12-digit hash of the content, the same however often it is computed', () => {
    expect(METRICS_VERSION).toMatch(/^[0-9a-f]{12}$/);
    expect(dictionaryVersion(structuredClone(METRICS) as Metric[])).toBe(METRICS_VERSION);
  });

  it('changes when any definition changes: a coefficient, a unit, a caveat, a name', () => {
    const changed = (change: (metrics: Metric[]) => void) => {
      const copy = structuredClone(METRICS) as Metric[];
      change(copy);
      return dictionaryVersion(copy);
    };
    const versions = [
      changed((m) => (m[2]!.denominator![1]!.coefficient = -1)),
      changed((m) => (m.find((x) => x.key === 't2/fees/amount')!.unit = '件')),
      changed((m) => m[0]!.caveats.push('another caveat')),
      changed((m) => (m.at(-1)!.nameZh += ' ')),
    ];
    expect(versions.every((version) => version !== METRICS_VERSION)).toBe(true);
    expect(new Set(versions).size).toBe(versions.length);
  });
});

describe('a measure that is not one, and the nearest keys', () => {
  it('edit distance: insertions, deletions, substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('completionRate', 'completionRate')).toBe(0);
  });

  it('names the value and up to three nearest keys, nearest first', () => {
    expect(unknownMeasureMessage('complitionRate')).toMatch(/^"complitionRate" is not a figure name \(completionRate\) or a template cell address \(t3\/new\/total\); nearest: completionRate, /);
    expect(nearestKeys('t3/new/totl', ['t3/new/total', 't3/carriedOver/total', 'completionRate', 't3/new/research'])).toEqual(['t3/new/total', 't3/new/research', 't3/carriedOver/total']);
    expect(unknownMeasureMessage('t4/review/corected').split('nearest: ')[1]!.split(', ')[0]).toBe('t4/review/corrected');
    expect(unknownMeasureMessage('x').split('nearest: ')[1]!.split(', ')).toHaveLength(3);
  });

  it('refuses a text longer than any key without comparing it', () => {
    expect(unknownMeasureMessage('x'.repeat(MAX_MEASURE_LENGTH + 1))).toBe('a measure is at most 100 characters, got 101');
  });
});

describe('trend points', () => {
  it('cover the years asked in their order, else every report year oldest first; a year without a report says so', () => {
    expect(trendYears(undefined, [2024, 2022, 2023])).toEqual([2022, 2023, 2024]);
    expect(trendYears([2024, 2021], [2024, 2022])).toEqual([2024, 2021]);
    expect(trendPoint(2021, undefined)).toEqual({ year: 2021, value: null, reason: 'no report for 2021' });
    expect(trendPoint(2022, { value: null, reason: 't3/new/total is BLANK' })).toEqual({ year: 2022, value: null, reason: 't3/new/total is BLANK' });
  });
});
