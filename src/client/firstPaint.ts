// First paint (issue 9): the default run's tokens and its first three matrices, computed at build time by the
// engine's own code (vite-first-paint.ts → virtual:first-paint), shown from the first frame while the worker
// starts. They are shown only when the page's spec equals the spec they were computed for, are marked
// `precomputed` in the store, and give way to the worker's own messages: the flag clears when the first real
// matrix (or an error) arrives, and the data is dropped at once if the spec changes before then.
import type { Matrix, Token } from '../protocol/messages.ts';
import type { RunSpec } from '../protocol/specs.ts';
import type { ViewName } from '../protocol/views.ts';

/** The part of the store (client/store.ts) a first paint reads and writes. */
export interface FirstPaintState {
  view: { spec: RunSpec };
  tokens: Token[];
  vocabSize: number | null;
  tokenTotal: number;
  matrices: Record<string, Matrix>;
  /** The current problem, if any (only whether there is one matters here). */
  error: unknown;
  precomputed: boolean;
}
type Patch = Partial<Omit<FirstPaintState, 'view' | 'error'>>;
interface StoreLike {
  get(): FirstPaintState;
  set(patch: Patch): void;
  subscribe(listener: () => void): () => void;
}

/** What virtual:first-paint exports (see virtual-first-paint.d.ts). */
export interface FirstPaintModule {
  spec: RunSpec;
  tokens: Token[];
  vocabSize: number;
  total: number;
  matrices: { name: ViewName; title: string; shape: [number, number]; rowLabels: string[]; data: string }[];
}

/** Deep equality of JSON-like values (plain objects, arrays, strings, numbers, booleans, null). */
export function sameSpec(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameSpec(ra[k], rb[k]));
}

/** Float32 values from base64 of their little-endian bytes. */
export function decodeFloats(base64: string): Float32Array {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

/** The store patch that shows the precomputed run, or null when `spec` is not the one it was computed for. */
export function firstPaintPatch(spec: RunSpec, fp: FirstPaintModule): Patch | null {
  if (!sameSpec(spec, fp.spec)) return null;
  const matrices: Record<string, Matrix> = {};
  for (const m of fp.matrices) {
    matrices[m.name] = {
      name: m.name,
      title: m.title,
      shape: m.shape,
      rowLabels: m.rowLabels,
      data: decodeFloats(m.data),
    };
  }
  return { tokens: fp.tokens, vocabSize: fp.vocabSize, tokenTotal: fp.total, matrices, precomputed: true };
}

/**
 * Shows the precomputed run if the store's spec matches it, and keeps watching until the worker takes over:
 * the first real matrix or an error clears `precomputed`; a change of spec before then also drops the data.
 */
export function holdFirstPaint(store: StoreLike, fp: FirstPaintModule): void {
  const patch = firstPaintPatch(store.get().view.spec, fp);
  if (!patch?.matrices) return;
  const held = patch.matrices;
  store.set(patch);
  const unsubscribe = store.subscribe(() => {
    const s = store.get();
    if (!s.precomputed) return unsubscribe();
    if (!sameSpec(s.view.spec, fp.spec)) {
      // Never show another spec's numbers: the worker's answer for the new spec fills the views.
      const matrices = { ...s.matrices };
      for (const name of Object.keys(held)) if (matrices[name] === held[name]) delete matrices[name];
      const ours = s.tokens === patch.tokens;
      store.set({
        precomputed: false,
        matrices,
        ...(ours ? { tokens: [], tokenTotal: 0, vocabSize: null } : {}),
      });
    } else if (s.error || Object.keys(held).some((name) => s.matrices[name] !== held[name])) {
      store.set({ precomputed: false });
    }
  });
}
