// Colour scales. Signed data uses a diverging map centred on 0 (ColorBrewer RdBu, colour-blind safe):
// negative blue, zero white, positive red. Lookups go through a 256-entry table packed as RGBA words.
import { interpolateCividis, interpolateRdBu, interpolateViridis, rgb } from 'd3';

export const LUT_SIZE = 256;

export function diverging(t: number): string {
  return interpolateRdBu(1 - t);
}

/** 256 colours packed little-endian as 0xAABBGGRR, ready to write into an ImageData's Uint32 view. */
export function packedLut(interp: (t: number) => string = diverging): Uint32Array {
  const lut = new Uint32Array(LUT_SIZE);
  for (let i = 0; i < LUT_SIZE; i++) {
    const c = rgb(interp(i / (LUT_SIZE - 1)));
    lut[i] = (255 << 24) | (Math.round(c.b) << 16) | (Math.round(c.g) << 8) | Math.round(c.r);
  }
  return lut;
}

/** Symmetric domain [−m, m] covering every finite value (m ≥ 1e-12 so that all-zero data still maps). */
export function symmetricDomain(...arrays: Float32Array[]): [number, number] {
  let m = 0;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = Math.abs(a[i]);
      if (v > m && Number.isFinite(v)) m = v;
    }
  }
  m = Math.max(m, 1e-12);
  return [-m, m];
}

export type ColorKind = 'diverging' | 'sequential';

export const LUTS: Record<ColorKind, Uint32Array> = {
  diverging: packedLut(diverging),
  sequential: packedLut(interpolateViridis),
};

/**
 * The user's colour-map choice. 'auto' (the default) draws signed data with the diverging RdBu map centred on 0
 * and non-negative data (attention weights, bucket indices) with viridis; the others use one map for everything.
 * All four are colour-blind safe (RdBu is ColorBrewer's CVD-safe diverging scheme; viridis and cividis are
 * perceptually uniform, cividis tuned for deuteranopia).
 */
export const COLORMAPS = ['auto', 'viridis', 'cividis', 'rdbu'] as const;
export type Colormap = (typeof COLORMAPS)[number];

const CIVIDIS = packedLut(interpolateCividis);

/** The lookup table for data of `kind` under the user's `colormap`. */
export function lutFor(kind: ColorKind, colormap: Colormap = 'auto'): Uint32Array {
  switch (colormap) {
    case 'auto':
      return LUTS[kind];
    case 'viridis':
      return LUTS.sequential;
    case 'cividis':
      return CIVIDIS;
    case 'rdbu':
      return LUTS.diverging;
  }
}

/** Words for the ends (and middle) of a map, for text alternatives (string keys: i18n/en.ts colour.*). */
export function colourWords(
  kind: ColorKind,
  colormap: Colormap = 'auto',
): [
  'colour.blue' | 'colour.darkBlue' | 'colour.darkPurple',
  'colour.white' | 'colour.grey' | 'colour.green',
  'colour.red' | 'colour.yellow',
] {
  const lut = lutFor(kind, colormap);
  if (lut === LUTS.diverging) return ['colour.blue', 'colour.white', 'colour.red'];
  if (lut === CIVIDIS) return ['colour.darkBlue', 'colour.grey', 'colour.yellow'];
  return ['colour.darkPurple', 'colour.green', 'colour.yellow'];
}

/** [min, max] of the finite values (for sequential data such as attention weights or bucket indices). */
export function extentOf(a: Float32Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (!Number.isFinite(v)) continue; // ±∞ would squash every finite value into one colour
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return [0, 1];
  return lo === hi ? [lo, lo + 1] : [lo, hi];
}

const keptDomains: Record<ColorKind, WeakMap<Float32Array, [number, number]>> = {
  diverging: new WeakMap(),
  sequential: new WeakMap(),
};

/**
 * A matrix's own colour domain (symmetric about 0 for diverging data, the extent for sequential), computed once per
 * data array: a panel whose matrix did not change keeps the same domain object, so it is not redrawn.
 */
export function domainOf(data: Float32Array, colors: ColorKind = 'diverging'): [number, number] {
  const kept = keptDomains[colors];
  let domain = kept.get(data);
  if (!domain) kept.set(data, (domain = colors === 'sequential' ? extentOf(data) : symmetricDomain(data)));
  return domain;
}
