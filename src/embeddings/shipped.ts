// Loads a pretrained table shipped in public/data/ (written by scripts/data/tables.mjs): <file> holds float16 (or
// bfloat16) little-endian values, row-major [rows, cols]; <file>.json is its sidecar (shape, dtype, bytes, sha256,
// provenance). The bytes are checked against the sidecar before decoding, so a missing, truncated or mismatched
// file fails with a message naming it. Pure JS: the engine uploads the decoded table to the GPU.
import { decodeHalf } from '../checkpoints/float16.ts';
import type { EmbeddingName, TokenizerName } from '../protocol/specs.ts';
import type { FetchData } from '../tokenizers/tokenizer.ts';

export interface ShippedTable {
  rows: number;
  cols: number;
  /** Row-major [rows, cols]. */
  data: Float32Array;
}

/** A pretrained embedding source shipped as data: what it is, and how to load its table (and vocabulary). */
export interface ShippedSource<Loaded extends { table: ShippedTable } = { table: ShippedTable }> {
  name: EmbeddingName;
  /** Width d of each row. */
  dimension: number;
  /** Rows V of the table. */
  rows: number;
  /** The tokenizer whose ids index the rows. */
  tokenizer: TokenizerName;
  /** The table's file under public/data. */
  file: string;
  load(fetchData: FetchData): Promise<Loaded>;
}

const DTYPES = { float16: 'f16', bfloat16: 'bf16' } as const;

/** Reads a shipped file, turning a failed fetch into an error that names the file. */
export async function fetchShipped(fetchData: FetchData, file: string): Promise<Uint8Array> {
  try {
    return await fetchData(file);
  } catch (e) {
    throw new Error(`missing data file public/data/${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The sidecar's shape and dtype, validated. */
async function readSidecar(fetchData: FetchData, file: string) {
  const raw = await fetchShipped(fetchData, `${file}.json`);
  let meta: unknown;
  try {
    meta = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw new Error(`sidecar public/data/${file}.json is not JSON`);
  }
  const m = (typeof meta === 'object' && meta !== null ? meta : {}) as Record<string, unknown>;
  const { shape, dtype, bytes, sha256 } = m;
  const is2d =
    Array.isArray(shape) &&
    shape.length === 2 &&
    shape.every((n) => Number.isInteger(n) && (n as number) > 0);
  if (!is2d) throw new Error(`sidecar of ${file}: shape ${JSON.stringify(shape)} is not [rows, cols]`);
  if (dtype !== 'float16' && dtype !== 'bfloat16')
    throw new Error(`sidecar of ${file}: unsupported dtype ${dtype}`);
  const [rows, cols] = shape as number[];
  if (bytes !== rows * cols * 2) {
    throw new Error(`sidecar of ${file} disagrees with itself: ${bytes} bytes for shape [${rows}, ${cols}]`);
  }
  return { rows, cols, dtype: DTYPES[dtype], bytes, sha256: typeof sha256 === 'string' ? sha256 : undefined };
}

/** Hex SHA-256 of the bytes, or undefined where Web Crypto is unavailable (insecure contexts). */
export async function sha256Hex(bytes: Uint8Array): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Fetches <file> and its sidecar, checks length, shape and sha256, and decodes the table to float32. */
export async function loadShippedTable(fetchData: FetchData, file: string): Promise<ShippedTable> {
  const { rows, cols, dtype, bytes, sha256 } = await readSidecar(fetchData, file);
  const raw = await fetchShipped(fetchData, file);
  if (raw.byteLength !== bytes) {
    const what = raw.byteLength < bytes ? 'truncated' : 'longer than expected';
    throw new Error(
      `public/data/${file} is ${what}: ${raw.byteLength} bytes, but its sidecar says ${bytes} ([${rows}, ${cols}] ${dtype})`,
    );
  }
  if (sha256) {
    const actual = await sha256Hex(raw);
    if (actual !== undefined && actual !== sha256) {
      throw new Error(`public/data/${file} is corrupt: sha256 ${actual}, but its sidecar says ${sha256}`);
    }
  }
  const words = new Uint16Array(rows * cols);
  for (let i = 0; i < words.length; i++) words[i] = raw[2 * i] | (raw[2 * i + 1] << 8); // little-endian
  return { rows, cols, data: decodeHalf(words, dtype) };
}
