// Types for stats.mjs (the runner is plain Node ESM; this lets the TypeScript tests and pages import it).
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}
export function quantile(samples: readonly number[], p: number): number;
export function summarise(samples: readonly number[]): Summary;
export function ratio(a: Summary, b: Summary): number;
export function fmt(v: number | null | undefined): string;
