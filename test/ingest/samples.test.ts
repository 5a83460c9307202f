import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Report } from '../../src/entities/report.entity';
import { Section } from '../../src/entities/section.entity';
import type { CellRecord } from '../../src/services/cell-export.service';
import { templateCells, cellAddress } from '../../src/template/tables.template';
import { expectation, expectedValue, SAMPLE_FILES, SEEDS } from '../helpers/fixtures';
import { ndjson, runCli } from '../helpers/run-cli';
import { cliDatabase, type CliDatabase } from '../helpers/test-databases';

describe('the five sample reports, through `nianbao ingest` and `nianbao export`', () => {
  let database: CliDatabase;
  let records: CellRecord[];
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await cliDatabase();
    const ingest = runCli(['ingest', SEEDS, ...database.args], database.env);
    expect(ingest.stderr).toBe('');
    expect(ingest.status).toBe(0);
    expect(ingest.stdout).toContain('5 file(s): 5 stored, 0 replaced, 0 unchanged, 0 kept, 0 refused');
    const exported = runCli(['export', '--format', 'ndjson', ...database.args], database.env);
    expect(exported.status).toBe(0);
    records = ndjson<CellRecord>(exported.stdout);
    dataSource = await database.open();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.cleanup();
  });

  it.each(SAMPLE_FILES)('%s: every t2/t3/t4 cell as a person read it', (sample) => {
    const expected = expectation(sample);
    const cells = records.filter((r) => r.agency === expected.agency && r.year === expected.year);
    const byAddress = new Map(cells.map((c) => [c.address, c]));
    expect(cells).toHaveLength(templateCells().length);
    for (const address of templateCells().map(cellAddress)) {
      expect(byAddress.get(address)?.value, address).toBe(expectedValue(expected, address));
    }
  });

  it.each(SAMPLE_FILES)('%s: agency, year, generation, parts and publication date', async (sample) => {
    const expected = expectation(sample);
    const report = await dataSource.getRepository(Report).findOneOrFail({ where: { agency: { name: expected.agency }, year: expected.year } });
    expect(report.generation).toBe(expected.generation);
    const topLevel = (await dataSource.getRepository(Section).findBy({ reportId: report.id })).filter((s) => s.parentCode === null);
    expect(topLevel).toHaveLength(expected.parts);
    expect(topLevel.map((s) => s.code)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(report.publishedAt).toBe(expected.publishedAt ?? null);
  });

  it('keeps the raw text and source line of every cell, and all digits of the fee', () => {
    const fee = records.find((r) => r.agency === '驻马店经济开发区管委会' && r.address === 't2/fees/amount');
    expect(fee).toMatchObject({ value: 1165.5066, raw: '1165.5066', status: 'NUMBER', line: 42, inferred: false });
    const granted = records.find((r) => r.agency === '经济技术开发区管理办公室' && r.address === 't3/granted/naturalPerson');
    expect(granted).toMatchObject({ value: 1, raw: '1', status: 'NUMBER', line: 57 });
  });

  it('flags the row of sample 002 that lost a cell, inferring it only through an identity', async () => {
    const expected = expectation('002_53b226deba812150.txt');
    const damagedRow = expected.damaged[0]!.row;
    const row = records.filter((r) => r.agency === expected.agency && `${r.table}/${r.row}` === damagedRow);
    expect(row).toHaveLength(7);
    expect(row.every((c) => c.inferred && c.rule?.startsWith('t3.') && c.value === 0)).toBe(true);
    const undamaged = records.filter((r) => r.agency === expected.agency && `${r.table}/${r.row}` !== damagedRow);
    expect(undamaged.some((c) => c.inferred)).toBe(false);
    const report = await dataSource.getRepository(Report).findOneOrFail({ where: { agency: { name: expected.agency } } });
    expect(report.warnings).toEqual([
      expect.objectContaining({ code: 'LOST_CELL', line: 68, address: 't3/unable.notHeld', message: expect.stringContaining('6 values for 7 cells') }),
    ]);
  });
});
