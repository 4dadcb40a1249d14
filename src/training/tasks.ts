// Seeded batches for the trainer. Pure JS, no tfjs: a batch is int32 inputs/targets [B, T] plus a float32 mask
// [B, T] (1 where the position's loss and accuracy count), all row-major.
//   reverse: S = a_1 … a_m SEP a_m … a_1 with m = T/2 letters; inputs S[0…T−1], targets S[1…T] (next token);
//            only the T/2 positions whose target is a reversed letter count. Order matters by construction.
//   copy:    inputs are T random letters; the target at position t is the input at t − k (a tagging task on a
//            causal model: the answer is always k steps back); positions t < k do not count.
//   charlm:  next-character prediction on a window of Moby-Dick (corpus/, public domain); every position
//            counts. The last 10% of the text is held out for evaluation.
// Every draw comes from the caller's Rng, which is the app's one seeded stream (embeddings/random.ts).
import corpusText from './corpus/moby-dick-ch1-10.txt?raw';
import { assertNever } from '../protocol/messages.ts';
import type { TaskName } from '../protocol/training.ts';

export interface Batch {
  B: number;
  T: number;
  inputs: Int32Array;
  targets: Int32Array;
  mask: Float32Array;
}

export interface Task {
  name: TaskName;
  vocab: number;
  /** Accuracy of guessing uniformly among the possible answers. */
  chance: number;
  /** A batch of B sequences of length T drawn with `rng`; `split` picks train or held-out text (charlm). */
  batch(rng: Rng, B: number, T: number, split?: 'train' | 'eval'): Batch;
  /** Token names for display. */
  tokens: string[];
}

/** A seeded stream of uniforms in (0, 1): the app's one generator, `uniforms(seed)` of embeddings/random.ts. */
export type Rng = () => number;

/** Letters used by the synthetic tasks. */
export const LETTERS = 16;
const letterNames = Array.from({ length: LETTERS }, (_, i) => String.fromCharCode(97 + i));

function empty(B: number, T: number): Batch {
  return {
    B,
    T,
    inputs: new Int32Array(B * T),
    targets: new Int32Array(B * T),
    mask: new Float32Array(B * T),
  };
}

const letter = (rng: Rng) => Math.floor(rng() * LETTERS);

export const reverseTask: Task = {
  name: 'reverse',
  vocab: LETTERS + 1,
  chance: 1 / LETTERS,
  tokens: [...letterNames, '|'],
  batch(rng, B, T) {
    if (T % 2 !== 0) throw new Error(`the reverse task needs an even length (got ${T})`);
    const m = T / 2;
    const out = empty(B, T);
    const s = new Int32Array(T + 1);
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < m; i++) s[i] = letter(rng);
      s[m] = LETTERS; // SEP
      for (let i = 0; i < m; i++) s[m + 1 + i] = s[m - 1 - i];
      for (let t = 0; t < T; t++) {
        out.inputs[b * T + t] = s[t];
        out.targets[b * T + t] = s[t + 1];
        out.mask[b * T + t] = t >= m ? 1 : 0;
      }
    }
    return out;
  },
};

export function copyTask(k: number): Task {
  return {
    name: 'copy',
    vocab: LETTERS,
    chance: 1 / LETTERS,
    tokens: letterNames,
    batch(rng, B, T) {
      if (k >= T) throw new Error(`copy needs k < T (k = ${k}, T = ${T})`);
      const out = empty(B, T);
      for (let b = 0; b < B; b++) {
        for (let t = 0; t < T; t++) out.inputs[b * T + t] = letter(rng);
        for (let t = 0; t < T; t++) {
          out.targets[b * T + t] = t >= k ? out.inputs[b * T + t - k] : 0;
          out.mask[b * T + t] = t >= k ? 1 : 0;
        }
      }
      return out;
    },
  };
}

/** The character vocabulary of a text, sorted by code point, and the text as ids. */
export function charVocab(text: string): { chars: string[]; ids: Int32Array } {
  const chars = [...new Set(text)].sort();
  const index = new Map(chars.map((c, i) => [c, i]));
  const units = [...text];
  return { chars, ids: Int32Array.from(units, (c) => index.get(c) ?? 0) };
}

let corpusCache: { chars: string[]; ids: Int32Array } | null = null;

export function charLmTask(text: string = corpusText): Task {
  const { chars, ids } = text === corpusText ? (corpusCache ??= charVocab(text)) : charVocab(text);
  const cut = Math.floor(ids.length * 0.9);
  return {
    name: 'charlm',
    vocab: chars.length,
    chance: 1 / chars.length,
    tokens: chars,
    batch(rng, B, T, split = 'train') {
      const [lo, hi] = split === 'train' ? [0, cut] : [cut, ids.length];
      if (hi - lo < T + 1) throw new Error(`the ${split} text is shorter than ${T + 1} characters`);
      const out = empty(B, T);
      for (let b = 0; b < B; b++) {
        const start = lo + Math.floor(rng() * (hi - lo - T));
        for (let t = 0; t < T; t++) {
          out.inputs[b * T + t] = ids[start + t];
          out.targets[b * T + t] = ids[start + t + 1];
          out.mask[b * T + t] = 1;
        }
      }
      return out;
    },
  };
}

export function makeTask(name: TaskName, k: number): Task {
  switch (name) {
    case 'reverse':
      return reverseTask;
    case 'copy':
      return copyTask(k);
    case 'charlm':
      return charLmTask();
    default:
      return assertNever(name);
  }
}
