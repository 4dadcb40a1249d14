// The positional-encoding schemes' on-screen words (label, blurb, why a pitfall fails, the bias caption) in each
// language, and the RoPE frequency rules' and tokenizers' labels. English is the schemes' own about/ catalog (encodings/about/, the one source); Chinese is written here,
// one entry per scheme (a missing scheme is a type error; i18n.test.ts checks fails/biasCaption are present
// wherever the catalog has them). Papers are citations and stay as published; formulas stay KaTeX.
import { CATALOG, ROPE_CATALOG } from '../encodings/catalog.ts';
import type { EncodingName, TokenizerName } from '../protocol/specs.ts';
import type { RopeType } from '../protocol/rope.ts';
import { TOKENIZER_ABOUT } from '../tokenizers/about/index.ts';
import type { Lang } from './lang.ts';

export interface SchemeWords {
  label: string;
  blurb: string;
  fails?: string;
  biasCaption?: string;
  /** The paper, as published (a citation is never translated), or what stands in for one. */
  paper: string;
  /** True when `paper` is this language's own words (not a citation left as written). */
  paperTranslated: boolean;
}

/** Chinese for the schemes whose "paper" line is not a citation but a remark. */
const PAPER_ZH: Partial<Record<EncodingName, string>> = {
  none: '对照组',
  'pitfall-linear': '没有出处：教程中对 Vaswani et al. 2017 的错误抄写',
  'pitfall-scalar': '没有出处：被错误地归于 BERT，而 BERT 用的是可学习的位置表',
};

export const SCHEMES_ZH: Record<EncodingName, Omit<SchemeWords, 'paper' | 'paperTranslated'>> = {
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
  const { label, blurb, fails, biasCaption, paper } = CATALOG[name];
  if (lang === 'en') return { label, blurb, fails, biasCaption, paper, paperTranslated: true };
  const own = PAPER_ZH[name];
  return { ...SCHEMES_ZH[name], paper: own ?? paper, paperTranslated: own !== undefined };
}

/** The RoPE frequency rules' names and one-line blurbs in Chinese (English: encodings/rope/about/). */
const ROPE_ZH: Record<RopeType, { label: string; blurb: string }> = {
  default: { label: '默认', blurb: 'θ_i = base^(−2i/n)：模型训练时使用的频率，保持不变。' },
  linear: {
    label: '线性（位置插值）',
    blurb: '每个频率都除以 factor：把位置压缩回训练过的范围之内。',
  },
  ntk: {
    label: 'NTK-aware',
    blurb: '底数增大为 base·factor^(n/(n−2))：最快的一对保持不变，最慢的一对除以 factor。',
  },
  dynamic: {
    label: '动态 NTK',
    blurb: '随序列长度增大的 NTK 缩放：只有超过 original_context 后底数才改变（这里按最大位置数计算）。',
  },
  yarn: {
    label: 'YaRN',
    blurb:
      '在 original_context 内转动超过 beta_fast 圈的对保持不变，少于 beta_slow 圈的对除以 factor，两者之间逐渐过渡；' +
      'cos 和 sin 乘以 0.1·ln(factor) + 1。',
  },
  llama3: {
    label: 'Llama 3.1',
    blurb:
      '波长小于 original_context/high_freq_factor 的对保持不变，大于 original_context/low_freq_factor 的除以 factor，' +
      '两者之间平滑过渡。',
  },
  longrope: {
    label: 'LongRoPE',
    blurb:
      '每一对除以各自搜索得到的因子：超过 original_context 时用 long_factor，之内用 short_factor；' +
      'cos 和 sin 乘以 √(1 + ln factor / ln original_context)。',
  },
};

/** A RoPE frequency rule's name and blurb in a language: the catalog's own in English. */
export function ropeRuleWords(lang: Lang, rule: RopeType): { label: string; blurb: string } {
  const { label, blurb } = ROPE_CATALOG[rule];
  return lang === 'en' ? { label, blurb } : ROPE_ZH[rule];
}

/** Tokenizer labels that are descriptions rather than names (the others read the same in every language). */
const TOKENIZER_ZH: Partial<Record<TokenizerName, string>> = {
  word: 'word（词表查找）',
  char: 'char（字素簇）',
};

/** A tokenizer's label in a language (English: tokenizers/about/). */
export function tokenizerLabel(lang: Lang, name: TokenizerName): string {
  return (lang === 'en' ? undefined : TOKENIZER_ZH[name]) ?? TOKENIZER_ABOUT[name].label;
}
