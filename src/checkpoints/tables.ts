// Which tensors of a checkpoint are the token-embedding table and the learned position table, guessed from the
// names Hugging Face's model classes give them (read from each model's modeling_*.py and its hub files):
//   GPT-2 / MPT / Qwen 1     wte.weight, wpe.weight (often under transformer.)
//   BERT / RoBERTa / BLOOM   (bert.)embeddings.word_embeddings.weight, embeddings.position_embeddings.weight
//   LLaMA / Mistral / Qwen2+ / Gemma / DeepSeek   model.embed_tokens.weight (RoPE: no position table)
//   GPT-NeoX / Pythia        gpt_neox.embed_in.weight;  OPT / Whisper  embed_tokens, embed_positions
//   CLIP                     token_embedding.weight, position_embedding.weight;  T5  shared.weight
//   Meta's original LLaMA    tok_embeddings.weight
// Pure: it sees names and shapes only.

const TOKEN_NAMES = [
  'wte',
  'embed_tokens',
  'word_embeddings',
  'tok_embeddings',
  'token_embedding',
  'embed_in',
  'shared',
];
const POSITION_NAMES = [
  'wpe',
  'position_embeddings',
  'embed_positions',
  'position_embedding',
  'positional_embedding',
  'pos_embed',
  'pos_emb',
];

/** A name that says "position table" anywhere, for a file that holds a single table (wpe.npy, pos_emb.npy). */
const POSITION_HINT = /wpe|position|pos_?emb/i;

interface Named {
  name: string;
  shape: readonly number[];
}

/**
 * Guesses the token-embedding and learned-position tables: 2-D tensors with a dot-separated name part such as
 * `wte` / `word_embeddings` / `embed_tokens` (token) or `wpe` / `position_embeddings` / `embed_positions`
 * (position); the shortest matching name wins, then file order. A position table as wide as the token table is
 * preferred. null where nothing matches (RoPE models such as LLaMA have no position table).
 * A file with a single 2-D tensor: a name that reads like a position table makes it the position table, else
 * it is the token table when `single` says a lone tensor is a table whatever its name (a .npy array).
 */
export function proposeTables(
  infos: readonly Named[],
  single: 'lone table is a token table' | 'names only' = 'names only',
): { token: string | null; position: string | null } {
  const tables = infos.filter((t) => t.shape.length === 2);
  if (tables.length === 1) {
    const { name } = tables[0];
    if (POSITION_HINT.test(name)) return { token: null, position: name };
    if (single === 'lone table is a token table') return { token: name, position: null };
  }
  const pick = (parts: string[], among: readonly Named[]) =>
    among
      .filter((t) => t.shape.length === 2 && t.name.split('.').some((p) => parts.includes(p)))
      .reduce<Named | null>((best, t) => (best && best.name.length <= t.name.length ? best : t), null);
  const token = pick(TOKEN_NAMES, tables);
  const sameWidth = token ? tables.filter((t) => t.shape[1] === token.shape[1]) : [];
  const position = pick(POSITION_NAMES, sameWidth) ?? pick(POSITION_NAMES, tables);
  return { token: token?.name ?? null, position: position?.name ?? null };
}
