// The positional-encoding schemes' on-screen words (label, blurb, why a pitfall fails, the bias caption) in each
// language. English is the schemes' own about/ catalog (encodings/about/, the one source); Chinese is written here,
// one entry per scheme (a missing scheme is a type error; i18n.test.ts checks fails/biasCaption are present
// wherever the catalog has them). Papers are citations and stay as published; formulas stay KaTeX.
import { CATALOG } from '../encodings/catalog.ts';
import type { EncodingName } from '../protocol/specs.ts';
import type { Lang } from './lang.ts';

export interface SchemeWords {
  label: string;
  blurb: string;
  fails?: string;
  biasCaption?: string;
}

export const SCHEMES_ZH: Record<EncodingName, SchemeWords> = {
  sinusoidal: {
    label: '正弦位置编码',
    blurb:
      'PE[p, 2i] = sin(p / base^(2i/d))，PE[p, 2i+1] = cos(p / base^(2i/d))。每一对维度都是一个以自己速度转动的时钟；' +
      '转得最快的（第 0 维）每隔 2π 个位置重复一次。',
  },
  learned: {
    label: '可学习位置编码（GPT-2、BERT）',
    blurb:
      '一张可训练的表，每个位置一行，加到词嵌入上。这里显示的是初始化状态，即 N(0, 0.02²) 噪声：' +
      '在训练之前，相邻位置之间没有任何联系。',
  },
  rope: {
    label: '旋转位置编码（RoPE）',
    blurb:
      '输入上什么也不加：查询和键的每一对维度都旋转 p·θ_i 角度，于是查询 m 与键 n 的注意力分数只取决于 m − n。' +
      '可以像论文那样交错成对 (2i, 2i+1)，也可以像 GPT-NeoX 和 Llama 那样对半旋转 (i, i + d/2)。',
  },
  alibi: {
    label: 'ALiBi',
    blurb:
      '输入上什么也不加：每个注意力头从注意力分数中减去它的斜率乘以距离 |i − j|。' +
      '各头的斜率构成等比数列，8 个头时为 1/2 … 1/256。',
    biasCaption: '加到注意力分数上：−m·|i − j|。',
  },
  t5: {
    label: 'T5 相对位置偏置',
    blurb:
      '每个注意力头按偏移 j − i 所在的桶加上一个可学习的标量：小偏移各占一个桶，较大的偏移共用按对数变宽的桶，' +
      '超过最大距离的偏移都落在最后一个桶里。',
    biasCaption: '每个桶、每个头一个可学习标量（固定种子初始化）。',
  },
  none: {
    label: '无位置编码',
    blurb: '什么也不加：X = E。把词的顺序打乱，X 只是行被打乱了，所以模型分辨不出词序。',
  },
  'pitfall-linear': {
    label: '错误示范：线性的 p / base^(i/d)',
    blurb: '把正弦位置编码公式里的 sin 和 cos 去掉，并把 2i 写成了 i。',
    fails:
      '没有上界：第 0 维就是 p 本身，编码随位置线性增长，p 很大时会淹没词嵌入，X 几乎只剩位置信息，而没有词元信息。',
  },
  'pitfall-scalar': {
    label: '错误示范：标量 sin + cos',
    blurb: '每个位置只有一个数 sin(πp/N) + cos(πp/N)，复制到每一个维度上。',
    fails:
      '每个维度都是同一个数，而这个数 √2·sin(πp/N + π/4) 会重复：位置 p 和 N/2 − p 得到完全相同的行，' +
      '模型无法区分它们。',
  },
};

/** A scheme's words in a language: the catalog's own in English. */
export function schemeWords(lang: Lang, name: EncodingName): SchemeWords {
  if (lang === 'en') {
    const { label, blurb, fails, biasCaption } = CATALOG[name];
    return { label, blurb, fails, biasCaption };
  }
  return SCHEMES_ZH[name];
}
