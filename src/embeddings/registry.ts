// The typed map of token-embedding sources: a missing entry is a type error, an unknown name throws. Adding a
// source is one file under sources/, one test and one line here.
import type { EmbeddingName } from '../protocol/specs.ts';
import type { EmbeddingSource } from './source.ts';
import { random } from './sources/random.ts';
import { gloveSource } from './sources/glove.ts';
import { useSource } from './sources/use.ts';
import { checkpoint } from './sources/checkpoint.ts';
import { pitfallSigmoid } from './sources/pitfall-sigmoid.ts';
import { unknownName } from '../protocol/msg.ts';

const sources: { [K in EmbeddingName]: EmbeddingSource } = {
  random,
  'glove-100d': gloveSource,
  'use-lite': useSource,
  checkpoint,
  'pitfall-sigmoid': pitfallSigmoid,
};

export function getEmbeddingSource(name: string): EmbeddingSource {
  if (Object.prototype.hasOwnProperty.call(sources, name)) return sources[name as EmbeddingName];
  throw unknownName('embedding', name);
}
