// Timing a benchmark's queries: run one many times, print p50 and p95.

import { note } from "./caseSeed.js";

/** The p-th percentile of the samples (NaN when there are none). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function timed(label: string, run: (i: number) => Promise<unknown>, queries: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < queries; i++) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  const p95 = percentile(samples, 95);
  note(`${label}: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${queries} queries)`);
  return p95;
}
