// The run specification: everything the engine needs to recompute the views, and nothing else.
// Both threads import this module; it holds types and tiny pure helpers only.
import { DEFAULT_ROPE, validateRope, type RopeParams } from './rope.ts';
import { EMBEDDING_REQUIRES } from '../tokenizers/about/index.ts';
import { msg, type Msg } from './msg.ts';

export const TOKENIZERS = [
  'word',
  'char',
  'gpt2',
  'cl100k',
  'o200k',
  'bert',
  'use',
  'llama3',
  'qwen3',
  'gemma3',
  'deepseek-v3',
] as const;
export type TokenizerName = (typeof TOKENIZERS)[number];

/** Sources of the token-embedding table E [V, d]. */
export const EMBEDDINGS = ['random', 'glove-100d', 'use-lite', 'checkpoint', 'pitfall-sigmoid'] as const;
export type EmbeddingName = (typeof EMBEDDINGS)[number];

/** How the random table is drawn: N(0, 1), or Xavier/Glorot uniform U(±√(6/(V+d))). */
export const INITS = ['normal', 'xavier'] as const;
export type InitName = (typeof INITS)[number];

export const ENCODINGS = [
  'sinusoidal',
  'learned',
  'rope',
  'alibi',
  't5',
  'none',
  'pitfall-linear',
  'pitfall-scalar',
] as const;
export type EncodingName = (typeof ENCODINGS)[number];

export const LAYOUTS = ['interleaved', 'half'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** Parameters shared by the positional-encoding schemes; each scheme reads the ones it needs (RoPE: rope.ts). */
export interface EncodingParams extends RopeParams {
  /** Frequency base of sinusoidal and RoPE (10000; Llama 3 uses 500000). */
  base: number;
  /** Sinusoidal: interleaved sin/cos pairs or half-split. RoPE: interleaved pairs or rotate-half (NeoX/Llama). */
  layout: Layout;
  /** Attention heads (ALiBi slopes, T5 bias, attention preview). */
  heads: number;
  /** T5 relative-position buckets. */
  buckets: number;
  /** T5 max_distance: offsets at or beyond it share the last bucket. */
  maxdist: number;
  /** T5: bidirectional (encoder) or causal (decoder) buckets. */
  bidirectional: boolean;
  /** Length N of the position table views (0…N−1), up to LIMITS.maxPositions (2^20). */
  positions: number;
}

export interface RunSpec {
  text: string;
  tokenizer: TokenizerName;
  /** Add the special tokens the tokenizer adds by default (BERT's [CLS]/[SEP], Gemma's <bos>); false: none. */
  special: boolean;
  /** Model width d_model: even, 2…LIMITS.dMax (8192). */
  d: number;
  /** Seed of the random token-embedding table. */
  seed: number;
  pe: EncodingName;
  params: EncodingParams;
  /** Multiply token embeddings by √d_model before adding positions (Vaswani et al. §3.4). */
  scaleEmbeddings: boolean;
  /** Attention preview: mask keys after the query (decoder) or not (encoder). */
  causal: boolean;
  /** Where the token-embedding table comes from. */
  embedding: EmbeddingName;
  /** How the random table is drawn (embedding = random). */
  init: InitName;
  /** Tensors of the loaded checkpoint used as token table and as the learned position table (null: none). */
  checkpoint: { token: string | null; position: string | null };
}

/** checkpoint.position naming the table trained in the browser (Training panel) instead of a file's tensor. */
export const TRAINED_TABLE = '@trained';

/** What a shipped table fixes: its tokenizer and its width (data in tokenizers/about/). */
export { EMBEDDING_REQUIRES };

export const PROJECTION_SOURCES = ['positions', 'tokens', 'vocabulary'] as const;
export type ProjectionSource = (typeof PROJECTION_SOURCES)[number];
export const PROJECTION_METHODS = ['pca', 'tsne', 'umap'] as const;
export type ProjectionMethod = (typeof PROJECTION_METHODS)[number];

/** One projection request: what to project, how, and the knobs of each method. */
export interface ProjectionSpec {
  source: ProjectionSource;
  method: ProjectionMethod;
  /** Output components: 2 or 3. */
  dims: 2 | 3;
  /** tokens: project the input X = E + PE instead of E alone. */
  withPositions: boolean;
  /** vocabulary: at most this many rows (a seeded sample when the table is larger). */
  sample: number;
  perplexity: number;
  learningRate: number;
  tsneExact: boolean;
  neighbors: number;
  minDist: number;
  /** Iterations (t-SNE) or epochs (UMAP). */
  iterations: number;
  seed: number;
}

export const DEFAULT_PROJECTION: ProjectionSpec = {
  source: 'positions',
  method: 'pca',
  dims: 2,
  withPositions: true,
  sample: 5000,
  perplexity: 30,
  learningRate: 200,
  tsneExact: false,
  neighbors: 15,
  minDist: 0.1,
  iterations: 500,
  seed: 1,
};

export const PROJECTION_LIMITS = {
  sampleMax: 50_000,
  perplexityMin: 2,
  perplexityMax: 100,
  neighborsMin: 2,
  neighborsMax: 200,
  iterationsMax: 5000,
  /** Exact t-SNE is O(n²) in time and memory. */
  exactMax: 2500,
} as const;

/** A problem with a projection request, as a message for the user; null when fine. */
export function validateProjection(p: ProjectionSpec): Msg | null {
  const L = PROJECTION_LIMITS;
  if (!Number.isInteger(p.sample) || p.sample < 3 || p.sample > L.sampleMax)
    return msg('bad.sample', { max: L.sampleMax, got: p.sample });
  if (!(p.perplexity >= L.perplexityMin && p.perplexity <= L.perplexityMax))
    return msg('bad.perplexity', { min: L.perplexityMin, max: L.perplexityMax, got: p.perplexity });
  if (!(p.learningRate > 0 && p.learningRate <= 10000)) return msg('bad.lr', { got: p.learningRate });
  if (!Number.isInteger(p.neighbors) || p.neighbors < L.neighborsMin || p.neighbors > L.neighborsMax)
    return msg('bad.neighbors', { min: L.neighborsMin, max: L.neighborsMax, got: p.neighbors });
  if (!(p.minDist >= 0 && p.minDist <= 1)) return msg('bad.minDist', { got: p.minDist });
  if (!Number.isInteger(p.iterations) || p.iterations < 10 || p.iterations > L.iterationsMax)
    return msg('bad.iterations', { max: L.iterationsMax, got: p.iterations });
  if (!Number.isInteger(p.seed)) return msg('bad.projSeed', { got: p.seed });
  return null;
}

export const LIMITS = {
  dMin: 2,
  /** Llama-width tables; [T, d] past protocol/window.ts POOL_FROM on an axis are drawn pooled. */
  dMax: 8192,
  /**
   * Rows of the position tables (2^20). numerics/trig.ts is exact for every position below 2^31; a table of more
   * than 4,096 rows is sent as an overview plus an exact detail window (protocol/window.ts).
   */
  maxPositions: 1_048_576,
  maxTokens: 8192,
  headsMax: 64,
  bucketsMax: 256,
} as const;

export const DEFAULT_TEXT = 'The cat sat on the mat because the mat was warm.';

export const DEFAULT_SPEC: RunSpec = {
  text: DEFAULT_TEXT,
  tokenizer: 'word',
  special: true,
  d: 64,
  seed: 42,
  pe: 'sinusoidal',
  params: {
    base: 10000,
    layout: 'interleaved',
    heads: 8,
    buckets: 32,
    maxdist: 128,
    bidirectional: true,
    positions: 512,
    ...DEFAULT_ROPE,
  },
  scaleEmbeddings: false,
  causal: false,
  embedding: 'random',
  init: 'normal',
  checkpoint: { token: null, position: null },
};

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** A problem with a spec, as a message for the user naming the limit; null when the spec is fine. */
export function validateSpec(spec: RunSpec): Msg | null {
  const { d, params } = spec;
  if (!Number.isInteger(d) || d < LIMITS.dMin || d > LIMITS.dMax || d % 2 !== 0) {
    return msg('bad.d', { min: LIMITS.dMin, max: LIMITS.dMax, got: d });
  }
  if (!Number.isInteger(spec.seed)) return msg('bad.seed', { got: spec.seed });
  const needs = EMBEDDING_REQUIRES[spec.embedding];
  if (needs && (spec.tokenizer !== needs.tokenizer || d !== needs.d)) {
    return msg('bad.embeddingNeeds', {
      embedding: spec.embedding,
      tokenizer: needs.tokenizer,
      d: needs.d,
      gotTokenizer: spec.tokenizer,
      gotD: d,
    });
  }
  if (spec.embedding === 'checkpoint' && !spec.checkpoint.token) return msg('bad.checkpointToken');
  if (!Number.isFinite(params.base) || params.base <= 1) return msg('bad.base', { got: params.base });
  if (!Number.isInteger(params.heads) || params.heads < 1 || params.heads > LIMITS.headsMax) {
    return msg('bad.heads', { max: LIMITS.headsMax, got: params.heads });
  }
  if (!Number.isInteger(params.buckets) || params.buckets < 2 || params.buckets > LIMITS.bucketsMax) {
    return msg('bad.buckets', { max: LIMITS.bucketsMax, got: params.buckets });
  }
  if (!Number.isInteger(params.maxdist) || params.maxdist < 2 || params.maxdist > LIMITS.maxPositions) {
    return msg('bad.maxdist', { max: LIMITS.maxPositions, got: params.maxdist });
  }
  if (spec.pe === 't5' && params.maxdist <= Math.floor(params.buckets / 2)) {
    return msg('bad.t5maxdist', { half: Math.floor(params.buckets / 2), got: params.maxdist });
  }
  if (!Number.isInteger(params.positions) || params.positions < 1 || params.positions > LIMITS.maxPositions) {
    return msg('bad.positions', { max: LIMITS.maxPositions, got: params.positions });
  }
  const rope = spec.pe === 'rope' ? validateRope(params, d, params.positions) : null;
  return rope ? msg('bad.sentence', { reason: rope.message }) : null;
}
