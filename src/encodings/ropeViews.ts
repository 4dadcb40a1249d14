// RoPE's context-extension views (issue #15 item 4), sent by the rope scheme's staticViews hook. All float64 on the
// CPU from the frequency rule (rope/registry.ts); each matrix also carries its exact CSV (Matrix.csv):
//   rope-frequencies  [n/2, 6]  pair, θ_i, θ′_i, 2π/θ_i, 2π/θ′_i, region code (FREQUENCY_REGIONS index); its CSV
//                               is frequenciesCsv's, with the region names
//   rope-wavelengths  [n/2, 3]  λ_i = 2π/θ_i, λ′_i = 2π/θ′_i, and turns L/λ_i within the original context L;
//                               pairs with L/λ_i < 1 never completed a turn in training
//   rope-qk-offset    [2, P]    q·k(Δ) = a²·Σ_i 2cos(Δ·θ_i) for q = k = the all-ones vector of the n rotated
//                               dimensions (each pair (1, 1) turned by Δθ_i gives 2cos(Δθ_i)): row 0 the unscaled
//                               rule (θ_i, a = 1), row 1 the chosen rule (θ′_i and its attention factor a), at
//                               offsets Δ = 0…N−1 (every offset up to MAX_OFFSETS, an even stride past it)
//   rope-angles       [n/2, 3]  the largest angle (L−1)·θ_i pair i reached in training, the angle (N−1)·θ′_i it
//                               reaches at the table's last position N−1, and their ratio
// cos(Δθ) is taken of the angle reduced exactly as the tables are (numerics/cosSums.ts), so it holds at offsets
// where Δ·θ in float64 has lost its fractional turns.
import { FREQUENCY_REGIONS, ropeWidth } from '../protocol/rope.ts';
import type { Check } from '../protocol/messages.ts';
import { cosSums } from '../numerics/cosSums.ts';
import { frequenciesCsv, ropeFrequencies, type FrequencyRow } from './rope/frequencies.ts';
import type { ViewContext } from './scheme.ts';
import { msg } from '../protocol/msg.ts';

/** Offsets sent in the q·k view at most (a line plot has fewer pixels). */
export const MAX_OFFSETS = 8192;

/** Offsets 0…N−1, or MAX_OFFSETS of them evenly spaced (first and last included) when N is larger. */
export function offsetsFor(N: number): number[] {
  if (N <= MAX_OFFSETS) return Array.from({ length: N }, (_, i) => i);
  return Array.from({ length: MAX_OFFSETS }, (_, i) => Math.round((i * (N - 1)) / (MAX_OFFSETS - 1)));
}

const g = (x: number) => String(x);
const csvOf = (header: string, lines: (string | number)[][]) =>
  [header, ...lines.map((l) => l.map((x) => (typeof x === 'number' ? g(x) : x)).join(','))].join('\n') + '\n';

/** The views' numbers in float64 (tests read these; the views send them as float32 plus the exact CSV). */
export function ropeExtension(ctx: Pick<ViewContext, 'spec' | 'N'>) {
  const { spec, N } = ctx;
  const p = spec.params;
  const { rotaryDim } = ropeWidth(p, spec.d);
  const { rows, attentionFactor: a } = ropeFrequencies(rotaryDim, { ...p, positions: N });
  const L = p.originalContext;
  const offsets = offsetsFor(N);
  const plain = cosSums(
    offsets,
    rows.map((r) => r.invFreq),
  ).map((s) => 2 * s);
  const scaled = cosSums(
    offsets,
    rows.map((r) => r.scaledInvFreq),
  ).map((s) => 2 * a * a * s);
  const angles = rows.map((r) => {
    const trained = (L - 1) * r.invFreq;
    const extended = (N - 1) * r.scaledInvFreq;
    return { trained, extended, ratio: trained > 0 ? extended / trained : NaN };
  });
  return { rows, a, L, offsets, plain, scaled, angles };
}

const pairLabels = (rows: FrequencyRow[]) => rows.map((r) => `pair ${r.pair}`);

export async function ropeContextViews(ctx: ViewContext): Promise<Check[]> {
  const { rows, a, L, offsets, plain, scaled, angles } = ropeExtension(ctx);
  const n = rows.length;
  const rowLabels = pairLabels(rows);
  const cols = ['pair', 'inv_freq', 'scaled_inv_freq', 'wavelength', 'scaled_wavelength', 'region'];
  await ctx.emit({
    name: 'rope-frequencies',
    shape: [n, 6],
    data: Float32Array.from(
      rows.flatMap((r) => [
        r.pair,
        r.invFreq,
        r.scaledInvFreq,
        r.wavelength,
        r.scaledWavelength,
        FREQUENCY_REGIONS.indexOf(r.region),
      ]),
    ),
    rowLabels,
    colLabels: cols,
    note: msg('note.attentionFactor', { a }),
    csv: frequenciesCsv(rows),
  });
  const short = rows.filter((r) => r.wavelength > L);
  const turns = rows.map((r) => L / r.wavelength);
  await ctx.emit({
    name: 'rope-wavelengths',
    shape: [n, 3],
    data: Float32Array.from(rows.flatMap((r, i) => [r.wavelength, r.scaledWavelength, turns[i]])),
    rowLabels,
    colLabels: ['wavelength', 'scaled_wavelength', 'turns_in_original_context'],
    note: short.length
      ? msg('note.shortPairs', { first: short[0].pair, last: n - 1, n: short.length, L })
      : msg('note.everyPair', { L }),
    mark: { x: L, label: msg('note.originalMark', { L }) },
    csv: csvOf(
      'pair,wavelength,scaled_wavelength,turns_in_original_context',
      rows.map((r, i) => [r.pair, r.wavelength, r.scaledWavelength, turns[i]]),
    ),
  });
  const P = offsets.length;
  await ctx.emit({
    name: 'rope-qk-offset',
    shape: [2, P],
    data: Float32Array.from([...plain, ...scaled]),
    rowLabels: ['unscaled', 'scaled'],
    colLabels: offsets.map(g),
    note:
      P < ctx.N
        ? msg('note.qkOffsets', { n: 2 * n, a2: a * a, P, N: ctx.N })
        : msg('note.qk', { n: 2 * n, a2: a * a }),
    csv: csvOf(
      'offset,unscaled,scaled',
      offsets.map((o, k) => [o, plain[k], scaled[k]]),
    ),
  });
  await ctx.emit({
    name: 'rope-angles',
    shape: [n, 3],
    data: Float32Array.from(angles.flatMap((x) => [x.trained, x.extended, x.ratio])),
    rowLabels,
    colLabels: ['max_angle_in_training', 'angle_at_extended_context', 'ratio'],
    note: msg('note.angles', { last: L - 1, extendedLast: ctx.N - 1 }),
    csv: csvOf(
      'pair,max_angle_in_training,angle_at_extended_context,ratio',
      angles.map((x, i) => [i, x.trained, x.extended, x.ratio]),
    ),
  });
  return [];
}
