import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Agency } from '../../src/entities/agency.entity';
import { Report } from '../../src/entities/report.entity';
import { Section } from '../../src/entities/section.entity';
import { TableCell } from '../../src/entities/table-cell.entity';
import { ingestReport } from '../../src/ingest/ingest-report';
import { parseReport } from '../../src/ingest/parse-report';
import { storeReport } from '../../src/ingest/store-report';
import { readFileSync } from 'node:fs';
import { sampleText } from '../helpers/fixtures';
import { VARIANT_2022 } from '../helpers/gateway';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../helpers/test-databases';

const SAMPLE = '004_bf4f29cfa6729ec5.txt';

async function snapshot(dataSource: DataSource) {
  return {
    agencies: await dataSource.getRepository(Agency).find({ order: { id: 'ASC' } }),
    reports: await dataSource.getRepository(Report).find({ order: { id: 'ASC' } }),
    sections: await dataSource.getRepository(Section).find({ order: { id: 'ASC' } }),
    cells: await dataSource.getRepository(TableCell).find({ order: { id: 'ASC' } }),
  };
}

describe.each(DATABASE_KINDS)('storing a report (%s)', (kind) => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    dataSource = database.dataSource;
  });
  afterEach(async () => {
    await database.close();
  });

  it('is idempotent: the same content twice changes nothing', async () => {
    const bytes = Buffer.from(sampleText(SAMPLE));
    const first = await ingestReport(dataSource, { bytes, fileName: 'a.txt' });
    const before = await snapshot(dataSource);
    const second = await ingestReport(dataSource, { bytes, fileName: 'b.txt' });
    expect(first.outcome).toBe('stored');
    expect(second).toMatchObject({ outcome: 'unchanged', reportId: first.reportId });
    expect(await snapshot(dataSource)).toEqual(before);
    expect(before.cells).toHaveLength(200);
    expect(before.sections).toHaveLength(11);
  });

  it('replaces a changed report for the same agency and year, keeping its id', async () => {
    const original = sampleText(SAMPLE);
    const first = await ingestReport(dataSource, { bytes: Buffer.from(original) });
    const changed = original.replace('行政许可\t0\t\t', '行政许可\t37\t\t');
    const second = await ingestReport(dataSource, { bytes: Buffer.from(changed) });
    expect(second).toMatchObject({ outcome: 'replaced', reportId: first.reportId });
    const { reports, cells, sections } = await snapshot(dataSource);
    expect(reports).toHaveLength(1);
    expect(cells).toHaveLength(200);
    expect(sections).toHaveLength(11);
    expect(cells.find((c) => c.row === 'licensing')).toMatchObject({ value: 37, raw: '37', status: 'NUMBER' });
  });

  it('rolls back a store step that fails midway: the earlier report stays whole', async () => {
    await ingestReport(dataSource, { bytes: Buffer.from(sampleText(SAMPLE)) });
    const before = await snapshot(dataSource);
    const changed = parseReport(sampleText(SAMPLE).replace('行政许可\t0\t\t', '行政许可\t5\t\t'));
    // Two cells at one address violate the unique index after the sections and the first cells are written.
    changed.cells.push({ ...changed.cells[0]! });
    await expect(storeReport(dataSource, changed, { contentHash: 'changed', sourceFile: null, sourceFormat: 'TEXT', sourceEncoding: 'utf-8' })).rejects.toThrow(/UNIQUE|duplicate key/);
    expect(await snapshot(dataSource)).toEqual(before);
  });

  it('rolls back a failing first store: no agency, report, section or cell is left', async () => {
    const parsed = parseReport(sampleText(SAMPLE));
    parsed.cells.push({ ...parsed.cells[5]! });
    await expect(storeReport(dataSource, parsed, { contentHash: 'x', sourceFile: null, sourceFormat: 'TEXT', sourceEncoding: 'utf-8' })).rejects.toThrow();
    expect(await snapshot(dataSource)).toEqual({ agencies: [], reports: [], sections: [], cells: [] });
  });

  it('nests the sub-parts of part 一 under it, in reading order', async () => {
    const { reportId } = await ingestReport(dataSource, { bytes: Buffer.from(sampleText(SAMPLE)) });
    const sections = await dataSource.getRepository(Section).find({ where: { reportId }, order: { ordinal: 'ASC' } });
    const part1 = sections.find((s) => s.code === '1')!;
    expect(sections.filter((s) => s.parentCode === part1.code).map((s) => s.code)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
    expect(sections.find((s) => s.code === '1.2')!.text).toBe('2023 年，济源经开区共收到政府信息公开申请 2 件，办结率 100%。');
    expect(sections.find((s) => s.code === '6')!.text).toBe('2023年未收取信息公开处理费用。');
  });

  it('keeps each report\'s failing-check count current, the next year\'s included', async () => {
    const report2022 = await ingestReport(dataSource, { bytes: readFileSync(VARIANT_2022) });
    const count = async (id: number) => (await dataSource.getRepository(Report).findOneByOrFail({ id })).failingChecks;
    expect(await count(report2022.reportId)).toBe(0);
    // A 2021 report whose carried-forward applications disagree with 2022's carried-over ones.
    const disagreeing = sampleText('001_e6ee48d9f5f3b505.txt')
      .replace('(七) 总计\t\t5\t0\t0\t0\t0\t0\t5\t', '(七) 总计\t\t4\t0\t0\t0\t0\t0\t4\t')
      .replace('四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1\t', '四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2\t');
    const report2021 = await ingestReport(dataSource, { bytes: Buffer.from(disagreeing) });
    // 2021: its results no longer add up (resultsSum) and its text says 办结5件; 2022: carried over 1 ≠ 2.
    expect(await count(report2021.reportId)).toBe(4);
    expect(await count(report2022.reportId)).toBe(2);
    await ingestReport(dataSource, { bytes: Buffer.from(sampleText('001_e6ee48d9f5f3b505.txt')) });
    expect(await count(report2021.reportId)).toBe(0);
    expect(await count(report2022.reportId)).toBe(0);
  });
});
