// The typed map of model presets (issue #15 item 3): a missing entry is a type error, an unknown name throws.
import type { ModelPreset } from './preset.ts';
import { gpt2 } from './gpt2.ts';
import { bertBaseUncased } from './bert-base-uncased.ts';
import { t5Base } from './t5-base.ts';
import { bloom560m } from './bloom-560m.ts';
import { llama2_7b } from './llama-2-7b.ts';
import { llama31_8b } from './llama-3.1-8b.ts';
import { llama32_1b } from './llama-3.2-1b.ts';
import { qwen3_8b } from './qwen3-8b.ts';
import { gemma3_4b } from './gemma-3-4b.ts';
import { mistral7bV03 } from './mistral-7b-v0.3.ts';
import { deepseekV3 } from './deepseek-v3.ts';
import { unknownName } from '../protocol/msg.ts';

export const MODELS = [
  'gpt2',
  'bert-base-uncased',
  't5-base',
  'bloom-560m',
  'llama-2-7b',
  'llama-3.1-8b',
  'llama-3.2-1b',
  'qwen3-8b',
  'gemma-3-4b',
  'mistral-7b-v0.3',
  'deepseek-v3',
] as const;
export type ModelName = (typeof MODELS)[number];
export type { ModelPreset } from './preset.ts';

const presets: { [K in ModelName]: ModelPreset } = {
  gpt2,
  'bert-base-uncased': bertBaseUncased,
  't5-base': t5Base,
  'bloom-560m': bloom560m,
  'llama-2-7b': llama2_7b,
  'llama-3.1-8b': llama31_8b,
  'llama-3.2-1b': llama32_1b,
  'qwen3-8b': qwen3_8b,
  'gemma-3-4b': gemma3_4b,
  'mistral-7b-v0.3': mistral7bV03,
  'deepseek-v3': deepseekV3,
};

export function getModel(name: string): ModelPreset {
  if (Object.prototype.hasOwnProperty.call(presets, name)) return presets[name as ModelName];
  throw unknownName('model', name);
}
