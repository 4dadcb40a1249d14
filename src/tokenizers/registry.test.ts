// The tokenizer registry (lazy, cached loading) and the contract every tokenizer keeps on hostile input: never
// throw, tokens in order, spans inside the text and disjoint except where pieces split one source character.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { TOKENIZERS, type TokenizerName } from '../protocol/specs.ts';
import { getTokenizer, loadTokenizer } from './registry.ts';
import { readPublicData } from './testData.ts';
import type { Token } from '../protocol/messages.ts';
import type { FetchData, Tokenizer } from './tokenizer.ts';

const all = new Map<TokenizerName, Tokenizer>();
// Loading the tokenizer.json tokenizers (Gemma 3's is 33 MB of JSON) takes seconds on a shared machine.
beforeAll(async () => {
  for (const name of TOKENIZERS) all.set(name, await loadTokenizer(name, readPublicData));
}, 120_000);

describe('tokenizer registry', () => {
  test('an unknown name is rejected with "unknown tokenizer: x", by both loadTokenizer and getTokenizer', async () => {
    await expect(loadTokenizer('x', readPublicData)).rejects.toThrow('unknown tokenizer: x');
    await expect(loadTokenizer('toString', readPublicData)).rejects.toThrow('unknown tokenizer: toString');
    expect(() => getTokenizer('x')).toThrow('unknown tokenizer: x');
  });

  test('every name in TOKENIZERS loads a tokenizer of that name, once: later loads return the same object', async () => {
    for (const name of TOKENIZERS) {
      const t = all.get(name);
      expect(t?.name).toBe(name);
      expect(await loadTokenizer(name, readPublicData)).toBe(t);
      expect(getTokenizer(name)).toBe(t);
    }
  });

  test('word and char need no loading; a failed load is not cached, so the next call retries', async () => {
    expect(getTokenizer('word').name).toBe('word');
    expect(getTokenizer('char').name).toBe('char');
    // A fresh module graph, so bert has not been loaded there yet.
    vi.resetModules();
    const fresh = await import('./registry.ts');
    expect(() => fresh.getTokenizer('bert')).toThrow('not loaded yet');
    const failing: FetchData = () => Promise.reject(new Error('offline'));
    await expect(fresh.loadTokenizer('bert', failing)).rejects.toThrow('offline');
    expect((await fresh.loadTokenizer('bert', readPublicData)).name).toBe('bert');
  });
});

/**
 * The first broken rule on one text, or null: spans ordered and inside the text, overlapping only on one character
 * (at most a surrogate pair) that two tokens draw from. Plain comparisons, so 100,000 tokens check in milliseconds.
 */
function spanProblem(text: string, tokens: readonly Token[], vocabSize: number): string | null {
  const bytes = new TextEncoder().encode(text).length;
  let prev = { start: 0, end: 0 };
  for (const [i, t] of tokens.entries()) {
    const where = `token ${i} ${JSON.stringify(t)}`;
    if (!(Number.isInteger(t.id) && t.id >= 0 && t.id < vocabSize)) return `${where}: id out of range`;
    if (!(0 <= t.start && t.start <= t.end && t.end <= text.length)) return `${where}: span outside the text`;
    if (!(0 <= t.byteStart && t.byteStart <= t.byteEnd && t.byteEnd <= bytes))
      return `${where}: bytes outside`;
    if (t.start < prev.start || t.end < prev.end) return `${where}: out of order`;
    if (t.start < prev.end && [...text.slice(t.start, prev.end)].length !== 1) return `${where}: overlaps`;
    prev = t;
  }
  return null;
}

describe.each(TOKENIZERS)('%s tokenizer vocabulary', (name) => {
  test('piece(id) spells each known token of a sentence as its text, and an id past the table as #id', () => {
    const tok = all.get(name) as Tokenizer;
    const tokens = tok.tokenize('The cat sat on the mat, naïvely — 東京 👋!');
    expect(tokens.filter((t) => !t.unknown).length).toBeGreaterThan(0);
    for (const t of tokens) if (!t.unknown) expect(tok.piece(t.id)).toBe(t.text);
    expect(tok.piece(tok.vocabSize)).toBe(`#${tok.vocabSize}`);
  });
});

const hostile: [string, string][] = [
  ['empty text', ''],
  ['white space only', ' \t\n\r\u00a0\u2028 '],
  ['lone surrogates', '\ud800a\udc00\udfff\ud83d'],
  ['NUL and control characters', '\u0000a\u0001\u007f\u0000'],
  ['a 100,000-character word', 'abcdefghij'.repeat(10_000)],
  ['a 100,000-character run of one letter', 'a'.repeat(100_000)],
];

describe.each(TOKENIZERS)('%s tokenizer on hostile input', (name) => {
  test.each(hostile)(
    '%s: does not throw; ids are in range; spans are ordered and inside the text',
    (_, text) => {
      const tok = all.get(name) as Tokenizer;
      expect(spanProblem(text, tok.tokenize(text), tok.vocabSize)).toBeNull();
    },
  );
});
