// Names the Training panel shows for its schemes and tasks (shared by the form and the results).
import type { PositionScheme, TaskName } from '../protocol/training.ts';

export const SCHEME_LABELS: Record<PositionScheme, string> = {
  learned: 'learned',
  sinusoidal: 'sinusoidal',
  rope: 'RoPE',
  alibi: 'ALiBi',
  none: 'none',
};

export const TASK_LABELS: Record<TaskName, string> = {
  reverse: 'reverse the sequence',
  copy: 'copy the token k back',
  charlm: 'characters of Moby-Dick',
};
