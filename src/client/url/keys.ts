// The one table of URL keys, in parse order (a key may read keys before it: dims reads d). urlState.ts walks it
// to parse a hash and to write one; each key is defined once, in the module of its group. Adding a key is one
// entry in its group (or a new group here).
import type { AnyUrlKey } from './key.ts';
import { MODEL_KEY } from './model.ts';
import { SPEC_KEYS } from './spec.ts';
import { ROPE_KEYS } from './rope.ts';
import { PAGE_KEYS, PROJECTION_KEYS, VIEW_KEYS } from './view.ts';
import { TRAIN_KEYS } from './train.ts';
import { WORKSPACE_KEYS } from './workspace.ts';
import { WINDOW_KEYS } from './window.ts';

export const URL_KEYS: readonly AnyUrlKey[] = [
  MODEL_KEY, // first: every later key overrides what the preset set
  ...SPEC_KEYS,
  ...ROPE_KEYS,
  ...VIEW_KEYS,
  ...PROJECTION_KEYS,
  ...PAGE_KEYS,
  ...TRAIN_KEYS,
  ...WORKSPACE_KEYS,
  ...WINDOW_KEYS,
];
