// Every user-visible string of the Lessons mode, one flat table per language. `en` is the reference: its keys
// are the StringKey type, and every other language must have exactly the same keys (a type error otherwise).
// Conventions: keys are `ui.*` for the frame and `s<step>.*` for a step (title, body, look, formula = the
// formula's spoken label, try.<id> / note.<id> for a try-this button and what it shows). `{name}` is a
// placeholder filled by fill(). Published numbers are written out in full; lessons.test.ts checks them.

import { S7_EN, S7_ZH } from './strings7.ts';
import { S8_EN, S8_ZH } from './strings8.ts';

const en = {
  ...S8_EN,
  'ui.region': 'Lessons',
  'ui.stepOf': 'Step {k} of {n}',
  'ui.steps': 'Lesson steps',
  'ui.goTo': 'Go to step {k}: {title}',
  'ui.back': 'Back',
  'ui.next': 'Next',
  'ui.close': 'Close lessons',
  'ui.look': 'Where to look',
  'ui.tryThis': 'Try this',
  'ui.otherLang': '中文',
  'ui.otherLangLabel': 'Show the interface and the lessons in Chinese',

  's1.title': 'From text to token ids',
  's1.body':
    'A model never sees letters. A tokenizer first cuts the text into tokens, and a vocabulary table turns ' +
    'each token into an integer id. The word tokenizer here uses a small table built from a bundled corpus: ' +
    'each known word has its own id, and any word missing from the table becomes [UNK], id 0, so every ' +
    'unknown word looks exactly the same to the model. Subword tokenizers avoid this. GPT-2’s byte-level BPE ' +
    'has 50,257 tokens (256 bytes, 50,000 merges and one end-of-text token), so it can write any text: a ' +
    'rare word simply takes several tokens.',
  's1.look':
    'The Tokens panel: each chip shows a token, its id and its position p. Unknown words are marked [UNK].',
  's1.formula': 'The text s becomes tokens t_0 to t_(T−1), and each token t_p becomes an id x_p below V.',
  's1.try.example': 'Use the example sentence',
  's1.note.example': 'Twelve tokens. “The” and “the” are one word here: the word tokenizer lower-cases.',
  's1.try.unk': 'A word the table has never seen',
  's1.note.unk': '“quokka” is not in the table, so it becomes [UNK], id 0.',
  's1.try.gpt2': 'Same text, GPT-2’s BPE',
  's1.note.gpt2': 'No [UNK] now: GPT-2 writes “ quokka” as three pieces, “ qu”, “ok” and “ka”.',
  's1.try.char': 'One token per character',
  's1.note.char':
    'Every character, spaces included, is a token: “quokka” is spelled letter by letter, and 7 word tokens become 26.',

  's2.title': 'From ids to vectors: the embedding table',
  's2.body':
    'The embedding table W_E has one row of d numbers for each of the V ids. Embedding a token is a lookup: ' +
    'row x_p is copied out for the token at position p. This is a gather. It gives the same result as ' +
    'multiplying a one-hot vector by W_E, without doing the multiplication. The table holds V × d ' +
    'parameters. The word table here is small, but GPT-2’s is 50,257 × 768 = 38,597,376 numbers, about a ' +
    'third of its 124 million parameters. An id always gives the same row, wherever it stands: in the example ' +
    'sentence, “the” at positions 0, 4 and 7 gets one and the same vector.',
  's2.look':
    'The Token embeddings panel: one row per token; rows 0, 4 and 7 are identical. The Size and quantisation panel on the Data tab counts V × d.',
  's2.formula':
    'Row p of E is row x_p of the table W_E, which has V rows and d columns, so V times d parameters.',
  's2.try.example': 'Use the example sentence',
  's2.note.example': 'Rows 0, 4 and 7 (“the”) and rows 5 and 8 (“mat”) repeat exactly.',
  's2.try.wide': 'Twice as wide: d = 128',
  's2.note.wide': 'Twice the columns, so twice the parameters: V × 128.',
  's2.try.glove': 'Real word vectors: GloVe 100-d',
  's2.note.glove':
    'Trained vectors: related words get similar rows. Click a token to list its nearest neighbours.',
  's2.try.random': 'Back to the random table',
  's2.note.random': 'A seeded N(0, 1) table: its rows mean nothing until training shapes them.',

  's3.title': 'Why the model needs positions',
  's3.body':
    'Attention compares every token with every other token, and nothing in that comparison says where a token ' +
    'stands. With no positional encoding X = E, so shuffling the words only reorders the rows of X: the rows ' +
    'themselves are exactly the same. Self-attention without a causal mask then gives the same outputs, ' +
    'reordered in the same way, and the model cannot tell “the dog bit the man” from “the man bit the dog”. ' +
    'Adding a position vector to each row breaks this symmetry: the same word at another position gives a ' +
    'different row of X.',
  's3.look':
    'The Input panel and the Project tab (tokens, with positions): after a shuffle with no positions, the same ' +
    'rows and the same points come back in a new order.',
  's3.formula':
    'With PE equal to zero, X equals E. Permuting the tokens, X becomes P X, and attention of P X equals P ' +
    'times attention of X.',
  's3.try.shuffle': 'Shuffle the words, no positions',
  's3.note.shuffle': 'X = E: the same rows as before, only in a new order. Press again for another order.',
  's3.try.sinusoidal': 'Add sinusoidal positions back',
  's3.note.sinusoidal':
    'Each row of X now also depends on where its word stands, so the rows themselves change.',
  's3.try.example': 'Use the example sentence',
  's3.note.example': 'The sentence in its original order.',

  's4.title': 'Sines and cosines at many speeds',
  's4.body':
    'The original Transformer (Vaswani et al. 2017, §3.5) adds a fixed pattern: dimension pair i holds the ' +
    'sine and cosine of p·ω_i, with ω_i = 1/10000^(2i/d). Each pair is a clock turning at its own speed, and ' +
    'the wavelengths grow geometrically, from 2π ≈ 6.28 positions for the first pair towards 10000·2π ≈ ' +
    '62,832 for the last. The authors chose it because, for any fixed offset k, PE(p+k) is a linear function ' +
    'of PE(p): by the sum formulas for sine and cosine, moving k positions turns every pair by the angle ' +
    'k·ω_i, whatever p is. So PE(p+k) = M_k·PE(p) with one fixed rotation M_k, and PE(p)·PE(p+k) = Σ cos(k·ω_i) ' +
    'depends only on the offset k.',
  's4.look':
    'The lab: the position table, the curves of the chosen dimensions, the wavelength ladder, and the ' +
    'similarity matrix, which is constant along each diagonal.',
  's4.formula':
    'PE at position p, dimension 2i, is sine of p omega i; dimension 2i plus 1 is cosine of p omega i. Moving ' +
    'k positions multiplies each pair by a rotation matrix by the angle k omega i.',
  's4.try.fast': 'Plot the fastest pair (dims 0, 1)',
  's4.note.fast': 'Dimensions 0 and 1 repeat every 2π ≈ 6.28 positions.',
  's4.try.pair10': 'Plot pair 10 (dims 20, 21)',
  's4.note.pair10': 'At d = 64, pair 10 has wavelength 2π·10000^(20/64) ≈ 111.7 positions.',
  's4.try.base100': 'A smaller base: 100',
  's4.note.base100':
    'The ladder is squeezed: at d = 64 the slowest pair now repeats every ≈ 544 positions instead of ≈ 47,117.',
  's4.try.base10000': 'Back to the paper’s base, 10000',
  's4.note.base10000': 'Wavelengths from 2π up to ≈ 47,117 positions at d = 64.',

  's5.title': 'Learned or fixed, and longer inputs',
  's5.body':
    'GPT-2 and BERT use no formula: they learn a table W_pos with one row per position, initialised as small ' +
    'noise, N(0, 0.02²), and trained like any other weight. GPT-2’s table has 1024 rows of 768 numbers ' +
    '(786,432 parameters); BERT’s has 512 rows. Vaswani et al. found that learned and sinusoidal positions ' +
    'gave nearly identical results (Table 3, row E). The difference shows past the training length L. A ' +
    'learned row for a position never seen in training gets no gradient and stays noise, and a table of 1024 ' +
    'rows has no row 1024 at all, so GPT-2 cannot read a longer input. The sinusoidal formula gives a vector ' +
    'for every position, but that does not mean the model can use them: Press et al. (2022) showed that ' +
    'sinusoidal models also fail when run well past their training length.',
  's5.look':
    'The lab shades rows at or past the training length L. In the Checkpoint panel on the Data tab, drop GPT-2’s ' +
    'model.safetensors to see its trained 1024 × 768 table. The Train tab trains a small model and ' +
    'shows its table as it forms.',
  's5.formula':
    'A learned table W_pos has rows for positions 0 to N minus 1 only; the sinusoidal formula is defined for ' +
    'every position. Rows at or past the training length L get zero gradient.',
  's5.try.sinusoidal': 'Switch to sinusoidal',
  's5.note.sinusoidal':
    'The formula fills every row, shaded or not. Whether a model can use those rows is another matter.',
  's5.try.learned': 'Back to learned',
  's5.note.learned':
    'An untrained table: rows of N(0, 0.02²) noise, with no relation between neighbouring positions.',
  's5.try.short': 'Shorter training: L = 128',
  's5.note.short': 'Rows 128 and later are now past the training length.',

  's6.title': 'Position inside attention: RoPE and ALiBi',
  's6.body':
    'Many newer models add nothing to X. RoPE (Su et al. 2021) rotates each pair of query and key dimensions ' +
    'by an angle proportional to the position, giving R_m q and R_n k. Rotations compose, so their dot ' +
    'product depends only on the offset n − m, not on where the pair stands. Llama and GPT-NeoX use it; ' +
    'Llama 3 sets its base to 500,000 instead of 10,000. ALiBi (Press et al. 2022) uses no vectors at all: ' +
    'head h subtracts m_h·(i − j) from the attention score, a penalty that grows with distance, with slopes ' +
    '1/2, 1/4, …, 1/256 for 8 heads. A 1.3-billion-parameter ALiBi model trained on 1024 tokens reached, on ' +
    '2048 tokens, the perplexity of a sinusoidal model trained on 2048.',
  's6.look':
    'The lab: with RoPE, the scores of the first token placed at every pair of positions are constant along ' +
    'each diagonal; with ALiBi, the table of slopes and each head’s bias matrix.',
  's6.formula':
    'The dot product of R_m q and R_n k equals q transposed times R_(n minus m) times k. ALiBi: the score of ' +
    'query i and key j is q_i dot k_j minus m_h times (i minus j), with slopes m_h equal to 2 to the minus 8 h ' +
    'over H.',
  's6.try.alibi': 'Switch to ALiBi',
  's6.note.alibi': 'Biases, not vectors: X = E, and head h adds −m_h·|i − j| to its scores.',
  's6.try.rope': 'Back to RoPE',
  's6.note.rope': 'Rotations keep the lengths of q and k; only their angles change with position.',
  's6.try.llama3': 'Llama 3’s base: 500,000',
  's6.note.llama3':
    'Slower clocks: at d = 64 the slowest pair now needs ≈ 2.08 million positions for one turn, against ≈ ' +
    '47,117 at base 10,000.',
  's6.try.heads16': 'ALiBi with 16 heads',
  's6.note.heads16': 'Sixteen slopes: 2^(−1/2), 2^(−1), …, 2^(−8) = 1/256.',
  ...S7_EN,
} satisfies Record<string, string>;

export type StringKey = keyof typeof en;
export type Strings = Record<StringKey, string>;

const zh: Strings = {
  ...S8_ZH,
  'ui.region': '课程',
  'ui.stepOf': '第 {k} 步，共 {n} 步',
  'ui.steps': '课程步骤',
  'ui.goTo': '跳到第 {k} 步：{title}',
  'ui.back': '上一步',
  'ui.next': '下一步',
  'ui.close': '关闭课程',
  'ui.look': '看哪里',
  'ui.tryThis': '试一试',
  'ui.otherLang': 'English',
  'ui.otherLangLabel': '用英文显示界面和课程',

  's1.title': '从文本到词元编号',
  's1.body':
    '模型看不到字母。分词器先把文本切成词元（token），再由词汇表把每个词元换成一个整数编号（id）。这里的 word ' +
    '分词器用的是由一小段内置语料建成的词汇表：认识的词各有自己的编号，表里没有的词一律变成 [UNK]，编号为 0，' +
    '所以在模型看来，所有未知词都一模一样。子词分词器可以避免这个问题：GPT-2 的字节级 BPE 有 50,257 个词元' +
    '（256 个字节、50,000 次合并，外加一个文本结束符），任何文本都能写出来，生僻词只是多占几个词元。',
  's1.look': '“词元”面板：每个小方块显示一个词元、它的编号和位置 p。未知词标为 [UNK]。',
  's1.formula': '文本 s 变成词元 t_0 到 t_(T−1)，每个词元 t_p 变成一个小于 V 的编号 x_p。',
  's1.try.example': '使用示例句子',
  's1.note.example': '共 12 个词元。这里 “The” 和 “the” 是同一个词：word 分词器会转成小写。',
  's1.try.unk': '一个词汇表里没有的词',
  's1.note.unk': '“quokka” 不在词汇表里，所以变成 [UNK]，编号 0。',
  's1.try.gpt2': '同一段文本，改用 GPT-2 的 BPE',
  's1.note.gpt2': '现在没有 [UNK]：GPT-2 把 “ quokka” 写成三段：“ qu”、“ok” 和 “ka”。',
  's1.try.char': '每个字符一个词元',
  's1.note.char': '每个字符（包括空格）都是一个词元：“quokka” 被逐个字母拼出来，7 个单词词元变成了 26 个。',

  's2.title': '从编号到向量：嵌入表',
  's2.body':
    '嵌入表 W_E 为 V 个编号各存一行 d 个数。嵌入一个词元就是查表：位置 p 上的词元取出第 x_p 行。这是一次 ' +
    'gather（按索引取行），结果和用独热向量乘以 W_E 相同，只是省去了乘法。这张表有 V × d 个参数。这里的词表' +
    '很小，而 GPT-2 的是 50,257 × 768 = 38,597,376 个数，约占它 1.24 亿参数的三分之一。同一个编号无论出现在' +
    '哪里，取出的都是同一行：示例句子中位置 0、4、7 上的 “the” 得到的是同一个向量。',
  's2.look': '“词嵌入”面板：每个词元一行，第 0、4、7 行完全相同。“数据”标签页的“大小与量化”面板计算 V × d。',
  's2.formula': 'E 的第 p 行就是表 W_E 的第 x_p 行；W_E 有 V 行 d 列，共 V 乘 d 个参数。',
  's2.try.example': '使用示例句子',
  's2.note.example': '第 0、4、7 行（“the”）和第 5、8 行（“mat”）完全重复。',
  's2.try.wide': '宽一倍：d = 128',
  's2.note.wide': '列数翻倍，参数也翻倍：V × 128。',
  's2.try.glove': '真实的词向量：GloVe 100 维',
  's2.note.glove': '训练过的向量：相关的词有相近的行。点击一个词元，可列出它的最近邻。',
  's2.try.random': '换回随机表',
  's2.note.random': '一张固定种子的 N(0, 1) 随机表：在训练之前，它的行没有任何含义。',

  's3.title': '为什么模型需要位置',
  's3.body':
    '注意力把每个词元和其他所有词元作比较，而这种比较本身并不知道词元在哪个位置。没有位置编码时 X = E，' +
    '打乱词序只会重新排列 X 的行，每一行本身完全不变。于是，没有因果掩码的自注意力给出的输出也完全相同，只是' +
    '按同样的方式重新排列，模型分不清 “the dog bit the man” 和 “the man bit the dog”。给每一行加上一个位置' +
    '向量就打破了这种对称：同一个词放在不同的位置，X 的那一行就不同。',
  's3.look':
    '“输入”面板和“投影”标签页（文本中的词元，含位置）：不加位置时打乱词序，同样的行、同样的点以新的顺序出现。',
  's3.formula': 'PE 为零时 X 等于 E。把词元重新排列，X 变成 P X，而对 P X 做注意力等于 P 乘以对 X 做注意力。',
  's3.try.shuffle': '打乱词序，不加位置',
  's3.note.shuffle': 'X = E：行和原来一样，只是顺序变了。再按一次可以换一种顺序。',
  's3.try.sinusoidal': '加回正弦位置编码',
  's3.note.sinusoidal': '现在 X 的每一行还取决于词所在的位置，所以行本身也变了。',
  's3.try.example': '使用示例句子',
  's3.note.example': '按原来顺序排列的句子。',

  's4.title': '不同速度的正弦和余弦',
  's4.body':
    '最初的 Transformer（Vaswani 等，2017，§3.5）加上一个固定的模式：第 i 对维度存放 p·ω_i 的正弦和余弦，' +
    '其中 ω_i = 1/10000^(2i/d)。每一对维度都像一个以自己速度转动的时钟，波长按几何级数增长：第一对是 2π ≈ ' +
    '6.28 个位置，最后一对接近 10000·2π ≈ 62,832。作者选择它，是因为对任何固定的偏移 k，PE(p+k) 都是 PE(p) ' +
    '的线性函数：由正弦和余弦的和角公式，移动 k 个位置就是把每一对转过角度 k·ω_i，与 p 无关。所以 PE(p+k) = ' +
    'M_k·PE(p)，M_k 是一个固定的旋转；而 PE(p)·PE(p+k) = Σ cos(k·ω_i) 只取决于偏移 k。',
  's4.look': '实验区：位置表、所选维度的曲线、波长阶梯，以及沿每条对角线都不变的相似度矩阵。',
  's4.formula':
    '位置 p 的第 2i 维是 p 乘 ω_i 的正弦，第 2i+1 维是它的余弦。移动 k 个位置，相当于把每一对乘以一个转角为 k ω_i 的旋转矩阵。',
  's4.try.fast': '画出最快的一对（第 0、1 维）',
  's4.note.fast': '第 0、1 维每 2π ≈ 6.28 个位置重复一次。',
  's4.try.pair10': '画出第 10 对（第 20、21 维）',
  's4.note.pair10': 'd = 64 时，第 10 对的波长是 2π·10000^(20/64) ≈ 111.7 个位置。',
  's4.try.base100': '更小的底数：100',
  's4.note.base100': '阶梯被压缩了：d = 64 时，最慢的一对现在每 ≈ 544 个位置重复一次，而不是 ≈ 47,117。',
  's4.try.base10000': '换回论文的底数 10000',
  's4.note.base10000': 'd = 64 时，波长从 2π 到 ≈ 47,117 个位置。',

  's5.title': '学习的还是固定的，以及更长的输入',
  's5.body':
    'GPT-2 和 BERT 不用公式：它们学习一张位置表 W_pos，每个位置一行，初始化为很小的噪声 N(0, 0.02²)，像其他' +
    '权重一样训练。GPT-2 的表有 1024 行、每行 768 个数（786,432 个参数）；BERT 的表有 512 行。Vaswani 等发现，' +
    '学习的位置和正弦位置的效果几乎相同（表 3，E 行）。区别出现在训练长度 L 之后：训练中从未出现过的位置，' +
    '它的那一行得不到梯度，始终是噪声；而一张 1024 行的表根本没有第 1024 行，所以 GPT-2 无法读入更长的输入。' +
    '正弦公式对每个位置都给出一个向量，但这并不意味着模型用得上：Press 等（2022）表明，正弦位置的模型在远超' +
    '训练长度时同样会失效。',
  's5.look':
    '实验区把训练长度 L 及之后的行加上阴影。在“数据”标签页的“检查点”面板中拖入 GPT-2 的 model.safetensors，可以看到它' +
    '训练好的 1024 × 768 位置表。“训练”标签页训练一个小模型，展示它的位置表如何逐渐成形。',
  's5.formula':
    '学习的表 W_pos 只有位置 0 到 N 减 1 的行；正弦公式对每个位置都有定义。训练长度 L 及之后的行梯度为零。',
  's5.try.sinusoidal': '换成正弦位置编码',
  's5.note.sinusoidal': '公式填满了每一行，无论有没有阴影。模型能否用好这些行，是另一回事。',
  's5.try.learned': '换回学习的位置表',
  's5.note.learned': '一张未训练的表：每行都是 N(0, 0.02²) 噪声，相邻位置之间毫无关系。',
  's5.try.short': '更短的训练：L = 128',
  's5.note.short': '第 128 行及之后的行现在都超出了训练长度。',

  's6.title': '注意力里的位置：RoPE 和 ALiBi',
  's6.body':
    '许多较新的模型不往 X 里加任何东西。RoPE（Su 等，2021）把查询和键的每一对维度转过一个与位置成正比的角度，' +
    '得到 R_m q 和 R_n k。旋转可以合成，所以它们的点积只取决于偏移 n − m，而与这一对所在的位置无关。Llama 和 ' +
    'GPT-NeoX 都用它；Llama 3 把底数从 10,000 改成了 500,000。ALiBi（Press 等，2022）根本不用向量：第 h 个头' +
    '从注意力分数中减去 m_h·(i − j)，这个惩罚随距离增大；8 个头的斜率是 1/2、1/4、…、1/256。一个 13 亿参数的 ' +
    'ALiBi 模型在 1024 个词元上训练，在 2048 个词元上达到了在 2048 上训练的正弦位置模型的困惑度。',
  's6.look':
    '实验区：用 RoPE 时，第一个词元放在每一对位置上的分数沿每条对角线不变；用 ALiBi 时，看斜率表和每个头的偏置矩阵。',
  's6.formula':
    'R_m q 与 R_n k 的点积等于 q 的转置乘 R_(n 减 m) 再乘 k。ALiBi：查询 i 对键 j 的分数是 q_i 与 k_j 的点积减去 ' +
    'm_h 乘 (i 减 j)，斜率 m_h 等于 2 的负 8h/H 次方。',
  's6.try.alibi': '换成 ALiBi',
  's6.note.alibi': '是偏置，不是向量：X = E，第 h 个头给分数加上 −m_h·|i − j|。',
  's6.try.rope': '换回 RoPE',
  's6.note.rope': '旋转不改变 q 和 k 的长度，随位置变化的只是它们的角度。',
  's6.try.llama3': 'Llama 3 的底数：500,000',
  's6.note.llama3':
    '时钟变慢了：d = 64 时，最慢的一对现在要 ≈ 208 万个位置才转一圈，底数 10,000 时只要 ≈ 47,117。',
  's6.try.heads16': '16 个头的 ALiBi',
  's6.note.heads16': '十六个斜率：2^(−1/2)、2^(−1)、…、2^(−8) = 1/256。',
  ...S7_ZH,
};

// The languages are the interface's (one switch for the whole app: view.lang).
import { LANGS, type Lang } from '../i18n/lang.ts';
export { LANGS, type Lang };

export const STRINGS: Record<Lang, Strings> = { en, zh };

/** The string of `key` in `lang`. */
export function t(lang: Lang, key: StringKey): string {
  return STRINGS[lang][key];
}

/** Fills `{name}` placeholders; a placeholder without a value is left as it is, so it shows up in review. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
