// The four tokenizer.json tokenizers (Llama 3, Qwen3, Gemma 3, DeepSeek-V3) against Hugging Face's Rust
// `tokenizers` library: ids with and without special tokens, and spans against the Rust offsets, on the texts of
// referenceIds.ts (written by scripts/tokenizer-reference.mjs; the command is at the top of that file).
import { beforeAll, describe, expect, test } from 'vitest';
import type { TokenizerName } from '../protocol/specs.ts';
import { TOKENIZER_ABOUT } from './about/index.ts';
import { gunzipText, loadTokenizerJson } from './huggingFace.ts';
import { loadTokenizer } from './registry.ts';
import { REFERENCE_IDS, REFERENCE_TEXTS } from './referenceIds.ts';
import { readPublicData } from './testData.ts';
import type { Tokenizer } from './tokenizer.ts';

const NAMES = ['llama3', 'qwen3', 'gemma3', 'deepseek-v3'] as const satisfies readonly TokenizerName[];
const all = new Map<TokenizerName, Tokenizer>();
beforeAll(async () => {
  for (const name of NAMES) all.set(name, await loadTokenizer(name, readPublicData));
}, 60_000);

/** UTF-16 offset of each code-point offset 0…n of `text`. */
function codePointToUtf16(text: string): number[] {
  const out = [0];
  for (const ch of text) out.push(out[out.length - 1] + ch.length);
  return out;
}

describe.each(NAMES)('%s', (name) => {
  const ref = REFERENCE_IDS[name];

  test('the reference covers at least 20 texts, and the ids equal Hugging Face tokenizers on every one, with special tokens', () => {
    expect(REFERENCE_TEXTS.length).toBeGreaterThanOrEqual(20);
    const t = all.get(name)!;
    REFERENCE_TEXTS.forEach((text, i) => {
      expect(
        t.tokenize(text, true).map((k) => k.id),
        JSON.stringify(text),
      ).toEqual(ref.special[i]);
    });
  });

  test('and without special tokens (special = 0)', () => {
    const t = all.get(name)!;
    REFERENCE_TEXTS.forEach((text, i) => {
      expect(
        t.tokenize(text, false).map((k) => k.id),
        JSON.stringify(text),
      ).toEqual(ref.none[i]);
    });
  });

  test('UTF-16 spans equal the Rust offsets (converted from code points), and contain them where NFC changed the text', () => {
    const t = all.get(name)!;
    REFERENCE_TEXTS.forEach((text, i) => {
      const map = codePointToUtf16(text);
      const expected = ref.offsets[i].map(([a, b]) => [map[a], map[b]]);
      const spans = t.tokenize(text, true).map((k) => [k.start, k.end]);
      if (text.normalize('NFC') === text) expect(spans, JSON.stringify(text)).toEqual(expected);
      else {
        // Rust maps a composed é back to its first code point only; here it covers the whole grapheme (e + ́).
        expect(spans.length).toBe(expected.length);
        spans.forEach(([a, b], j) => {
          expect(a).toBeLessThanOrEqual(expected[j][0]);
          expect(b).toBeGreaterThanOrEqual(expected[j][1]);
        });
      }
    });
  });

  test('byte spans tile the UTF-8 of the text in order, and each covers its characters', () => {
    const t = all.get(name)!;
    const enc = new TextEncoder();
    for (const text of REFERENCE_TEXTS) {
      const total = enc.encode(text).length;
      const tokens = t.tokenize(text, true);
      let at = 0;
      for (const k of tokens) {
        expect(k.byteStart).toBeLessThanOrEqual(k.byteEnd);
        if (k.byteEnd > k.byteStart) {
          // a piece that splits a character starts inside it; otherwise the pieces meet end to start
          expect(k.byteStart).toBeLessThanOrEqual(at);
          at = Math.max(at, k.byteEnd);
        }
        const chars = enc.encode(text.slice(k.start, k.end)).length;
        expect(chars).toBeGreaterThanOrEqual(k.byteEnd - k.byteStart);
      }
      expect(at).toBe(total);
    }
  });

  test('the vocabulary size is the one in about/ (ids 0…max of the tokenizer.json)', () => {
    expect(all.get(name)!.vocabSize).toBe(TOKENIZER_ABOUT[name].vocabSize);
  });
});

describe('published facts', () => {
  test('Llama 3 encodes "Hello world" as 9906, 1917 (Meta\'s llama3 tokenizer, model card example)', () => {
    expect(
      all
        .get('llama3')!
        .tokenize('Hello world')
        .map((t) => t.id),
    ).toEqual([9906, 1917]);
  });

  test('Gemma 3 puts <bos> (id 2) first with an empty span at 0, and only when special tokens are on', () => {
    const t = all.get('gemma3')!;
    const [first] = t.tokenize('Hi');
    expect(first).toMatchObject({ id: 2, text: '<bos>', start: 0, end: 0, byteStart: 0, byteEnd: 0 });
    expect(t.tokenize('Hi', false)[0].id).not.toBe(2);
  });

  test('byte spans of a 4-byte emoji split over byte-level pieces are exact bytes; the UTF-16 span is the emoji', () => {
    const text = 'a 🎉';
    const tokens = all.get('llama3')!.tokenize(text);
    const pieces = tokens.filter((k) => k.end === 4 && k.start >= 1);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[pieces.length - 1].byteEnd).toBe(6); // 'a' 1 + ' ' 1 + 🎉 4
  });
});

describe('loading a shipped tokenizer.json', () => {
  test('a file the server already gunzipped (Content-Encoding: gzip) is accepted against the JSON’s own size and hash', async () => {
    const decoded = async (file: string) => {
      const bytes = await readPublicData(file);
      return file.endsWith('.gz') ? new TextEncoder().encode(await gunzipText(bytes)) : bytes;
    };
    const tok = await loadTokenizerJson('qwen3', decoded);
    // Hugging Face's Rust tokenizers on the same tokenizer.json (referenceIds.ts): "Hello world" → 9707, 1879.
    expect(tok.tokenize('Hello world', true).map((t) => t.id)).toEqual([9707, 1879]);
    const tampered = async (file: string) => {
      const bytes = Uint8Array.from(await decoded(file));
      if (file.endsWith('.gz')) bytes[100] ^= 1;
      return bytes;
    };
    await expect(loadTokenizerJson('qwen3', tampered)).rejects.toThrow(/is corrupt: sha256/);
  }, 120_000);

  test('a truncated or altered file is refused with a message naming it, before it is parsed', async () => {
    const truncated = async (file: string) => {
      const bytes = await readPublicData(file);
      return file.endsWith('.gz') ? bytes.subarray(0, 1000) : bytes;
    };
    await expect(loadTokenizerJson('qwen3', truncated)).rejects.toThrow(
      /public\/data\/qwen3-tokenizer\.json\.gz is 1000 bytes, but its sidecar says \d+/,
    );
    const altered = async (file: string) => {
      const bytes = Uint8Array.from(await readPublicData(file));
      if (file.endsWith('.gz')) bytes[5000] ^= 1;
      return bytes;
    };
    await expect(loadTokenizerJson('qwen3', altered)).rejects.toThrow(
      /public\/data\/qwen3-tokenizer\.json\.gz is corrupt: sha256/,
    );
  });
});
