// The worker protocol: every message survives structured cloning (what postMessage does), matrices move by
// transfer, and validateSpec explains bad specs by naming the limit.
import { describe, expect, test } from 'vitest';
import { assertNever, slug, transferables, type FromEngine, type ToEngine } from './messages.ts';
import { DEFAULT_SPEC, validateSpec, type RunSpec } from './specs.ts';
import { msg, renderEn } from './msg.ts';

function matrixMessage(): Extract<FromEngine, { type: 'matrix' }> {
  return {
    type: 'matrix',
    runId: 3,
    matrix: {
      name: 'pe',
      title: 'Positional encoding',
      shape: [2, 3],
      data: new Float32Array([0, 1, -0.5, Math.fround(Math.PI), 1e-30, -3.4e38]),
      rowLabels: ['the', '"cat", too'],
    },
  };
}

const fromEngine: FromEngine[] = [
  { type: 'ready', backend: 'webgpu', adapter: 'google swiftshader', fallbacks: [] },
  {
    type: 'ready',
    backend: 'cpu',
    adapter: null,
    fallbacks: [msg('backend.noInit', { name: 'webgpu' }), msg('backend.noInit', { name: 'webgl' })],
  },
  {
    type: 'tokens',
    runId: 1,
    vocabSize: 412,
    total: 2,
    tokens: [
      { text: 'the', id: 2, start: 0, end: 3, byteStart: 0, byteEnd: 3, unknown: false },
      { text: '👩‍👩‍👧', id: 0, start: 4, end: 12, byteStart: 4, byteEnd: 22, unknown: true },
    ],
  },
  matrixMessage(),
  {
    type: 'matrix',
    runId: 4,
    matrix: { name: 'pe', title: 'Empty', shape: [0, 8], data: new Float32Array(0) },
  },
  {
    type: 'matrix',
    runId: 4,
    matrix: {
      name: 'similarity',
      title: 'Position similarity',
      shape: [1, 2],
      data: new Float32Array([1, 0.5]),
      rowLabels: ['0'],
      colLabels: ['0', '1'],
      colors: 'sequential',
      staticKey: '{"pe":"sinusoidal"}',
      note: msg('note.firstOf', { n: 2, total: 512 }),
    },
  },
  {
    type: 'checks',
    runId: 3,
    scheme: 'sinusoidal',
    checks: [
      {
        name: msg('check.norm'),
        value: 1e-6,
        limit: 1e-4,
        pass: true,
        detail: msg('check.normDetail', { half: 32, v: 1e-6 }),
      },
    ],
  },
  { type: 'done', runId: 3, ms: 12.5, numTensors: 7, names: ['embeddings', 'pe', 'input'] },
  { type: 'error', runId: 3, message: msg('bad.d', { min: 2, max: 8192, got: 3 }) },
  { type: 'error', runId: null, message: msg('err.raw', { text: 'worker crashed' }) },
  { type: 'cells', cellId: 2, answer: null },
];

const toEngine: ToEngine[] = [
  { type: 'run', runId: 1, spec: DEFAULT_SPEC, cached: null, views: 'lab' },
  {
    type: 'run',
    runId: 2,
    spec: { ...DEFAULT_SPEC, text: '', tokenizer: 'char', scaleEmbeddings: true },
    cached: '{"pe":"sinusoidal"}',
    views: 'foundation',
  },
  { type: 'compare', cmpId: 1, spec: DEFAULT_SPEC, schemes: ['sinusoidal', 'rope:yarn'] },
  { type: 'cancel', runId: 2 },
  { type: 'cells', cellId: 1, view: 3, name: 'pe', block: { rows: [8, 15], cols: [0, 3] }, at: [9, 2] },
  { type: 'crash' },
];

/** Names every variant, so adding a message type without a case here is a type error. */
function describeMessage(msg: FromEngine): string {
  switch (msg.type) {
    case 'ready':
    case 'tokens':
    case 'matrix':
    case 'checks':
    case 'done':
    case 'error':
    case 'progress':
    case 'checkpoint':
    case 'checkpoint-error':
    case 'projection':
    case 'projection-error':
    case 'neighbours':
    case 'quantised':
    case 'request-error':
    case 'device-lost':
    case 'compare':
    case 'compare-error':
    case 'window':
    case 'window-error':
    case 'cells':
      return msg.type;
    default:
      return assertNever(msg);
  }
}

describe('protocol messages', () => {
  for (const msg of fromEngine) {
    test(`a '${describeMessage(msg)}' message from the engine survives structured cloning unchanged`, () => {
      const copy = structuredClone(msg);
      expect(copy).toEqual(msg);
      expect(copy).not.toBe(msg);
      if (copy.type === 'matrix' && msg.type === 'matrix') {
        expect(copy.matrix.data).toBeInstanceOf(Float32Array);
        expect(Array.from(copy.matrix.data)).toEqual(Array.from(msg.matrix.data));
      }
    });
  }

  for (const msg of toEngine) {
    test(`a '${msg.type}' message to the engine survives structured cloning unchanged`, () => {
      expect(structuredClone(msg)).toEqual(msg);
    });
  }

  test('transferables() of a matrix message is its data buffer, and transferring moves the values', () => {
    const msg = matrixMessage();
    const values = Array.from(msg.matrix.data);
    const list = transferables(msg);
    expect(list).toHaveLength(1);
    expect(list[0]).toBe(msg.matrix.data.buffer);
    const moved = structuredClone(msg, { transfer: list });
    expect(Array.from(moved.matrix.data)).toEqual(values);
    expect(moved.matrix.data).toBeInstanceOf(Float32Array);
    expect(msg.matrix.data.buffer.byteLength).toBe(0); // detached: moved, not copied
  });

  test('transferables() of every other message is empty', () => {
    for (const msg of fromEngine) if (msg.type !== 'matrix') expect(transferables(msg)).toEqual([]);
  });

  test('transferables() of a projection message moves its points, colours, keys and PCs, each once', () => {
    const points = new Float32Array([1, 2, 3, 4, 5, 6]);
    const msg: FromEngine = {
      type: 'projection',
      projId: 3,
      n: 3,
      dims: 2,
      points,
      labels: ['a', 'b', 'c'],
      color: new Float32Array([0, 1, 2]),
      keys: new Int32Array([0, 1, 2]),
      keyKind: 'position',
      iteration: 1,
      total: 1,
      done: true,
      explained: [0.6, 0.3],
      pcs: null,
      pcCount: 0,
      note: [],
    };
    const list = transferables(msg);
    expect(list).toHaveLength(3);
    const moved = structuredClone(msg, { transfer: list });
    expect(moved.type === 'projection' && Array.from(moved.points)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(points.buffer.byteLength).toBe(0);
  });

  test('assertNever throws and names the unexpected message', () => {
    expect(() => assertNever({ type: 'bogus' } as never)).toThrow(/bogus/);
  });

  test.each([
    ['Token embeddings', 'token-embeddings'],
    ['Positional encoding', 'positional-encoding'],
    ['Input (token + position)', 'input-token-position'],
  ])('slug of the panel title %j is %j', (title, expected) => {
    expect(slug(title)).toBe(expected);
  });
});

describe('validateSpec', () => {
  const withD = (d: number): RunSpec => ({ ...DEFAULT_SPEC, d });
  const withBase = (base: number): RunSpec => ({ ...DEFAULT_SPEC, params: { ...DEFAULT_SPEC.params, base } });

  test('the default spec is valid', () => {
    expect(validateSpec(DEFAULT_SPEC)).toBeNull();
  });

  test.each([2, 4, 64, 768, 2048, 4096, 8192])('d_model %d is valid', (d) => {
    expect(validateSpec(withD(d))).toBeNull();
  });

  test.each([3, 63, 2047, 0, -2, Number.NaN, 1e9, 8194, 64.5, Number.POSITIVE_INFINITY])(
    'd_model %d is rejected with a message naming the limit: even, 2 to 8192',
    (d) => {
      expect(validateSpec(withD(d))).toEqual(msg('bad.d', { min: 2, max: 8192, got: d }));
    },
  );

  test('the d_model message reads, in English, as the limit and the value typed', () => {
    const m = validateSpec(withD(7));
    expect(m && renderEn(m)).toBe('d_model must be an even integer from 2 to 8192 (got 7).');
  });

  test.each([1, 0.5, 0, -10000, Number.NaN, Number.POSITIVE_INFINITY])(
    'base %d is rejected with a message saying it must be greater than 1',
    (base) => {
      expect(validateSpec(withBase(base))).toEqual(msg('bad.base', { got: base }));
    },
  );

  test.each([1.0001, 10000, 500000])('base %d is valid', (base) => {
    expect(validateSpec(withBase(base))).toBeNull();
  });
});
