// Step 3's "shuffle the words" (lessons.ts): a seeded, deterministic reordering of a text's words.

function hashString(s: string): number {
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s ^= s << 13; // xorshift32
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The white-space-separated words of `text` in another order, joined by single spaces. Deterministic (seeded
 * by the text, so pressing again on the result gives a new order); the order differs from the original
 * whenever the words are not all the same.
 */
export function shuffleWords(text: string): string {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const original = words.join(' ');
  if (new Set(words).size < 2) return original;
  for (let attempt = 0; attempt < 8; attempt++) {
    const out = shuffled(words, hashString(`${attempt}|${text}`)).join(' ');
    if (out !== original) return out;
  }
  return [...words.slice(1), words[0]].join(' '); // a rotation differs unless all words are equal
}
