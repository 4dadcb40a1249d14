// RoPE's width and frequency-rule parameters (issue #15): the types, defaults and checks both threads share.
// The rules themselves live in encodings/rope/ (one file each); this module only says which keys each rule
// reads and refuses combinations Hugging Face's modeling_rope_utils.py warns about or cannot compute.
import { msg, type Msg, type MsgKey } from './msg.ts';

export const ROPE_TYPES = ['default', 'linear', 'ntk', 'dynamic', 'yarn', 'llama3', 'longrope'] as const;
export type RopeType = (typeof ROPE_TYPES)[number];

/** A rotated pair's region in the frequencies table (encodings/rope/frequencies.ts); its index is the code the
 * rope-frequencies matrix carries in its last column. */
export const FREQUENCY_REGIONS = ['kept', 'interpolated', 'ramped'] as const;
export type FrequencyRegion = (typeof FREQUENCY_REGIONS)[number];

export interface RopeParams {
  /** RoPE's width per head (URL head_dim); null: d, the whole model width (the behaviour before #15). */
  headDim: number | null;
  /** Fraction of head_dim that rotates (GPT-NeoX rotary_pct, HF partial_rotary_factor), 0 < … ≤ 1. */
  rotaryPct: number;
  ropeType: RopeType;
  /** Context-extension factor s ≥ 1. */
  factor: number;
  lowFreqFactor: number;
  highFreqFactor: number;
  /** The context the model was trained at (HF original_max_position_embeddings). */
  originalContext: number;
  betaFast: number;
  betaSlow: number;
  /** Multiplier a of the cos and sin tables; null: the rule's own default. */
  attentionFactor: number | null;
  /** longrope: one divisor per rotated pair, used past original_context (long) or within it (short). */
  longFactor: number[];
  shortFactor: number[];
}

export const DEFAULT_ROPE: RopeParams = {
  headDim: null,
  rotaryPct: 1,
  ropeType: 'default',
  factor: 4,
  lowFreqFactor: 1,
  highFreqFactor: 4,
  originalContext: 256,
  betaFast: 32,
  betaSlow: 1,
  attentionFactor: null,
  longFactor: [],
  shortFactor: [],
};

/** URL key of each field (issue #15 names them). */
export const ROPE_URL_KEYS = {
  headDim: 'head_dim',
  rotaryPct: 'rotary_pct',
  ropeType: 'rope_type',
  factor: 'factor',
  lowFreqFactor: 'low_freq_factor',
  highFreqFactor: 'high_freq_factor',
  originalContext: 'original_context',
  betaFast: 'beta_fast',
  betaSlow: 'beta_slow',
  attentionFactor: 'attention_factor',
  longFactor: 'long_factor',
  shortFactor: 'short_factor',
} as const satisfies { [K in keyof RopeParams]: string };
export type RopeField = keyof RopeParams;

/** The fields each rule reads besides base and the width; originalBelowPositions: it needs original_context < positions. */
export const ROPE_RULE_FIELDS: {
  [K in RopeType]: { fields: readonly RopeField[]; originalBelowPositions?: true };
} = {
  default: { fields: [] },
  linear: { fields: ['factor'] },
  ntk: { fields: ['factor'] },
  dynamic: { fields: ['factor', 'originalContext'], originalBelowPositions: true },
  yarn: { fields: ['factor', 'originalContext', 'betaFast', 'betaSlow', 'attentionFactor'] },
  llama3: { fields: ['factor', 'lowFreqFactor', 'highFreqFactor', 'originalContext'] },
  longrope: { fields: ['factor', 'originalContext', 'attentionFactor', 'longFactor', 'shortFactor'] },
};

/** head_dim and the rotated width (HF: int(head_dim · partial_rotary_factor)) for model width d. */
export function ropeWidth(p: RopeParams, d: number): { headDim: number; rotaryDim: number } {
  const headDim = p.headDim ?? d;
  return { headDim, rotaryDim: Math.trunc(headDim * p.rotaryPct) };
}

export interface RopeProblem {
  /** The fields involved, the one to reset first first. */
  fields: RopeField[];
  /** Why, without a final full stop (a URL notice and validateSpec each frame it). */
  message: Msg;
}

const positive = (x: number) => Number.isFinite(x) && x > 0;

/** The first problem with the RoPE parameters at model width d and table length `positions`; null when fine. */
export function validateRope(p: RopeParams, d: number, positions: number): RopeProblem | null {
  const fail = (fields: RopeField[], key: MsgKey, params?: Record<string, string | number>): RopeProblem => ({
    fields,
    message: msg(key, params),
  });
  const { headDim, rotaryDim } = ropeWidth(p, d);
  if (p.headDim !== null && !(Number.isInteger(headDim) && headDim >= 2 && headDim % 2 === 0))
    return fail(['headDim'], 'rope.headDim', { got: headDim });
  if (d % headDim !== 0) return fail(['headDim'], 'rope.headDivides', { d, got: headDim });
  if (!(p.rotaryPct > 0 && p.rotaryPct <= 1))
    return fail(['rotaryPct'], 'rope.rotaryPct', { got: p.rotaryPct });
  if (rotaryDim < 2 || rotaryDim % 2 !== 0)
    return fail(['rotaryPct', 'headDim'], 'rope.rotated', { got: rotaryDim });
  const rule = (ROPE_TYPES as readonly string[]).includes(p.ropeType) ? ROPE_RULE_FIELDS[p.ropeType] : null;
  if (!rule) return fail(['ropeType'], 'rope.type', { got: String(p.ropeType) });
  const t = p.ropeType;
  const uses = (f: RopeField) => rule.fields.includes(f);
  if (uses('factor') && !(Number.isFinite(p.factor) && p.factor >= 1))
    return fail(['factor'], 'rope.factor', { rule: t, got: p.factor });
  if (uses('lowFreqFactor')) {
    if (!positive(p.lowFreqFactor))
      return fail(['lowFreqFactor'], 'rope.lowFreq', { rule: t, got: p.lowFreqFactor });
    if (!(Number.isFinite(p.highFreqFactor) && p.highFreqFactor > p.lowFreqFactor))
      return fail(['highFreqFactor', 'lowFreqFactor'], 'rope.highFreq', {
        rule: t,
        high: p.highFreqFactor,
        low: p.lowFreqFactor,
      });
  }
  if (uses('originalContext')) {
    if (!(Number.isInteger(p.originalContext) && p.originalContext >= 1))
      return fail(['originalContext'], 'rope.original', { rule: t, got: p.originalContext });
    if (rule.originalBelowPositions && p.originalContext >= positions)
      return fail(['originalContext'], 'rope.originalBelow', { rule: t, positions, got: p.originalContext });
  }
  if (uses('betaFast')) {
    if (!positive(p.betaFast) || !positive(p.betaSlow))
      return fail(['betaSlow', 'betaFast'], 'rope.betas', { rule: t });
    if (p.betaFast < p.betaSlow)
      return fail(['betaSlow', 'betaFast'], 'rope.betaOrder', {
        rule: t,
        fast: p.betaFast,
        slow: p.betaSlow,
      });
  }
  if (uses('attentionFactor') && p.attentionFactor !== null && !positive(p.attentionFactor))
    return fail(['attentionFactor'], 'rope.attentionFactor', { rule: t, got: p.attentionFactor });
  for (const f of ['longFactor', 'shortFactor'] as const) {
    if (!uses(f)) continue;
    const list = p[f];
    const key = ROPE_URL_KEYS[f];
    if (list.length !== rotaryDim / 2)
      return fail([f], 'rope.listLength', { rule: t, key, want: rotaryDim / 2, got: list.length });
    if (!list.every(positive)) return fail([f], 'rope.listPositive', { rule: t, key });
  }
  return null;
}
