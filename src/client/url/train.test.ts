// The train.* URL keys: a training setup survives a link (round trip through the app's own parseHash/toHash), the
// defaults write nothing, and each bad value falls back to its default with a notice naming its key. Expected
// hashes and limits are written out by hand from protocol/training.ts (TRAIN_LIMITS, DEFAULT_TRAIN_CONFIG).
import { describe, expect, test } from 'vitest';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../protocol/training.ts';
import { DEFAULT_VIEW, toHash } from '../urlState.ts';
import { parseShown } from './testParse.ts';

const custom: TrainConfig = {
  task: 'copy',
  k: 5,
  schemes: ['sinusoidal', 'rope', 'alibi'],
  d: 64,
  heads: 4,
  layers: 2,
  context: 32,
  batch: 8,
  lr: 0.003,
  steps: 1200,
  snapshotEvery: 25,
  seed: -7,
  backend: 'cpu',
};

const trainPart = (hash: string) =>
  [...new URLSearchParams(hash.slice(1))]
    .filter(([k]) => k.startsWith('train.'))
    .map(([k, v]) => `${k}=${v}`);

describe('a training setup in the link', () => {
  test('is written as one train.* key per changed setting', () => {
    expect(trainPart(toHash({ ...DEFAULT_VIEW, train: custom }))).toEqual([
      'train.task=copy',
      'train.k=5',
      'train.schemes=sinusoidal,rope,alibi',
      'train.d=64',
      'train.heads=4',
      'train.layers=2',
      'train.context=32',
      'train.batch=8',
      'train.lr=0.003',
      'train.steps=1200',
      'train.snapshot=25',
      'train.seed=-7',
      'train.backend=cpu',
    ]);
  });

  test('parses back to the same settings with no notice', () => {
    const { view, notices } = parseShown(toHash({ ...DEFAULT_VIEW, train: custom }));
    expect(notices).toEqual([]);
    expect(view.train).toEqual(custom);
    expect({ ...view, train: DEFAULT_TRAIN_CONFIG }).toEqual(DEFAULT_VIEW);
  });

  test('train.backend=wasm asks for the wasm backend, with no notice', () => {
    const { view, notices } = parseShown('#train.backend=wasm');
    expect(notices).toEqual([]);
    expect(view.train).toEqual({ ...DEFAULT_TRAIN_CONFIG, backend: 'wasm' });
  });

  test('at the defaults writes no train.* key, and a link without them trains the defaults', () => {
    expect(trainPart(toHash(DEFAULT_VIEW))).toEqual([]);
    expect(parseShown('#text=ab').view.train).toEqual(DEFAULT_TRAIN_CONFIG);
  });

  test('lists schemes in the panel order whatever order the link gives', () => {
    const { view, notices } = parseShown('#train.schemes=none,rope,learned');
    expect(notices).toEqual([]);
    expect(view.train.schemes).toEqual(['learned', 'rope', 'none']);
  });
});

/** Each value is outside what protocol/training.ts allows for its key. */
const BAD: [key: string, value: string, why: string][] = [
  ['train.task', 'sort', 'is not one of reverse, copy, charlm'],
  ['train.k', '0', 'must be an integer from 1 to 64'],
  ['train.k', '65', 'must be an integer from 1 to 64'],
  ['train.schemes', '', 'must be distinct names from learned, sinusoidal, rope, alibi, none'],
  ['train.schemes', 'rope,rope', 'must be distinct names'],
  ['train.schemes', 'learned,xpos', 'must be distinct names'],
  ['train.d', '16', 'must be an integer from 32 to 128'],
  ['train.d', '64.5', 'must be an integer from 32 to 128'],
  ['train.heads', '8', 'must be an integer from 2 to 4'],
  ['train.layers', '3', 'must be an integer from 1 to 2'],
  ['train.context', '257', 'must be an integer from 8 to 256'],
  ['train.batch', '0', 'must be an integer from 1 to 128'],
  ['train.lr', '1', 'must be a number between 0 and 1'],
  ['train.lr', '0', 'must be a number between 0 and 1'],
  ['train.lr', 'NaN', 'must be a number between 0 and 1'],
  ['train.lr', '', 'must be a number between 0 and 1'],
  ['train.steps', '100001', 'must be an integer from 1 to 100000'],
  ['train.snapshot', '0', 'must be an integer from 1 to 100000'],
  ['train.seed', '2147483648', 'must be an integer from -2147483647 to 2147483647'],
  ['train.seed', '1e3', 'must be an integer from -2147483647 to 2147483647'],
  ['train.backend', 'tpu', 'is not one of auto, webgpu, webgl, wasm, cpu'],
];

test.each(BAD)('"%s" = "%s" falls back to the default with a notice naming the key', (key, value, why) => {
  const { view, notices } = parseShown(`#${new URLSearchParams([[key, value]])}`);
  expect(view.train).toEqual(DEFAULT_TRAIN_CONFIG);
  expect(notices).toHaveLength(1);
  expect(notices[0]).toContain(`URL key "${key}" = ${JSON.stringify(value)} ${why}`);
});

test('a bad train.* key leaves the other train.* keys of the link in force', () => {
  const { view, notices } = parseShown('#train.d=999&train.heads=4&train.task=charlm');
  expect(notices).toHaveLength(1);
  expect(view.train).toEqual({ ...DEFAULT_TRAIN_CONFIG, heads: 4, task: 'charlm' });
});

test('an unknown train.* key is ignored with a notice', () => {
  const { view, notices } = parseShown('#train.dropout=0.1');
  expect(notices).toEqual(['Ignored unknown URL key "train.dropout".']);
  expect(view).toEqual(DEFAULT_VIEW);
});
