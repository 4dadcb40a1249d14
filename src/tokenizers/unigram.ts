// SentencePiece unigram segmentation (Kudo 2018): the Viterbi path through the lattice of vocabulary pieces that
// maximises the sum of piece log-probabilities (scores). Conventions, matching the tokenizer of the tfjs Universal
// Sentence Encoder (a port of SentencePiece's EncodeAsIds):
// - symbols are code points; a piece matches a run of whole symbols;
// - where no piece starts at a symbol, that symbol alone is the unknown piece (id 0) with score 0;
// - ties go to the later candidate (>=), candidates visited by start position, then by length;
// - consecutive unknown symbols merge into one unknown piece.

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Vocabulary id of the piece ending here, or -1. */
  id: number;
  score: number;
}

const node = (): TrieNode => ({ children: new Map(), id: -1, score: 0 });

/** A prefix tree over pieces, keyed by code point. Inserting a piece twice keeps the later id and score. */
export class PieceTrie {
  readonly root = node();

  insert(piece: string, score: number, id: number): void {
    let n = this.root;
    for (const ch of piece) {
      let next = n.children.get(ch);
      if (!next) n.children.set(ch, (next = node()));
      n = next;
    }
    n.id = id;
    n.score = score;
  }
}

/** One piece of the best segmentation: its id and the symbols [a, b) it covers. */
export interface Segment {
  id: number;
  a: number;
  b: number;
}

export const UNKNOWN_ID = 0;

/** The best segmentation of `symbols` (code points). */
export function viterbi(symbols: readonly string[], trie: PieceTrie): Segment[] {
  const n = symbols.length;
  const best = new Float64Array(n + 1).fill(-Infinity);
  const backId = new Int32Array(n + 1);
  const backLen = new Int32Array(n + 1);
  best[0] = 0;
  const relax = (end: number, score: number, id: number, len: number) => {
    if (score >= best[end]) {
      best[end] = score;
      backId[end] = id;
      backLen[end] = len;
    }
  };
  for (let i = 0; i < n; i++) {
    let t: TrieNode | undefined = trie.root;
    let matched = false;
    for (let k = i; k < n; k++) {
      t = t.children.get(symbols[k]);
      if (!t) break;
      if (t.id >= 0) {
        matched = true;
        relax(k + 1, best[i] + t.score, t.id, k + 1 - i);
      }
    }
    if (!matched) relax(i + 1, best[i], UNKNOWN_ID, 1);
  }

  const path: Segment[] = [];
  for (let end = n; end > 0; end -= backLen[end]) {
    const id = backId[end];
    const a = end - backLen[end];
    const last = path[path.length - 1];
    if (id === UNKNOWN_ID && last?.id === UNKNOWN_ID) last.a = a;
    else path.push({ id, a, b: end });
  }
  return path.reverse();
}
