/** What a test asks of Report.benchmark, and the answer's shape. */
export interface BenchmarkAnswer {
  measure: string;
  peers: string;
  value: number | null;
  peerCount: number | null;
  rank: number | null;
  percentileRank: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  reason: string | null;
}

export const BENCHMARK_FIELDS = 'measure peers value peerCount rank percentileRank p25 median p75 reason';
