// Names the Training panel shows for its schemes and tasks (shared by the form and the results): string keys
// (i18n/en.ts), or null where the name is the same in every language (RoPE, ALiBi).
import type { PositionScheme, TaskName } from '../protocol/training.ts';
import type { Key } from '../i18n/t.ts';

const SCHEME_KEYS: Record<PositionScheme, Key | null> = {
  learned: 'train.scheme.learned',
  sinusoidal: 'train.scheme.sinusoidal',
  rope: null,
  alibi: null,
  none: 'train.scheme.none',
};
const SCHEME_NAMES: Record<PositionScheme, string> = {
  learned: 'learned',
  sinusoidal: 'sinusoidal',
  rope: 'RoPE',
  alibi: 'ALiBi',
  none: 'none',
};

/** A scheme's label in the language of `t`. */
export function schemeLabel(t: (key: Key) => string, s: PositionScheme): string {
  const key = SCHEME_KEYS[s];
  return key ? t(key) : SCHEME_NAMES[s];
}

export const TASK_LABELS: Record<TaskName, Key> = {
  reverse: 'train.task.reverse',
  copy: 'train.task.copy',
  charlm: 'train.task.charlm',
};
