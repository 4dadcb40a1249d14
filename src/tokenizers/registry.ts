// The typed map of tokenizers: a missing entry is a type error, an unknown name throws `unknown tokenizer: x`.
// What the UI shows about each (label, vocabulary size, licence, paired table) is data in about/.
// Tokenizers that need an encoder or a vocabulary load lazily: each sits in its own module, imported dynamically,
// so it lands in its own chunk, and reads its data through FetchData. A load is cached (a failed one is retried).
import { TOKENIZERS, isOneOf, type TokenizerName } from '../protocol/specs.ts';
import { char } from './char.ts';
import type { FetchData, Tokenizer } from './tokenizer.ts';
import { word } from './word.ts';
import { unknownName } from '../protocol/msg.ts';

type Loader = (fetchData: FetchData) => Promise<Tokenizer>;

/** A tokenizer run by tokenizers.js on a shipped tokenizer.json (its code in a chunk of its own). */
const tokenizerJson = (name: TokenizerName, fetchData: FetchData) =>
  import('./huggingFace.ts').then((m) => m.loadTokenizerJson(name, fetchData));

const loaders: { [K in TokenizerName]: Loader } = {
  word: async () => word,
  char: async () => char,
  gpt2: () => import('./gpt2.ts').then((m) => m.load()),
  cl100k: () => import('./cl100k.ts').then((m) => m.load()),
  o200k: () => import('./o200k.ts').then((m) => m.load()),
  bert: (fetchData) => import('./bert.ts').then((m) => m.load(fetchData)),
  use: (fetchData) => import('./use.ts').then((m) => m.load(fetchData)),
  llama3: (fetchData) => tokenizerJson('llama3', fetchData),
  qwen3: (fetchData) => tokenizerJson('qwen3', fetchData),
  gemma3: (fetchData) => tokenizerJson('gemma3', fetchData),
  'deepseek-v3': (fetchData) => tokenizerJson('deepseek-v3', fetchData),
};

const pending = new Map<TokenizerName, Promise<Tokenizer>>();
const loaded = new Map<TokenizerName, Tokenizer>([
  ['word', word],
  ['char', char],
]);

function checkName(name: string): TokenizerName {
  if (isOneOf(TOKENIZERS, name) && Object.prototype.hasOwnProperty.call(loaders, name)) return name;
  throw unknownName('tokenizer', name);
}

/** The tokenizer `name`, loading its code and data on first use; later calls share the first load. */
export async function loadTokenizer(name: string, fetchData: FetchData): Promise<Tokenizer> {
  const key = checkName(name);
  let p = pending.get(key);
  if (!p) {
    p = loaders[key](fetchData).then(
      (t) => {
        loaded.set(key, t);
        return t;
      },
      (e: unknown) => {
        pending.delete(key);
        throw e;
      },
    );
    pending.set(key, p);
  }
  return p;
}

/** A tokenizer that is ready now: word and char always, the others once loadTokenizer has resolved. */
export function getTokenizer(name: string): Tokenizer {
  const key = checkName(name);
  const t = loaded.get(key);
  if (!t) throw new Error(`tokenizer ${name} is not loaded yet: use loadTokenizer`);
  return t;
}
