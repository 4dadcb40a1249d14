// A tokenizer from a Hugging Face tokenizer.json, run by tokenizers.js (@huggingface/tokenizers), which gives ids
// and pieces but no offsets. Spans come from the pieces' bytes (spans.ts):
// - byte-level BPE (Llama 3, Qwen3, DeepSeek-V3): a piece's bytes are its characters through GPT-2's byte map;
// - SentencePiece-style BPE (Gemma 3): a piece <0xNN> is one byte (byte fallback), any other piece its UTF-8, ▁
//   included, matched against the normalized text (where spaces became ▁);
// - an added token (special or not) is its content's bytes where the text holds it, else (a <bos> the
//   post-processor adds) no bytes.
// Which of the first two applies is read from tokenizer.json (a ByteLevel decoder), never from the name.
import { Tokenizer as HfTokenizer } from '@huggingface/tokenizers';
import type { Token } from '../protocol/messages.ts';
import type { TokenizerName } from '../protocol/specs.ts';
import { sha256Hex } from '../embeddings/shipped.ts';
import { BYTE_TO_UNICODE } from './byteLevel.ts';
import { normalizeWithMap, spansOf } from './spans.ts';
import type { Tokenizer } from './tokenizer.ts';

/** The parts of tokenizer.json read here (tokenizers.js reads the rest). */
interface TokenizerJson {
  model: { vocab: Record<string, number>; unk_token?: string | null; byte_fallback?: boolean };
  added_tokens: { id: number; content: string }[];
  decoder: unknown;
}

function isJson(x: unknown): x is TokenizerJson {
  const j = x as Partial<TokenizerJson> | null;
  return (
    typeof j === 'object' && j !== null && typeof j.model?.vocab === 'object' && Array.isArray(j.added_tokens)
  );
}

/** Whether a decoder (or a Sequence of them) includes ByteLevel. */
function hasByteLevel(decoder: unknown): boolean {
  const d = decoder as { type?: string; decoders?: unknown[] } | null;
  if (!d) return false;
  return d.type === 'ByteLevel' || (d.decoders ?? []).some(hasByteLevel);
}

const UNICODE_TO_BYTE_LENGTH = new Map(BYTE_TO_UNICODE.map((ch) => [ch, 1]));
const encoder = new TextEncoder();

export function fromTokenizerJson(
  name: TokenizerName,
  json: unknown,
  config: Record<string, unknown>,
): Tokenizer {
  if (!isJson(json)) throw new Error(`${name}: not a tokenizer.json (no model.vocab or added_tokens)`);
  const hf = new HfTokenizer(json, config);
  const byteLevel = hasByteLevel(json.decoder);
  const byteFallback = json.model.byte_fallback === true;
  const added = new Map(json.added_tokens.map((t) => [t.id, t.content]));
  let maxId = 0;
  for (const id of Object.values(json.model.vocab)) maxId = Math.max(maxId, id);
  for (const id of added.keys()) maxId = Math.max(maxId, id);
  const unk = json.model.unk_token ? json.model.vocab[json.model.unk_token] : undefined;
  const normalizer = hf.normalizer;
  const normalize = normalizer ? (s: string) => normalizer.normalize(s) : null;

  /** Bytes of an ordinary (model) piece. */
  const pieceBytes = (piece: string): number => {
    if (byteLevel) {
      let n = 0;
      for (const ch of piece) n += UNICODE_TO_BYTE_LENGTH.get(ch) ?? encoder.encode(ch).length;
      return n;
    }
    if (byteFallback && /^<0x[0-9A-F]{2}>$/.test(piece)) return 1;
    return encoder.encode(piece).length;
  };

  return {
    name,
    vocabSize: maxId + 1,
    tokenize(text: string, special = true): Token[] {
      const { ids, tokens } = hf.encode(text, { add_special_tokens: special });
      const { normalized, stretches } = normalizeWithMap(text, normalize);
      const bytes = encoder.encode(normalized);
      const lengths: number[] = [];
      let at = 0;
      for (let i = 0; i < ids.length; i++) {
        const content = added.get(ids[i]);
        let len: number;
        if (content === undefined) len = pieceBytes(tokens[i]);
        else {
          const c = encoder.encode(content);
          const here = c.every((b, j) => bytes[at + j] === b);
          len = here ? c.length : 0;
        }
        lengths.push(len);
        at += len;
      }
      const spans = spansOf(text, stretches, lengths);
      return ids.map((id, i) => ({
        text: tokens[i],
        id,
        ...spans[i],
        unknown: id === unk,
      }));
    },
    piece: (id) => hf.id_to_token(id) ?? `#${id}`,
  };
}

/** The shipped file of a tokenizer.json tokenizer, gzipped: public/data/<name>-tokenizer.json.gz. */
export const tokenizerJsonFile = (name: TokenizerName) => `${name}-tokenizer.json.gz`;

/** Gunzips with the platform's DecompressionStream (browsers, workers and Node ≥ 18). */
export async function gunzipText(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/**
 * Loads <name>-tokenizer.json.gz and its sidecar (written by scripts/data/tokenizers.mjs: provenance, sizes and
 * the tokenizer_config.json fields tokenizers.js reads), checks size and sha256, and builds the tokenizer.
 */
export async function loadTokenizerJson(
  name: TokenizerName,
  fetchData: (file: string) => Promise<Uint8Array>,
): Promise<Tokenizer> {
  const file = tokenizerJsonFile(name);
  const [sidecarBytes, gz] = await Promise.all([fetchData(`${file}.json`), fetchData(file)]);
  const sidecar = JSON.parse(new TextDecoder().decode(sidecarBytes)) as {
    bytes?: number;
    sha256?: string;
    json?: { bytes?: number; sha256?: string };
    tokenizerConfig?: Record<string, unknown>;
  };
  // Some static servers (Vite's preview among them) send a .gz file with Content-Encoding: gzip, and the browser
  // hands over the JSON already decompressed: accept that form too, checked against the JSON's own size and hash.
  const decoded = sidecar.bytes !== gz.byteLength && sidecar.json?.bytes === gz.byteLength;
  const want = decoded ? sidecar.json : sidecar;
  if (want?.bytes !== gz.byteLength) {
    throw new Error(`public/data/${file} is ${gz.byteLength} bytes, but its sidecar says ${sidecar.bytes}`);
  }
  const sha = await sha256Hex(gz);
  if (sha !== undefined && sha !== want.sha256) {
    throw new Error(`public/data/${file} is corrupt: sha256 ${sha}, but its sidecar says ${want.sha256}`);
  }
  const json: unknown = JSON.parse(decoded ? new TextDecoder().decode(gz) : await gunzipText(gz));
  return fromTokenizerJson(name, json, sidecar.tokenizerConfig ?? {});
}
