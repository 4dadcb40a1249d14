// The heap-based byte-pair merge against gpt-tokenizer's own encoder (the quadratic reference), per encoding.
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { encodeOrdinary, rankMap } from './bpeMerge.ts';

type Ref = { encode(text: string, o: { disallowedSpecial: Set<string> }): number[] };
const setups: Record<string, { ref: Ref; split: RegExp; ranks: Map<string, number> }> = {};

beforeAll(async () => {
  const params = await import('gpt-tokenizer/encodingParams/constants');
  const load = async (name: 'r50k_base' | 'cl100k_base' | 'o200k_base', split: RegExp) => {
    const [enc, ranks] = await Promise.all([
      import(`gpt-tokenizer/encoding/${name}`) as Promise<{ default: Ref }>,
      import(`gpt-tokenizer/bpeRanks/${name}`) as Promise<{ default: (string | number[])[] }>,
    ]);
    setups[name] = { ref: enc.default, split, ranks: rankMap(ranks.default) };
  };
  await Promise.all([
    load('r50k_base', params.R50K_TOKEN_SPLIT_REGEX),
    load('cl100k_base', params.CL100K_TOKEN_SPLIT_REGEX),
    load('o200k_base', params.O200K_TOKEN_SPLIT_REGEX),
  ]);
}, 60_000);

const ordinary = { disallowedSpecial: new Set<string>() };

const text = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        'a',
        'b',
        'e',
        'n',
        's',
        't',
        ' ',
        '\n',
        'ing',
        "'s",
        '1',
        '!',
        '👋',
        'é',
        '誕',
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
  ),
  maxLength: 120,
});

describe.each(['r50k_base', 'cl100k_base', 'o200k_base'])('heap-based BPE (%s)', (name) => {
  test('property: gives the ids of gpt-tokenizer on any text', () => {
    const { ref, split, ranks } = setups[name];
    fc.assert(
      fc.property(text, (t) => {
        expect(encodeOrdinary(t, split, ranks)).toEqual(ref.encode(t, ordinary));
      }),
      { numRuns: 300 },
    );
  });

  test('gives the ids of gpt-tokenizer on long pre-tokens: 3,000 letters, spaces, digits, emoji', () => {
    const { ref, split, ranks } = setups[name];
    const letters = Array.from({ length: 3000 }, (_, i) => 'etaoinshrdlu'[(i * 7919) % 12]).join('');
    for (const t of [
      letters,
      ' '.repeat(3000),
      '1234567890'.repeat(300),
      '👋'.repeat(700),
      `x${'!?'.repeat(1500)}`,
    ]) {
      expect(encodeOrdinary(t, split, ranks)).toEqual(ref.encode(t, ordinary));
    }
  });
});
