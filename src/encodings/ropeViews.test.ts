// RoPE's context-extension views against float64 numpy values of the published formulas (YaRN as HF's
// _compute_yarn_parameters; the reference script is quoted per test), and the messages they send.
import { describe, expect, test } from 'vitest';
import { DEFAULT_SPEC, type RunSpec } from '../protocol/specs.ts';
import type { Matrix } from '../protocol/messages.ts';
import { FREQUENCY_REGIONS } from '../protocol/rope.ts';
import { cosSums } from '../numerics/cosSums.ts';
import { offsetsFor, ropeContextViews, ropeExtension, MAX_OFFSETS } from './ropeViews.ts';
import { baseInvFreq } from './rope/rule.ts';
import { msg } from '../protocol/msg.ts';

// YaRN, head_dim 128 inside d = 256, base 10000, factor 4, original 4096, table 8192 positions.
const yarn: RunSpec = {
  ...DEFAULT_SPEC,
  pe: 'rope',
  d: 256,
  params: {
    ...DEFAULT_SPEC.params,
    positions: 8192,
    headDim: 128,
    ropeType: 'yarn',
    factor: 4,
    originalContext: 4096,
  },
};

const close = (got: number, want: number, tol: number) =>
  expect(Math.abs(got - want), `${got} vs ${want}`).toBeLessThanOrEqual(tol);

async function sent(spec: RunSpec): Promise<Map<string, Matrix>> {
  const out = new Map<string, Matrix>();
  await ropeContextViews({
    spec,
    N: spec.params.positions,
    T: 0,
    tokenLabels: [],
    read: () => Promise.reject(new Error('no tensors here')),
    emit: async (m) => void out.set(m.name, { ...m, title: m.title ?? m.name }),
  });
  return out;
}

describe('RoPE context-extension numbers', () => {
  test('q·k of q = k = ones against offset equals numpy’s 2·Σcos(Δθ_i), scaled by a² = (0.1·ln 4 + 1)² for YaRN', () => {
    // python3 scripts/reference/rope_views.py: f = 1/10000**(arange(0,128,2)/128); ramp from low 20, high 46;
    // qk(Δ) = 2*cos(Δ*f).sum(), scaled 2*a*a*cos(Δ*fs).sum(), a = 0.1*log(4)+1 = 1.138629436111989
    const want: Array<[number, number, number]> = [
      [0, 128.0, 165.9490550759304],
      [1, 124.18736761153525, 161.00861369591613],
      [100, 61.086909402981306, 87.66619065023667],
      [4095, -8.504783619806615, 32.46342437037775],
      [8191, -1.6733818665270985, 14.47956508502817],
    ];
    const x = ropeExtension({ spec: yarn, N: 8192 });
    close(x.a, 1.138629436111989, 1e-15);
    for (const [delta, plain, scaled] of want) {
      close(x.plain[delta], plain, 1e-9);
      close(x.scaled[delta], scaled, 1e-9);
    }
  });

  test('angles: (L−1)·θ_i in training against (N−1)·θ′_i at the table’s end, as numpy gives them', () => {
    // same script: (L-1)*f[i], (N-1)*fs[i] for L = 4096, N = 8192
    const want: Array<[number, number, number]> = [
      [0, 4095.0, 8191.0],
      [20, 230.27877266544795, 460.6137794634149],
      [40, 12.949527018389515, 10.958629979185813],
      [63, 0.4728832227303331, 0.23647048091478381],
    ];
    const x = ropeExtension({ spec: yarn, N: 8192 });
    for (const [i, trained, extended] of want) {
      close(x.angles[i].trained, trained, 1e-9 * trained);
      close(x.angles[i].extended, extended, 1e-9 * extended);
      close(x.angles[i].ratio, extended / trained, 1e-12);
    }
  });

  test('exact reduction: the cos sums hold at offsets 2^20 + 3 and 2^30 + 12345, where float32 angles fail', () => {
    // numpy: f = 1/10000**(arange(0,64,2)/64); cos(D*f).sum() for D = 1048579 and 1073754169
    const f = baseInvFreq(64, 10000);
    const [a, b] = cosSums([2 ** 20 + 3, 2 ** 30 + 12345], f);
    close(a, -6.742818042278415, 1e-8);
    close(b, 3.912596329028686, 1e-5); // the reference's own float64 product Δ·θ is off by ~1e-7 rad per pair here
  });

  test('offsets 0, 1, 2, … (stepped by adding C) give the same bits as the product Δ·C at each offset', () => {
    const f = baseInvFreq(128, 500000);
    const run = Array.from({ length: 5000 }, (_, i) => i);
    const stepped = cosSums(run, f);
    const product = cosSums([1, ...run], f).subarray(1); // not consecutive: the product path
    expect(Array.from(stepped)).toEqual(Array.from(product));
  });

  test('offsets: every one up to MAX_OFFSETS, then MAX_OFFSETS evenly spaced with both ends', () => {
    expect(offsetsFor(5)).toEqual([0, 1, 2, 3, 4]);
    const far = offsetsFor(2 ** 20);
    expect(far).toHaveLength(MAX_OFFSETS);
    expect([far[0], far[far.length - 1]]).toEqual([0, 2 ** 20 - 1]);
  });
});

describe('the views the rope scheme sends', () => {
  test('four views; the frequencies CSV has the issue’s header and YaRN’s regions: pairs below 20 kept, 46 on interpolated', async () => {
    const views = await sent(yarn);
    expect([...views.keys()]).toEqual([
      'rope-frequencies',
      'rope-wavelengths',
      'rope-qk-offset',
      'rope-angles',
    ]);
    const m = views.get('rope-frequencies') as Matrix;
    expect(m.shape).toEqual([64, 6]);
    const lines = (m.csv ?? '').trim().split('\n');
    expect(lines[0]).toBe('pair,inv_freq,scaled_inv_freq,wavelength,scaled_wavelength,region');
    expect(lines).toHaveLength(65);
    const regions = lines.slice(1).map((l) => l.split(',')[5]);
    expect(regions.slice(0, 21).every((r) => r === 'kept')).toBe(true); // ramp_i = 0 for i ≤ low = 20
    expect(regions.slice(46).every((r) => r === 'interpolated')).toBe(true); // ramp_i = 1 for i ≥ high = 46
    expect(regions.slice(21, 46).every((r) => r === 'ramped')).toBe(true);
    // the matrix's last column codes the same regions; row 63's scaled θ′ = θ/4 = 10000^(−126/128)/4
    expect(m.data[63 * 6 + 5]).toBe(FREQUENCY_REGIONS.indexOf('interpolated'));
    const row63 = lines[64].split(',').map(Number);
    close(row63[2], 10000 ** (-126 / 128) / 4, 1e-18);
  });

  test('llama3 (θ = 500,000, head_dim 128, 8, 1, 4, 8192): 29 kept, 29 divided by 8, 6 smoothed in the CSV', async () => {
    const spec: RunSpec = {
      ...yarn,
      params: {
        ...yarn.params,
        base: 500000,
        ropeType: 'llama3',
        factor: 8,
        lowFreqFactor: 1,
        highFreqFactor: 4,
        originalContext: 8192,
      },
    };
    const csv = (await sent(spec)).get('rope-frequencies')?.csv ?? '';
    const regions = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[5]);
    const count = (r: string) => regions.filter((x) => x === r).length;
    expect([count('kept'), count('interpolated'), count('ramped')]).toEqual([29, 29, 6]);
  });

  test('wavelengths: YaRN’s 18 pairs from 46 on turn less than once in L = 4096; turns = L/λ as numpy gives', async () => {
    // numpy: (2*pi/f > 4096) holds for pairs 46…63 (18 of them); L/(2*pi/f[40]) = 2.0614845277997893
    const m = (await sent(yarn)).get('rope-wavelengths') as Matrix;
    expect(m.note).toEqual(msg('note.shortPairs', { first: 46, last: 63, n: 18, L: 4096 }));
    expect(m.mark).toEqual({ x: 4096, label: msg('note.originalMark', { L: 4096 }) });
    const line40 = (m.csv ?? '').split('\n')[41].split(',').map(Number);
    close(line40[3], 2.0614845277997893, 1e-12);
  });

  test('q·k view: two rows over 8192 offsets, the scaled row starting at a²·128', async () => {
    const m = (await sent(yarn)).get('rope-qk-offset') as Matrix;
    expect(m.shape).toEqual([2, 8192]);
    close(m.data[8192], 165.9490550759304, 1e-4); // float32 of numpy's value
    expect((m.csv ?? '').split('\n')[0]).toBe('offset,unscaled,scaled');
  });
});
