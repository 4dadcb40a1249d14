// 实验室的 RoPE 部分、“对比”标签页、大表的概览、热图的悬停说明、模型标记、训练后端说明和散点图工具的中文
// （enPanels.ts 的翻译）。
import type { EN_PANELS } from './enPanels.ts';

export const ZH_PANELS: Record<keyof typeof EN_PANELS, string> = {
  'ropelab.group': 'RoPE 频率规则',
  'ropelab.freqCaption':
    'θ_i = base^(−2i/n) 与规则给出的每个旋转对的 θ′_i；“导出 CSV”给出整张表，并注明每一对所属的区段（保留、插值、过渡）。',
  'ropelab.wavesCaption':
    '每一对的波长 2π/θ 与原始上下文 L = {L} 对比（对数坐标）：标出的那些对在训练中连一圈都没转满，所以超过 L 的任何角度对它们都是新的。',
  'ropelab.qkCaption':
    'RoPE 之后 q = k = 全 1 时的 q·k，随两者之间的偏移 Δ 变化：Σ_i 2cos(Δ·θ_i)，缩放后的规则再乘以 a²。',
  'ropelab.anglesCaption':
    '按规则每一对在位置 N − 1 = {last} 处转到的角度，与训练中转到的最大角度（位置 L − 1 = {trainLast}，未缩放）对比：前者更大的地方，模型看到的是训练中从未见过的角度。',
  'ropelab.thetaUnscaled': 'θ_i（未缩放）',
  'ropelab.thetaRule': 'θ′_i（规则）',
  'ropelab.ramped': '过渡区段的对',
  'ropelab.lambdaRule': 'λ′_i（规则）',
  'ropelab.originalL': '原始上下文 L = {L}',
  'ropelab.lessThanTurn': '在 L 内转不满一圈',
  'ropelab.unscaledRule': '未缩放的规则',
  'ropelab.scaledRule': '缩放后的规则（× a²）',
  'ropelab.angleTrained': '训练中的最大角度 (L−1)·θ_i',
  'ropelab.angleExtended': '扩展上下文处的角度 (N−1)·θ′_i',
  'ropelab.pair': '旋转对 i',
  'ropelab.radians': '每个位置的弧度',
  'ropelab.angle': '角度（弧度）',
  'ropelab.offset': '偏移 Δ',
  'ropelab.pastOriginal': '超出原始上下文',
  'ropelab.tablePairs': '表格（{n} 对）',
  'ropelab.pairHead': '对',
  'ropelab.regionHead': '区段',
  'region.kept': '保留',
  'region.interpolated': '插值',
  'region.ramped': '过渡',

  'compare.title': '对比',
  'compare.schemes': '方案（{min}–{max} 个，用逗号分隔；RoPE 频率规则写作 rope:yarn）',
  'compare.notApplied': '未应用：这个列表{problem}。',
  'compare.rows':
    '每个方案一列，各行依次为：位置相似度（同一个色标，−1 到 1）、偏移曲线、分数随偏移的变化、分数是否只取决于偏移、位置 0…n−1 的 PCA 路径，以及超出训练长度 n = {n} 之后的分数（阴影部分）。',
  'compare.overlaid': '偏移曲线叠加对比',
  'compare.kind.additive': '加性',
  'compare.kind.rotary': '旋转式',
  'compare.kind.bias': '偏置式',
  'compare.source.loaded': '已加载的位置表',
  'compare.source.trained': '训练出的位置表',
  'compare.source.untrained': '未训练的初始值（没有加载或训练出位置表）',
  'compare.queryPosition': '查询位置',
  'compare.meanScore': '平均分数',
  'compare.scoreLast': '分数（查询位于 n−1）',
  'compare.scoreBeyond': '分数（查询位于 2n−1）',
  'compare.pastTraining': '超出训练长度',
  'compare.path': '位置 0…n−1',
  'compare.noPath': '没有 PCA 路径：偏置类方案不改动词元向量，位置没有可投影的向量。',

  'overview.caption':
    '全部 {total:n} 个位置的概览：每一行是 {block} 行的平均值（{rows:n} × {cols}）。在上面拖动可以选出下方显示的精确行（最多 {max:n} 行）；当前显示位置 {start}…{end}。',
  'overview.yTitle': '位置（{block} 行的平均）',
  'overview.hover': '位置 {a}…{b} 的平均 · 第 {c} 维 · {v:f4}',
  'overview.brush': '{title}的概览：拖动以选择详细窗口',
  'overview.from': '从',
  'overview.to': '到',
  'overview.show': '显示窗口',
  'hover.row': '位置 {p}',
  'hover.rowLabel': '“{label}” · 位置 {p}',
  'hover.dim': '第 {c} 维',
  'hover.column': '列 “{label}”（{c}）',

  'badge.model': '模型：',
  'badge.asPublished': '按发布的配置',
  'badge.scaled': 'base {base:n}，{rule} ×{factor}',
  'badge.unscaled': 'base {base:n}，未缩放',
  'badge.changed': '已修改：{keys}',

  'trials.auto': '自动（实测最快的后端）',
  'trials.kept': '自动选择了 {chosen}：{list}',
  'trials.rate': '{name} 每秒 {rate} 步',
  'trials.software': '{backend}（软件适配器 {software}）',
  'trials.notUsed': '未使用：{list}',
  'trials.noRate': '没有测得速度',

  'scatter.select': '框选',
  'scatter.selectTitle': '拖动以框选点（或按住 Shift 拖动）',
  'scatter.reset': '复位缩放',
  'scatter.resetTitle': '复位缩放（或双击图）',
};
