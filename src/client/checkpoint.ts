// What choosing a checkpoint's tables does to the spec: the token table becomes the embedding source (with the
// tokenizer its row count implies), the position table becomes the learned scheme, and d follows the tables.
import type { CheckpointInfo } from '../protocol/messages.ts';
import type { RunSpec } from '../protocol/specs.ts';
import { tokenizerForRows } from '../tokenizers/about/index.ts';

function shapeOf(info: CheckpointInfo, name: string | null): number[] | null {
  return info.tensors.find((t) => t.name === name)?.shape ?? null;
}

/** The spec change that puts a checkpoint's chosen tables to use. */
export function applyCheckpoint(
  spec: RunSpec,
  info: CheckpointInfo,
  choice: { token: string | null; position: string | null },
): Partial<RunSpec> {
  const patch: Partial<RunSpec> = { checkpoint: choice };
  const tok = shapeOf(info, choice.token);
  const pos = shapeOf(info, choice.position);
  if (tok?.length === 2) {
    patch.embedding = 'checkpoint';
    patch.d = tok[1];
    const guess = tokenizerForRows(tok[0]);
    if (guess) patch.tokenizer = guess;
  } else if (spec.embedding === 'checkpoint') patch.embedding = 'random';
  if (pos?.length === 2) {
    patch.pe = 'learned';
    patch.d ??= pos[1];
  }
  return patch;
}
