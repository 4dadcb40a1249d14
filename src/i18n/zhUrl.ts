// URL 参数取值被拒绝的原因（enUrl.ts 的翻译），出现在 notice.urlBad 的括号里。
import type { EN_URL } from './enUrl.ts';

export const ZH_URL: Record<keyof typeof EN_URL, string> = {
  'url.oneOf': '不是 {list} 中的一个',
  'url.int': '必须是 {min} 到 {max} 之间的整数',
  'url.evenInt': '必须是 {min} 到 {max} 之间的偶数',
  'url.number': '必须是 {min} 到 {max} 之间的数',
  'url.aboveAtMost': '必须是大于 {min}、不超过 {max} 的数',
  'url.between01': '必须是 0 到 1 之间的数（不含 0 和 1）',
  'url.finite': '必须是有限的数',
  'url.base': '必须是大于 1 的数（且不超过 1e12）',
  'url.seed': '必须是 ±{max} 以内的整数',
  'url.flag': '必须是 1 或 0',
  'url.names': '必须是 {list} 中互不相同的名字，用逗号分隔',
  'url.dims': '必须是最多 16 个用逗号分隔、小于 d = {d} 的维度',
  'url.ranges': '必须是递增的行号或区间（如 0-3,7），且小于 {max:n}',
  'url.tensor': '必须是 1 到 200 个可打印字符的张量名',
  'url.numbers': '必须是最多 {max} 个用逗号分隔的正数',
  'url.window': '必须是两个位置 A-B（含两端），最多 {max} 行',
  'url.model': '不是已知的模型（可选 {list}）',
  'url.refused': '被拒绝：{reason}',
  'url.firstRows': '开头的行',
  'notice.window': '{reason}改为显示开头的行。',
};
