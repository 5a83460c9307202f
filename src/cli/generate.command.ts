import { InvalidArgumentError, type Command } from 'commander';
import { positiveInteger } from './option-parsers';
import { generateCorpus } from '../generate/generate-corpus';

interface GenerateOptions {
  agencies: number;
  years: [number, number];
  out: string;
  seed: number;
  damage: number;
  truth: boolean;
}

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description('write a synthetic corpus in the sample reports\' style (with their kinds of damage), agencies.csv and truth.ndjson')
    .requiredOption('--agencies <n>', 'number of agencies', positiveInteger)
    .requiredOption('--years <from-to>', 'report years, e.g. 2021-2023', yearRange)
    .requiredOption('--out <dir>', 'output folder')
    .option('--seed <n>', 'random seed: the same seed writes the same corpus', positiveInteger, 1)
    .option('--damage <rate>', 'share of reports with damage (0–1)', rate, 0.2)
    .option('--no-truth', 'skip truth.ndjson (large corpora)')
    .action(async (options: GenerateOptions) => {
      const summary = await generateCorpus(options.out, {
        agencies: options.agencies,
        fromYear: options.years[0],
        toYear: options.years[1],
        seed: options.seed,
        damageRate: options.damage,
        truth: options.truth,
      });
      process.stdout.write(`${options.out}: ${summary.reports} reports of ${options.agencies} agencies, ${summary.damaged} damaged (${summary.lostCells} with a lost cell)\n`);
    });
}

function yearRange(text: string): [number, number] {
  const match = /^(\d{4})-(\d{4})$/.exec(text);
  if (!match || Number(match[1]) > Number(match[2])) throw new InvalidArgumentError(`"${text}" is not a year range like 2021-2023`);
  return [Number(match[1]), Number(match[2])];
}

function rate(text: string): number {
  const value = Number(text);
  if (!(value >= 0 && value <= 1)) throw new InvalidArgumentError(`"${text}" is not a rate from 0 to 1`);
  return value;
}
