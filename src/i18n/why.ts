// The reasons the URL validators give (`is not one of …`, `must be an integer from … to …`) in another language.
// The validators (client/urlState.ts, trainUrl.ts, ropeUrl.ts, protocol/) write them in English; the common
// shapes are rendered here for the notice frame, and any other reason is shown as written.
import type { Lang } from './lang.ts';

const ZH: [RegExp, string][] = [
  [/^is not one of (.+)$/, '不是 $1 中的一个'],
  [/^must be an even integer from (\S+) to (\S+)$/, '必须是 $1 到 $2 之间的偶数'],
  [/^must be an integer from (\S+) to (\S+)$/, '必须是 $1 到 $2 之间的整数'],
  [/^must be a number from (\S+) to (\S+)$/, '必须是 $1 到 $2 之间的数'],
  [/^must be a number above (\S+) and at most (\S+)$/, '必须是大于 $1、不超过 $2 的数'],
  [/^must be 1 or 0$/, '必须是 1 或 0'],
  [/^must be a finite number$/, '必须是有限的数'],
];

/** A validator's reason in `lang` (English as written; an unknown shape stays English). */
export function why(lang: Lang, reason: string): string {
  if (lang === 'en') return reason;
  for (const [re, zh] of ZH) if (re.test(reason)) return reason.replace(re, zh);
  return reason;
}
