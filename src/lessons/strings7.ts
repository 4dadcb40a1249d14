// The strings of lesson step 7 (the sigmoid embedding pitfall), English and Chinese, spread into strings.ts.

export const S7_EN = {
  's7.title': 'A flawed formula: squashing embeddings with a sigmoid',
  's7.body':
    'Some tutorials write word_embedding(w) = sigmoid(W·v(w) + b), with v(w) the one-hot vector of the word. ' +
    'W·v(w) is already the embedding: the row of the table. The sigmoid then squeezes every value into (0, 1), ' +
    'so every vector points into the same corner of the space. For N(0, 1) entries the cosine of two unrelated ' +
    'words is no longer about 0 but about 0.852, the ratio 0.25 / 0.2934 of E[σ(x)]² to E[σ(x)²]. Similarity ' +
    'stops telling words apart. A real model uses the plain lookup: E[w], signed values, no squashing.',
  's7.look':
    'Explore: the token embeddings heatmap has only one sign. Data: the nearest neighbours of any token all ' +
    'have cosines near 0.85.',
  's7.formula':
    'e of w equals sigma of W v of w plus b, every value between 0 and 1; the cosine of two rows is about ' +
    'E of sigma squared over E of sigma squared of x, 0.25 over 0.2934, about 0.852.',
  's7.try.plain': 'Plain lookup: E[w]',
  's7.note.plain': 'Signed values around 0: unrelated words have cosines near 0.',
  's7.try.sigmoid': 'Back to sigmoid(W·v + b)',
  's7.note.sigmoid': 'Every value in (0, 1): half the colour scale is empty.',
  's7.try.neighbours': 'Open the neighbours (Data tab)',
  's7.note.neighbours': 'Click a token in the strip: with the sigmoid every neighbour sits near 0.85.',
} satisfies Record<string, string>;

export const S7_ZH: Record<keyof typeof S7_EN, string> = {
  's7.title': '一个有缺陷的公式：用 sigmoid 压扁词向量',
  's7.body':
    '有些教程写 word_embedding(w) = sigmoid(W·v(w) + b)，其中 v(w) 是这个词的独热向量。W·v(w) 本身就是词向量：' +
    '表里的一行。sigmoid 再把每个值压进 (0, 1)，于是所有向量都指向空间的同一个角落。对 N(0, 1) 的元素，两个' +
    '毫不相关的词的余弦不再约为 0，而约为 0.852，即 E[σ(x)]² 与 E[σ(x)²] 之比 0.25 / 0.2934。相似度再也分不开' +
    '词了。真正的模型用的是直接查表：E[w]，有正有负，不加压缩。',
  's7.look': '探索：词元嵌入热图只剩一种符号。数据：任何词元的最近邻余弦都在 0.85 附近。',
  's7.formula':
    'e(w) 等于 sigma(W v(w) + b)，每个值都在 0 和 1 之间；两行的余弦约为 E[sigma(x)] 的平方除以 ' +
    'E[sigma(x) 的平方]，0.25 除以 0.2934，约 0.852。',
  's7.try.plain': '直接查表：E[w]',
  's7.note.plain': '值有正有负、围绕 0：不相关的词余弦接近 0。',
  's7.try.sigmoid': '换回 sigmoid(W·v + b)',
  's7.note.sigmoid': '每个值都在 (0, 1) 内：色标有一半空着。',
  's7.try.neighbours': '打开最近邻（数据标签页）',
  's7.note.neighbours': '点一下词元条里的词元：用 sigmoid 时每个近邻都在 0.85 附近。',
};
