// The tiny decoder-only transformer the Training panel trains, in tfjs-core ops (autodiff gives the gradients).
// GPT-2 layout, pre-LN: x = E[ids] (+ P) → L × [x += Attn(LN₁ x); x += MLP(LN₂ x)] → LN_f → logits = x · W_head.
// Conventions (testReference.ts restates them in plain float64 JS, and the gradient test holds the two together):
//   - weights are [in, out] (GPT-2's Conv1D): y = x · W; no biases in attention, biases in the MLP;
//   - LayerNorm: (x − μ) / √(σ² + 1e-5) · γ + β, σ² the biased variance over d;
//   - GELU, tanh form: ½x(1 + tanh(√(2/π)(x + 0.044715x³)));
//   - causal attention per head of width d_h = d/H, scores q·k/√d_h, key j > query i masked;
//   - position schemes come from the registry (encodings/registry.ts), never a copy here; the scheme's kind says
//     where it enters: additive → its table P [T, d] is added to E (one that `usesTable`, learned, is instead the
//     parameter wpe [L, d], L rows); rotary → q and k of each head are turned by encodings/rotate.ts's rotate()
//     with the scheme's cos|sin table [T, d_h], rotate-half layout (GPT-NeoX); bias → the scheme's bias
//     [H, T, T] is added to the scores (ALiBi: −m_h·|i − j|). Parameters: base 10000, causal, the model's heads;
//     additive tables interleaved (Vaswani et al.). Any scheme added to the registry trains with no edit here.
//   - initial weights N(0, 0.02²) from the app's seeded stream (embeddings/random.ts), one stream per parameter
//     name (residual projections 0.02/√(2·layers)), so a seed gives the same model on every backend.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { normals } from '../numerics/rng.ts';
import { getScheme } from '../encodings/registry.ts';
import { rotate } from '../encodings/rotate.ts';
import type { SchemeKind } from '../encodings/scheme.ts';
import { assertNever } from '../protocol/messages.ts';
import { DEFAULT_SPEC, type EncodingName, type EncodingParams, type Layout } from '../protocol/specs.ts';

export interface ModelConfig {
  /** Any scheme of the registry: its kind decides where positions enter the model. */
  scheme: EncodingName;
  /** Token count, including any special tokens of the task. */
  vocab: number;
  d: number;
  heads: number;
  layers: number;
  /** Training length L: a trainable (learned) table has L rows. */
  context: number;
  seed: number;
}

export const LN_EPS = 1e-5;
export const ROPE_BASE = 10000;
export const MASKED = -1e9;
/** RoPE pairs (i, i + d_h/2), as GPT-NeoX and Hugging Face Llama; additive tables keep the paper's interleaving. */
const ROTARY_LAYOUT: Layout = 'half';

/** The scheme parameters the model passes to compute(): base 10000, causal, its own head count. */
export function schemeParams(kind: SchemeKind, heads: number): EncodingParams {
  const layout: Layout = kind === 'rotary' ? ROTARY_LAYOUT : 'interleaved';
  return { ...DEFAULT_SPEC.params, base: ROPE_BASE, layout, heads, bidirectional: false };
}

/** Positions 0 … T − 1. */
export function positionsUpTo(T: number): number[] {
  return Array.from({ length: T }, (_, i) => i);
}

export interface ParamSpec {
  name: string;
  shape: number[];
  init: 'normal' | 'ones' | 'zeros';
  std?: number;
}

/** Every parameter of a model, in file order (the safetensors writer keeps it). */
export function paramSpecs(c: ModelConfig): ParamSpec[] {
  const { vocab: V, d, layers } = c;
  const proj = 0.02 / Math.sqrt(2 * layers);
  const specs: ParamSpec[] = [{ name: 'wte.weight', shape: [V, d], init: 'normal', std: 0.02 }];
  if (getScheme(c.scheme).usesTable)
    specs.push({ name: 'wpe.weight', shape: [c.context, d], init: 'normal', std: 0.02 });
  for (let l = 0; l < layers; l++) {
    const h = `h.${l}`;
    specs.push(
      { name: `${h}.ln_1.weight`, shape: [d], init: 'ones' },
      { name: `${h}.ln_1.bias`, shape: [d], init: 'zeros' },
      { name: `${h}.attn.c_attn.weight`, shape: [d, 3 * d], init: 'normal', std: 0.02 },
      { name: `${h}.attn.c_proj.weight`, shape: [d, d], init: 'normal', std: proj },
      { name: `${h}.ln_2.weight`, shape: [d], init: 'ones' },
      { name: `${h}.ln_2.bias`, shape: [d], init: 'zeros' },
      { name: `${h}.mlp.c_fc.weight`, shape: [d, 4 * d], init: 'normal', std: 0.02 },
      { name: `${h}.mlp.c_fc.bias`, shape: [4 * d], init: 'zeros' },
      { name: `${h}.mlp.c_proj.weight`, shape: [4 * d, d], init: 'normal', std: proj },
      { name: `${h}.mlp.c_proj.bias`, shape: [d], init: 'zeros' },
    );
  }
  specs.push(
    { name: 'ln_f.weight', shape: [d], init: 'ones' },
    { name: 'ln_f.bias', shape: [d], init: 'zeros' },
    { name: 'head.weight', shape: [d, V], init: 'normal', std: 0.02 },
  );
  return specs;
}

/** FNV-1a hash of a parameter name: each parameter draws from its own stream, the same for every scheme. */
function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Seeded initial values of every parameter (plain arrays, backend independent). */
export function initialParams(c: ModelConfig): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  for (const s of paramSpecs(c)) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    let v: Float32Array = new Float32Array(n);
    if (s.init === 'ones') v.fill(1);
    else if (s.init === 'normal') {
      v = normals(n, c.seed ^ nameHash(s.name)); // N(0, 1) from this parameter's own stream
      for (let i = 0; i < n; i++) v[i] *= s.std ?? 0.02;
    }
    out.set(s.name, v);
  }
  return out;
}

/** Fixed per-length tensors: additive table, rotary tables, score bias (the causal mask, plus a bias scheme's). */
interface PositionConstants {
  pe?: tf.Tensor2D; // [T, d]
  cossin?: tf.Tensor2D; // [T, d_h]: cos | sin of every pair
  bias: tf.Tensor3D; // [1 or H, T, T]
}

/** 0 where key j ≤ query i, MASKED where j > i. */
function causalMask(T: number): tf.Tensor3D {
  const i = tf.tensor2d(Float32Array.from(positionsUpTo(T)), [T, 1]); // [T, 1] query position
  const past = tf.sub(i, tf.reshape(i, [1, T])); // [T, T]: i − j
  const mask = tf.where(tf.less(past, 0), tf.fill([T, T], MASKED), tf.zerosLike(past)); // [T, T]
  return tf.expandDims(mask, 0) as tf.Tensor3D; // [1, T, T]
}

export class TinyTransformer {
  readonly config: ModelConfig;
  readonly params = new Map<string, tf.Variable>();
  private constants = new Map<number, PositionConstants>();

  constructor(config: ModelConfig, values: Map<string, Float32Array> = initialParams(config)) {
    this.config = config;
    for (const s of paramSpecs(config)) {
      const v = values.get(s.name);
      if (!v) throw new Error(`missing parameter ${s.name}`);
      this.params.set(
        s.name,
        tf.tidy(() => tf.variable(tf.tensor(v, s.shape), true)),
      );
    }
  }

  get headDim(): number {
    return this.config.d / this.config.heads;
  }

  variables(): tf.Variable[] {
    return [...this.params.values()];
  }

  private p(name: string): tf.Variable {
    const v = this.params.get(name);
    if (!v) throw new Error(`no parameter ${name}`);
    return v;
  }

  /** The longest sequence the model can encode (a trainable table: its rows). */
  maxLength(): number {
    return getScheme(this.config.scheme).usesTable ? this.config.context : 4096;
  }

  private positionConstants(T: number): PositionConstants {
    const cached = this.constants.get(T);
    if (cached) return cached;
    const { d, heads, seed } = this.config;
    const scheme = getScheme(this.config.scheme);
    const params = schemeParams(scheme.kind, heads);
    const positions = positionsUpTo(T);
    // Whatever else compute() returns (ALiBi's slopes, T5's buckets) is freed by the tidy.
    const made: PositionConstants = tf.tidy(() => {
      const mask = causalMask(T); // [1, T, T]
      switch (scheme.kind) {
        case 'additive':
          if (scheme.usesTable) return { bias: mask }; // the table is the parameter wpe
          return { bias: mask, pe: scheme.compute({ positions, d, seed }, params).pe as tf.Tensor2D }; // [T, d]
        case 'rotary': {
          const { cossin } = scheme.compute({ positions, d: d / heads, seed }, params); // [T, d_h]: cos | sin
          return { bias: mask, cossin: cossin as tf.Tensor2D };
        }
        case 'bias': {
          const { bias } = scheme.compute({ positions, d, seed }, params); // [H, T, T]
          return { bias: tf.add(mask, bias) as tf.Tensor3D }; // [H, T, T]
        }
        default:
          return assertNever(scheme.kind);
      }
    });
    // Kept: the first call may happen inside a caller's tidy (an optimizer step), which must not free them.
    for (const t of [made.bias, made.pe, made.cossin]) if (t) tf.keep(t);
    this.constants.set(T, made);
    return made;
  }

  /** Logits [B·T, V] for token ids [B, T]. */
  logits(ids: tf.Tensor2D): tf.Tensor2D {
    const [B, T] = ids.shape;
    const { d, vocab: V, layers } = this.config;
    if (T > this.maxLength())
      throw new Error(`length ${T} is past the learned table's ${this.maxLength()} rows`);
    const pc = this.positionConstants(T);
    return tf.tidy(() => {
      const oneHot = tf.oneHot(tf.reshape(ids, [B * T]), V); // [B·T, V]
      let x = tf.reshape(tf.matMul(oneHot, this.p('wte.weight')), [B, T, d]) as tf.Tensor3D; // [B, T, d]
      const wpe = this.params.get('wpe.weight'); // [L, d], a trainable scheme's table
      if (wpe) x = tf.add(x, tf.slice(wpe, [0, 0], [T, d])); // [B, T, d]
      if (pc.pe) x = tf.add(x, pc.pe); // [B, T, d]
      for (let l = 0; l < layers; l++) {
        const h = `h.${l}`;
        const a = this.attention(this.layerNorm(x, `${h}.ln_1`), h, pc); // [B, T, d]
        x = tf.add(x, a);
        const m = this.mlp(this.layerNorm(x, `${h}.ln_2`), h); // [B, T, d]
        x = tf.add(x, m);
      }
      const xf = tf.reshape(this.layerNorm(x, 'ln_f'), [B * T, d]); // [B·T, d]
      return tf.matMul(xf, this.p('head.weight')) as tf.Tensor2D; // [B·T, V]
    });
  }

  private layerNorm(x: tf.Tensor3D, name: string): tf.Tensor3D {
    const mean = tf.mean(x, -1, true); // [B, T, 1]
    const centred = tf.sub(x, mean); // [B, T, d]
    const variance = tf.mean(tf.square(centred), -1, true); // [B, T, 1]
    const normed = tf.mul(centred, tf.rsqrt(tf.add(variance, LN_EPS))); // [B, T, d]
    return tf.add(tf.mul(normed, this.p(`${name}.weight`)), this.p(`${name}.bias`)) as tf.Tensor3D;
  }

  private attention(x: tf.Tensor3D, h: string, pc: PositionConstants): tf.Tensor3D {
    const [B, T, d] = x.shape;
    const H = this.config.heads;
    const dh = d / H;
    const qkv = tf.matMul(tf.reshape(x, [B * T, d]), this.p(`${h}.attn.c_attn.weight`)); // [B·T, 3d]
    const heads = (t: tf.Tensor) => tf.transpose(tf.reshape(t, [B, T, H, dh]), [0, 2, 1, 3]); // [B, H, T, d_h]
    const [q0, k0, v0] = tf.split(qkv, 3, 1); // [B·T, d] each
    let q = heads(q0);
    let k = heads(k0);
    const v = heads(v0);
    if (pc.cossin) {
      // every head of every batch row: x [B, H, T, d_h], row t turned by the table's row t (broadcast, no tile)
      q = rotate(q, pc.cossin, ROTARY_LAYOUT);
      k = rotate(k, pc.cossin, ROTARY_LAYOUT);
    }
    const scores = tf.add(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dh)), pc.bias); // [B, H, T, T]
    const weights = tf.softmax(scores, -1); // [B, H, T, T]
    const y = tf.reshape(tf.transpose(tf.matMul(weights, v), [0, 2, 1, 3]), [B * T, d]); // [B·T, d]
    return tf.reshape(tf.matMul(y, this.p(`${h}.attn.c_proj.weight`)), [B, T, d]) as tf.Tensor3D;
  }

  private mlp(x: tf.Tensor3D, h: string): tf.Tensor3D {
    const [B, T, d] = x.shape;
    const hid = tf.add(
      tf.matMul(tf.reshape(x, [B * T, d]), this.p(`${h}.mlp.c_fc.weight`)),
      this.p(`${h}.mlp.c_fc.bias`),
    ); // [B·T, 4d]
    const out = tf.add(
      tf.matMul(gelu(hid), this.p(`${h}.mlp.c_proj.weight`)),
      this.p(`${h}.mlp.c_proj.bias`),
    ); // [B·T, d]
    return tf.reshape(out, [B, T, d]) as tf.Tensor3D;
  }

  dispose(): void {
    for (const v of this.params.values()) v.dispose();
    for (const c of this.constants.values()) {
      for (const t of [c.pe, c.cossin, c.bias]) t?.dispose();
    }
    this.params.clear();
    this.constants.clear();
  }
}

/** GELU, tanh approximation (GPT-2). */
export function gelu(x: tf.Tensor): tf.Tensor {
  const inner = tf.mul(tf.add(x, tf.mul(tf.pow(x, 3), 0.044715)), Math.sqrt(2 / Math.PI));
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
}

/**
 * Masked mean cross-entropy of next-token logits [B·T, V] against targets [B·T]; mask [B·T] is 1 where a
 * position counts. Also returns the per-position loss [B·T] for evaluation.
 */
export function maskedCrossEntropy(
  logits: tf.Tensor2D,
  targets: tf.Tensor1D,
  mask: tf.Tensor1D,
): { loss: tf.Scalar; perPosition: tf.Tensor1D } {
  const V = logits.shape[1];
  const logp = tf.logSoftmax(logits, -1); // [B·T, V]
  const perPosition = tf.neg(tf.sum(tf.mul(logp, tf.oneHot(targets, V)), -1)) as tf.Tensor1D; // [B·T]
  const loss = tf.div(tf.sum(tf.mul(perPosition, mask)), tf.maximum(tf.sum(mask), 1)) as tf.Scalar; // []
  return { loss, perPosition };
}
