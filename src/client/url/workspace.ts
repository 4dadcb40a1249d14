// The URL keys of the workspace (issue #16): `tab`, the visible tab below the top band, and `compare`, the
// 2–4 schemes side by side in the Compare tab (`sinusoidal,rope:yarn,alibi`). A bad value leaves a notice naming
// the key and keeps the default; the rest of the state is kept.
import { compareProblem } from '../../protocol/compare.ts';
import { TABS, type Tab, type ViewState } from './state.ts';
import { choiceCodec, type AnyUrlKey, type UrlKey } from './key.ts';

export const tabKey: UrlKey<Tab> = {
  name: 'tab',
  get: (v) => v.tab,
  set: (v, tab) => ({ ...v, tab }),
  ...choiceCodec(TABS),
};

export const compareKey: UrlKey<string[]> = {
  name: 'compare',
  get: (v) => v.compare,
  set: (v: ViewState, compare) => ({ ...v, compare }),
  parse: (raw) => {
    const names = raw.split(',');
    const why = compareProblem(names);
    return why ? { why } : { value: names };
  },
  format: (names) => names.join(','),
  show: (names) => JSON.stringify(names.join(',')),
};

export const WORKSPACE_KEYS: AnyUrlKey[] = [tabKey, compareKey];
