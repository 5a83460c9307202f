import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Report } from '../entities/report.entity';
import type { TableCell } from '../entities/table-cell.entity';
import type { Benchmark } from '../schema/benchmark.type';
import { benchmarkPage, benchmarkRequestKey, type BenchmarkRequest } from '../services/benchmark.service';

export interface BenchmarkKey {
  report: Report;
  request: BenchmarkRequest;
}

/**
 * A page's benchmarks: one statement per distinct (measure, peer group,
 * basis) among the keys of a tick, however many reports ask it.
 */
export function createBenchmarkLoader(db: EntityManager, cells: DataLoader<number, TableCell[]>): DataLoader<BenchmarkKey, Benchmark, string> {
  return new DataLoader<BenchmarkKey, Benchmark, string>(
    async (keys) => {
      const byRequest = new Map<string, BenchmarkKey[]>();
      for (const key of keys) {
        const requestKey = benchmarkRequestKey(key.request);
        byRequest.set(requestKey, [...(byRequest.get(requestKey) ?? []), key]);
      }
      const answers = new Map<BenchmarkKey, Benchmark>();
      await Promise.all(
        [...byRequest.values()].map(async (batch) => {
          const reports = batch.map((key) => key.report);
          const benchmarks = await benchmarkPage(db, batch[0]!.request, reports, (report) => cells.load(report.id));
          batch.forEach((key, i) => answers.set(key, benchmarks[i]!));
        }),
      );
      return keys.map((key) => answers.get(key)!);
    },
    { cacheKeyFn: (key) => `${key.report.id}|${benchmarkRequestKey(key.request)}` },
  );
}
