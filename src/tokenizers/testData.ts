// Node-only test helper: a FetchData that reads public/data/<file> from disk, for tests of tokenizers and embedding
// sources that load shipped data. Import it from *.test.ts files only (the app fetches from its origin instead).
import type { FetchData } from './tokenizer.ts';

// Resolved at run time so that the worker's type-check (no Node types) never sees node:fs.
const NODE_FS = 'node:fs/promises';

export const readPublicData: FetchData = async (file) => {
  const fs: { readFile(path: URL): Promise<Uint8Array> } = await import(/* @vite-ignore */ NODE_FS);
  return new Uint8Array(await fs.readFile(new URL(`../../public/data/${file}`, import.meta.url)));
};
