// The views the worker can send, by name, with the title each panel shows (its accessible name too). Both
// threads, the first-paint plugin and the e2e page objects read this one list: a view name is a type, not a
// string two modules happen to agree on.

export const VIEW_TITLES = {
  // The three foundation matrices [T, d].
  embeddings: 'Token embeddings',
  pe: 'Positional encoding',
  input: 'Input (token + position)',
  // Static views of an additive scheme's table [N, d].
  table: 'Positional encoding table',
  similarity: 'Position similarity',
  profile: 'Offset profile',
  // A trained learned table beside the sinusoid at the same d and N.
  'compare-sin': 'Sinusoidal table (same d)',
  'compare-diff': 'Learned − sinusoidal',
  'compare-sin-similarity': 'Sinusoidal position similarity',
  // Rotary schemes.
  'rope-cos': 'RoPE cos table',
  'rope-sin': 'RoPE sin table',
  'rope-q': 'q before rotation',
  'rope-q-rot': 'q after rotation',
  'rope-k': 'k before rotation',
  'rope-k-rot': 'k after rotation',
  'rope-scores': 'RoPE scores',
  // RoPE context extension (issue #15): the frequency rule against the unscaled frequencies.
  'rope-frequencies': 'RoPE frequencies',
  'rope-wavelengths': 'RoPE wavelengths vs original context',
  'rope-qk-offset': 'RoPE q·k against offset',
  'rope-angles': 'RoPE angles: extended vs training',
  // Bias schemes (per-head bias views are `bias-<h>`, see biasView).
  'alibi-slopes': 'ALiBi slopes',
  't5-buckets': 'T5 buckets',
  // The attention preview.
  'attn-plain': 'Attention without position',
  'attn-with': 'Attention with position',
  'attn-out': 'Attention output',
  // Size and quantisation: round-trip error of the text's token rows [T, d].
  'quant-f16': 'f16 round-trip error',
  'quant-int8': 'int8 round-trip error',
} as const;

export type FixedViewName = keyof typeof VIEW_TITLES;
/** One head's bias matrix [T, T]. */
export type BiasViewName = `bias-${number}`;
export type ViewName = FixedViewName | BiasViewName;

/** The three matrices every run sends first, in this order. */
export const FOUNDATION_VIEWS = ['embeddings', 'pe', 'input'] as const satisfies readonly FixedViewName[];

export function biasView(head: number): BiasViewName {
  return `bias-${head}`;
}

/** The head of a bias view's name, or null for any other view. */
export function biasHead(name: string): number | null {
  const m = /^bias-(\d+)$/.exec(name);
  return m ? Number(m[1]) : null;
}

export function isViewName(name: string): name is ViewName {
  return Object.prototype.hasOwnProperty.call(VIEW_TITLES, name) || biasHead(name) !== null;
}
