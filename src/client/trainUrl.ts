// The Training panel's settings in the URL hash, as `train.*` keys, so a link reproduces a training setup.
// Same pattern as urlState.ts (which calls these): each key is parsed, validated against the trainer's own limits
// (protocol/training.ts TRAIN_LIMITS), and written only when it differs from DEFAULT_TRAIN_CONFIG. A bad value
// falls back to the default with a notice naming the key. Limits that join two keys (d into heads of even width,
// k below the context) are the panel's to show (configProblem), as it does for typed values.
import { isOneOf } from '../protocol/specs.ts';
import {
  DEFAULT_TRAIN_CONFIG,
  POSITION_SCHEMES,
  TASKS,
  TRAIN_LIMITS,
  type TrainConfig,
} from '../protocol/training.ts';

export { DEFAULT_TRAIN_CONFIG, type TrainConfig };

export const TRAIN_BACKENDS = [
  'auto',
  'webgpu',
  'webgl',
  'wasm',
  'cpu',
] as const satisfies readonly TrainConfig['backend'][];

/** URL key of each setting. */
const KEY = {
  task: 'train.task',
  k: 'train.k',
  schemes: 'train.schemes',
  d: 'train.d',
  heads: 'train.heads',
  layers: 'train.layers',
  context: 'train.context',
  batch: 'train.batch',
  lr: 'train.lr',
  steps: 'train.steps',
  snapshotEvery: 'train.snapshot',
  seed: 'train.seed',
  backend: 'train.backend',
} as const satisfies { [K in keyof TrainConfig]: string };

export const TRAIN_KEYS = Object.values(KEY);

/** Largest snapshot interval accepted from a link (the most steps a run can have). */
const SNAPSHOT_MAX = TRAIN_LIMITS.steps[1];
const SEED_MAX = 2 ** 31 - 1;

type Bad = (key: string, value: string, why: string, fallback: unknown) => void;

/** The train.* keys of a hash; any other key is left to the caller. */
export function parseTrainKeys(params: URLSearchParams, bad: Bad): TrainConfig {
  const D = DEFAULT_TRAIN_CONFIG;
  const int = (name: keyof typeof KEY, min: number, max: number, fallback: number): number => {
    const v = params.get(KEY[name]);
    if (v === null) return fallback;
    const n = /^-?\d{1,10}$/.test(v.trim()) ? Number(v) : NaN;
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    bad(KEY[name], v, `must be an integer from ${min} to ${max}`, fallback);
    return fallback;
  };
  const limited = (name: keyof typeof TRAIN_LIMITS) =>
    int(name, TRAIN_LIMITS[name][0], TRAIN_LIMITS[name][1], D[name]);
  const choice = <T extends string>(name: keyof typeof KEY, list: readonly T[], fallback: T): T => {
    const v = params.get(KEY[name]);
    if (v === null || isOneOf(list, v)) return v ?? fallback;
    bad(KEY[name], v, `is not one of ${list.join(', ')}`, fallback);
    return fallback;
  };

  let schemes = D.schemes;
  const schemesRaw = params.get(KEY.schemes);
  if (schemesRaw !== null) {
    const list = schemesRaw.split(',');
    if (list.every((s) => isOneOf(POSITION_SCHEMES, s)) && new Set(list).size === list.length)
      schemes = POSITION_SCHEMES.filter((s) => list.includes(s));
    else
      bad(
        KEY.schemes,
        schemesRaw,
        `must be distinct names from ${POSITION_SCHEMES.join(', ')}, comma-separated`,
        schemes.join(','),
      );
  }

  let lr = D.lr;
  const lrRaw = params.get(KEY.lr);
  if (lrRaw !== null) {
    const n = Number(lrRaw);
    if (lrRaw.trim() !== '' && n > 0 && n < 1) lr = n;
    else bad(KEY.lr, lrRaw, 'must be a number between 0 and 1 (both excluded)', lr);
  }

  return {
    task: choice('task', TASKS, D.task),
    k: limited('k'),
    schemes,
    d: limited('d'),
    heads: limited('heads'),
    layers: limited('layers'),
    context: limited('context'),
    batch: limited('batch'),
    lr,
    steps: limited('steps'),
    snapshotEvery: int('snapshotEvery', 1, SNAPSHOT_MAX, D.snapshotEvery),
    seed: int('seed', -SEED_MAX, SEED_MAX, D.seed),
    backend: choice('backend', TRAIN_BACKENDS, D.backend),
  };
}

/** Writes the settings that differ from the defaults (a link without train.* keys trains the defaults). */
export function writeTrainKeys(p: URLSearchParams, c: TrainConfig): void {
  const D = DEFAULT_TRAIN_CONFIG;
  for (const name of Object.keys(KEY) as (keyof TrainConfig)[]) {
    const v = c[name];
    const text = Array.isArray(v) ? v.join(',') : String(v);
    const fallback = D[name];
    if (text !== (Array.isArray(fallback) ? fallback.join(',') : String(fallback))) p.set(KEY[name], text);
  }
}
