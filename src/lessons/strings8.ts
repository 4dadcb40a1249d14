// The strings of lesson step 8 (RoPE context extension), English and Chinese; strings.ts merges them into its
// tables. Numbers are those of scripts/reference/lesson7.py; lessons.test.ts checks them against the rules.

export const S8_EN = {
  's8.title': 'Past the training length: RoPE context extension',
  's8.body':
    'RoPE turns pair i of q and k by p·θ_i, with θ_i = base^(−2i/n). The fast pairs (small i) complete ' +
    'hundreds of turns within the context L the model was trained on, so every angle they meet later was ' +
    'already seen in training. The slow pairs (large i, low frequency) turn less than once within L: past L ' +
    'they reach angles the model has never seen, and they break first. Context extension changes the ' +
    'frequencies before the model reads longer texts. Position interpolation (PI, rope_type linear) divides ' +
    'every θ_i by the factor s, so s·L positions fit into the trained angles; but the fast pairs slow down too, ' +
    'and neighbouring tokens become harder to tell apart. NTK-aware scaling raises the base to base·s^(n/(n−2)) ' +
    'instead: the fastest pair is untouched and the slowest is divided by exactly s. YaRN divides only the ' +
    'pairs that turn fewer than beta_slow times within L, keeps those that turn more than beta_fast times, ' +
    'ramps between them, and multiplies q and k by 0.1·ln s + 1. Llama 3.1’s rule (llama3) splits by ' +
    'wavelength: kept below L/high_freq_factor, divided by s above L/low_freq_factor, smoothed in between.',
  's8.look':
    'The RoPE section of the lab: RoPE frequencies (Export CSV gives each pair’s region), the wavelengths ' +
    'against L (the marked pairs never complete a turn in training), q·k against offset for the unscaled and ' +
    'the scaled rule, and the angle each pair reaches at position N − 1 against the largest it reached in ' +
    'training.',
  's8.formula':
    'θ_i equals base to the minus 2i over n. PI divides θ_i by s. NTK uses base times s to the n over n minus 2 ' +
    'as its base. YaRN and llama3 mix θ_i over s and θ_i with a weight γ_i that goes from 0 for fast pairs to 1 ' +
    'for slow ones.',
  's8.try.default': 'No scaling (default)',
  's8.note.default':
    'Pairs 41 to 63, 23 of 64, turn less than once in L = 2048. In the angles view their angle at position ' +
    '8191 is about 4 times the largest they reached in training.',
  's8.try.linear': 'PI: linear, factor 4',
  's8.note.linear':
    'Every θ_i is divided by 4, so no angle is new any more; but the fastest pair now turns ≈ 81 times within ' +
    'L instead of ≈ 326.',
  's8.try.ntk': 'NTK: factor 4',
  's8.note.ntk':
    'The base becomes 10,000·4^(128/126) ≈ 40,890: pair 0 keeps its frequency and pair 63 is divided by ' +
    'exactly 4.',
  's8.try.yarn': 'YaRN: factor 4',
  's8.note.yarn':
    'Pairs 0 to 16 are kept, 41 to 63 divided by 4, and 17 to 40 ramped between; the cos and sin tables grow ' +
    'by a = 0.1·ln 4 + 1 ≈ 1.1386 (q·k by a²).',
  's8.try.llama3': 'llama3: factor 4, low 1, high 4',
  's8.note.llama3':
    '31 pairs with wavelength below L/4 = 512 are kept, 23 above L = 2048 divided by 4, and 10 smoothed in ' +
    'between.',
} satisfies Record<string, string>;

export const S8_ZH: Record<keyof typeof S8_EN, string> = {
  's8.title': '超出训练长度：RoPE 的上下文扩展',
  's8.body':
    'RoPE 把 q 和 k 的第 i 对维度转过 p·θ_i，其中 θ_i = base^(−2i/n)。快的维度对（i 小）在模型训练时的上下文' +
    '长度 L 内要转几百圈，之后遇到的每个角度在训练中都已出现过。慢的维度对（i 大，低频）在 L 内转不满一圈：' +
    '超过 L 之后，它们转到的角度模型从未见过，所以最先出问题。上下文扩展就是在模型读更长的文本之前先改这些' +
    '频率。位置插值（PI，rope_type linear）把每个 θ_i 都除以扩展倍数 s，于是 s·L 个位置都落进训练过的角度范围；' +
    '代价是快的维度对也变慢了，相邻词元更难区分。NTK-aware 缩放则把底数提高到 base·s^(n/(n−2))：最快的一对' +
    '不变，最慢的一对正好除以 s。YaRN 只把在 L 内转不到 beta_slow 圈的维度对除以 s，转超过 beta_fast 圈的保持' +
    '不变，两者之间逐渐过渡，并把 q 和 k 乘以 0.1·ln s + 1。Llama 3.1 的规则（llama3）按波长划分：波长小于 ' +
    'L/high_freq_factor 的保持不变，大于 L/low_freq_factor 的除以 s，中间平滑过渡。',
  's8.look':
    '实验区的 RoPE 部分：RoPE 频率（导出的 CSV 里有每一对所属的区段），与 L 对比的波长（标出的维度对' +
    '在训练中转不满一圈），未缩放和缩放后的规则下 q·k 随偏移的变化，以及每一对在位置 N − 1 处的角度与它在' +
    '训练中达到的最大角度的对比。',
  's8.formula':
    'θ_i 等于 base 的负 2i/n 次方。PI 把 θ_i 除以 s。NTK 以 base 乘 s 的 n/(n − 2) 次方作为底数。YaRN 和 ' +
    'llama3 用权重 γ_i 混合 θ_i/s 与 θ_i，γ_i 对快的维度对为 0，对慢的为 1。',
  's8.try.default': '不缩放（default）',
  's8.note.default':
    '第 41 到 63 对（64 对中的 23 对）在 L = 2048 内转不满一圈。在角度图中，它们在位置 8191 的角度约为训练中' +
    '最大角度的 4 倍。',
  's8.try.linear': 'PI：linear，倍数 4',
  's8.note.linear': '每个 θ_i 都除以 4，不再出现新的角度；但最快的一对在 L 内只转 ≈ 81 圈，而不是 ≈ 326 圈。',
  's8.try.ntk': 'NTK：倍数 4',
  's8.note.ntk': '底数变为 10,000·4^(128/126) ≈ 40,890：第 0 对的频率不变，第 63 对正好除以 4。',
  's8.try.yarn': 'YaRN：倍数 4',
  's8.note.yarn':
    '第 0 到 16 对保持不变，第 41 到 63 对除以 4，第 17 到 40 对在两者之间过渡；cos 和 sin 表乘以 ' +
    'a = 0.1·ln 4 + 1 ≈ 1.1386（q·k 乘以 a²）。',
  's8.try.llama3': 'llama3：倍数 4，low 1，high 4',
  's8.note.llama3': '波长小于 L/4 = 512 的 31 对保持不变，大于 L = 2048 的 23 对除以 4，中间 10 对平滑过渡。',
};
