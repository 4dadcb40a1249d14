// The shape of a model preset (issue #15 item 3): the published config.json values a preset is built from, quoted
// in the file that defines it, and the Embedscope settings they give. Data only (no tfjs): the UI may import it.
import type { EncodingName, EncodingParams } from '../protocol/specs.ts';

export interface ModelPreset {
  /** The URL value of model=. */
  id: string;
  label: string;
  /** Hugging Face repository of the published config.json. */
  hf: string;
  /** Where the quoted numbers were read, and anything not confirmed from a stored copy. */
  source: string;
  /** The config.json keys this preset uses, as published (nested rope_scaling kept as it is). */
  config: Readonly<Record<string, unknown>>;
  /**
   * Tokenizer registry name. llama3, qwen3, gemma3 and deepseek-v3 arrive with #15 item 1; llama2, t5, bloom
   * and mistral are not in the registry yet (the wiring must say so rather than substitute another).
   */
  tokenizer: string;
  /** d_model (hidden_size); several exceed today's LIMITS.dMax = 2048. */
  d: number;
  pe: EncodingName;
  params: Partial<EncodingParams>;
  /** What `params` stand for when the model has variants (Gemma 3: its global layers). */
  paramsLabel?: string;
  /** Further position settings the same model uses (Gemma 3: its local sliding-window layers' base). */
  variants?: ReadonlyArray<{ label: string; params: Partial<EncodingParams> }>;
}
