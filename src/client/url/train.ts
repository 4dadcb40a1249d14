// The Training panel's settings as `train.*` URL keys, so a link reproduces a training setup. Each key is checked
// against the trainer's own limits (protocol/training.ts TRAIN_LIMITS) and written only when it differs from
// DEFAULT_TRAIN_CONFIG. Limits that join two keys (d into heads of even width, k below the context) are the
// panel's to show (configProblem), as it does for typed values.
import {
  DEFAULT_TRAIN_CONFIG,
  POSITION_SCHEMES,
  TASKS,
  TRAIN_LIMITS,
  type TrainConfig,
} from '../../protocol/training.ts';
import type { ViewState } from './state.ts';
import { choiceCodec, intCodec, type AnyUrlKey, type Parsed, type UrlKey } from './key.ts';
import { message } from '../../i18n/t.ts';

export { DEFAULT_TRAIN_CONFIG, type TrainConfig };

export const TRAIN_BACKENDS = [
  'auto',
  'webgpu',
  'webgl',
  'wasm',
  'cpu',
] as const satisfies readonly TrainConfig['backend'][];

/** Largest snapshot interval accepted from a link (the most steps a run can have). */
const SNAPSHOT_MAX = TRAIN_LIMITS.steps[1];
const SEED_MAX = 2 ** 31 - 1;

type Codec<T> = { parse(raw: string): Parsed<T>; format(x: T): string };

function trainKey<F extends keyof TrainConfig>(
  name: string,
  field: F,
  codec: Codec<TrainConfig[F]>,
): UrlKey<TrainConfig[F]> {
  return {
    name: `train.${name}`,
    get: (v: ViewState) => v.train[field],
    set: (v: ViewState, x) => ({ ...v, train: { ...v.train, [field]: x } }),
    ...codec,
  };
}

const limited = (field: keyof typeof TRAIN_LIMITS) =>
  trainKey(field, field, intCodec(TRAIN_LIMITS[field][0], TRAIN_LIMITS[field][1]));

export const TRAIN_KEYS: AnyUrlKey[] = [
  trainKey('task', 'task', choiceCodec(TASKS)),
  limited('k'),
  {
    ...trainKey('schemes', 'schemes', {
      parse: (raw) => {
        const names = raw.split(',');
        const known = names.every((s) => (POSITION_SCHEMES as readonly string[]).includes(s));
        return known && new Set(names).size === names.length
          ? { value: POSITION_SCHEMES.filter((s) => names.includes(s)) }
          : { why: message('url.names', { list: POSITION_SCHEMES.join(', ') }) };
      },
      format: (x) => x.join(','),
    }),
    show: (x: string[]) => JSON.stringify(x.join(',')),
  },
  limited('d'),
  limited('heads'),
  limited('layers'),
  limited('context'),
  limited('batch'),
  trainKey('lr', 'lr', {
    parse: (raw) => {
      const n = Number(raw);
      return raw.trim() !== '' && n > 0 && n < 1 ? { value: n } : { why: message('url.between01') };
    },
    format: String,
  }),
  limited('steps'),
  trainKey('snapshot', 'snapshotEvery', intCodec(1, SNAPSHOT_MAX)),
  trainKey('seed', 'seed', intCodec(-SEED_MAX, SEED_MAX)),
  trainKey('backend', 'backend', choiceCodec(TRAIN_BACKENDS)),
];
