// Writes a data file into public/data/ together with its provenance sidecar (<file>.json).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'data');

/**
 * @param {string} file name under public/data
 * @param {Uint8Array} bytes contents
 * @param {{source: {package: string, version: string, path: string}, licence: string, shape: number[],
 *   dtype: string, description: string, [k: string]: unknown}} meta
 */
export function writeData(file, bytes, meta) {
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(join(DATA_DIR, file), bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const sidecar = { file, ...meta, bytes: bytes.byteLength, sha256, extractedBy: 'scripts/extract-data.mjs' };
  writeFileSync(join(DATA_DIR, `${file}.json`), JSON.stringify(sidecar, null, 2) + '\n');
  console.log(
    `wrote public/data/${file} (${(bytes.byteLength / 1e6).toFixed(2)} MB, sha256 ${sha256.slice(0, 12)}…)`,
  );
}
