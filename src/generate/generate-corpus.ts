import { stringify } from 'csv-stringify/sync';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { CellRecord } from '../services/cell-export.service';
import { AGENCY_CSV_COLUMNS } from '../services/agency-import.service';
import { csvOptions } from '../services/csv-output';
import { cellAddress, templateCells } from '../template/tables.template';
import { T3_TEMPLATE } from '../template/t3.template';
import { corpusAgencies } from './corpus-agencies';
import { renderReport, type Damage } from './render-report';
import { reportValues, type ReportValues } from './report-values';
import { SeededRandom } from './seeded-random';

export interface CorpusOptions {
  agencies: number;
  fromYear: number;
  toYear: number;
  seed: number;
  /** Share of reports given one or more kinds of the samples' damage. */
  damageRate: number;
  /** Write truth.ndjson (one record per cell, in the export's format). */
  truth: boolean;
}

export interface CorpusSummary {
  reports: number;
  damaged: number;
  lostCells: number;
}

const ADDRESSES = templateCells();

/** Writes `<year>/<n>.txt` report files, `agencies.csv` (for `nianbao agencies import`) and `truth.ndjson` into `dir`. */
export async function generateCorpus(dir: string, options: CorpusOptions): Promise<CorpusSummary> {
  const random = new SeededRandom(options.seed);
  const agencies = corpusAgencies(options.agencies, random);
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'agencies.csv'),
    stringify(agencies.map((a) => ({ name: a.name, fullName: '', shortName: '', region: a.region, level: a.level, parent: a.parent ?? '' })), csvOptions([...AGENCY_CSV_COLUMNS])),
  );
  const truth = options.truth ? createWriteStream(join(dir, 'truth.ndjson')) : undefined;
  const summary: CorpusSummary = { reports: 0, damaged: 0, lostCells: 0 };
  for (let year = options.fromYear; year <= options.toYear; year += 1) await mkdir(join(dir, String(year)), { recursive: true });
  for (const [index, agency] of agencies.entries()) {
    let previous: ReportValues | undefined;
    for (let year = options.fromYear; year <= options.toYear; year += 1) {
      const values = reportValues(agency, previous, random);
      const damage = drawDamage(random, options.damageRate);
      const rendered = renderReport(agency.name, year, values, damage, random);
      await writeFile(join(dir, String(year), `${String(index + 1).padStart(6, '0')}.txt`), rendered.text);
      summary.reports += 1;
      if (Object.values(damage).some((d) => d !== false && d !== null)) summary.damaged += 1;
      if (damage.lostCellRow) summary.lostCells += 1;
      if (truth) {
        for (const address of ADDRESSES) {
          const key = cellAddress(address);
          const value = values.cells.get(key)!;
          const record: CellRecord = {
            reportId: summary.reports,
            agency: agency.name,
            year,
            ...address,
            address: key,
            value,
            raw: key === 't2/fees/amount' ? values.feeText : String(value),
            status: value === 0 ? 'ZERO' : 'NUMBER',
            inferred: false,
            rule: null,
            line: rendered.lines.get(key)!,
          };
          if (!truth.write(`${JSON.stringify(record)}\n`)) await once(truth, 'drain');
        }
      }
      previous = values;
    }
  }
  if (truth) {
    truth.end();
    await once(truth, 'finish');
  }
  return summary;
}

function drawDamage(random: SeededRandom, rate: number): Damage {
  const damaged = random.chance(rate);
  return {
    brokenHeader: damaged && random.chance(0.5),
    lostLeadingTabs: damaged && random.chance(0.5),
    labelVariants: damaged && random.chance(0.5),
    lostCellRow: damaged && random.chance(0.4) ? random.pick(T3_TEMPLATE.rows).code : null,
    twoLineTitle: random.chance(0.3),
  };
}
