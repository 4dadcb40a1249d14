// 计算线程和协议校验器发来的消息（protocol/text.ts 的中文）：报错、拒绝的取值、进度。占位符与英文相同；
// 参数名、键名（d_model、rope_type、original_context …）和方案名保持原样，因为界面上的输入框就叫这些名字。
import type { MsgKey } from '../protocol/msg.ts';
import type { MSG_EN_CHECKPOINTS } from '../protocol/textCheckpoints.ts';
import type { MSG_EN_VIEWS } from '../protocol/textViews.ts';

export const MSG_ZH: Record<
  Exclude<MsgKey, keyof typeof MSG_EN_VIEWS | keyof typeof MSG_EN_CHECKPOINTS>,
  string
> = {
  'err.raw': '{text}',
  'msg.join': '{a}；{b}',
  'msg.dot': '{a} · {b}',

  'bad.d': 'd_model 必须是 {min} 到 {max} 之间的偶数（当前为 {got}）。',
  'bad.seed': '随机种子必须是整数（当前为 {got}）。',
  'bad.embeddingNeeds':
    '{embedding} 词向量需要 {tokenizer} 分词器和 d = {d}（当前为 {gotTokenizer}，d = {gotD}）。',
  'bad.checkpointToken': '要使用检查点的词嵌入，请先加载检查点并选择其中的词嵌入表。',
  'bad.base': 'base 必须是大于 1 的数（当前为 {got}）。',
  'bad.heads': '注意力头数必须是 1 到 {max} 之间的整数（当前为 {got}）。',
  'bad.buckets': '分桶数必须是 2 到 {max} 之间的整数（当前为 {got}）。',
  'bad.maxdist': '最大距离必须是 2 到 {max} 之间的整数（当前为 {got}）。',
  'bad.t5maxdist': 'T5 的最大距离必须大于分桶数的一半 {half}（当前为 {got}），否则按对数划分的桶会倒过来。',
  'bad.positions': '最大位置数必须是 1 到 {max} 之间的整数（当前为 {got}）。',
  'bad.sentence': '{reason}。',

  'bad.sample': '采样数必须是 3 到 {max} 之间的整数（当前为 {got}）。',
  'bad.perplexity': '困惑度必须在 {min} 到 {max} 之间（当前为 {got}）。',
  'bad.lr': '学习率必须大于 0 且不超过 10000（当前为 {got}）。',
  'bad.neighbors': 'n_neighbors 必须是 {min} 到 {max} 之间的整数（当前为 {got}）。',
  'bad.minDist': 'min_dist 必须在 0 到 1 之间（当前为 {got}）。',
  'bad.iterations': '迭代次数必须是 10 到 {max} 之间的整数（当前为 {got}）。',
  'bad.projSeed': '投影的随机种子必须是整数（当前为 {got}）。',

  'rope.headDim': 'head_dim 必须是不小于 2 的偶数（当前为 {got}）',
  'rope.headDivides': 'head_dim 必须能把 d_model = {d} 分成整数个头（当前为 {got}）',
  'rope.rotaryPct': 'rotary_pct 必须大于 0 且不超过 1（当前为 {got}）',
  'rope.rotated': 'rotary_pct × head_dim 得到的旋转维数必须是不小于 2 的偶数（当前为 {got}）',
  'rope.type': '未知的 rope_type：{got}',
  'rope.factor': '{rule}：factor 必须不小于 1（当前为 {got}）',
  'rope.lowFreq': '{rule}：low_freq_factor 必须大于 0（当前为 {got}）',
  'rope.highFreq': '{rule}：high_freq_factor 必须大于 low_freq_factor（当前为 {high} ≤ {low}）',
  'rope.original': '{rule}：original_context 必须是正整数（当前为 {got}）',
  'rope.originalBelow': '{rule}：original_context 必须小于最大位置数 {positions}（当前为 {got}）',
  'rope.betas': '{rule}：beta_fast 和 beta_slow 都必须大于 0',
  'rope.betaOrder': '{rule}：beta_fast 不能小于 beta_slow（当前为 {fast} < {slow}）',
  'rope.attentionFactor': '{rule}：attention_factor 必须大于 0（当前为 {got}）',
  'rope.listLength': '{rule}：{key} 必须为每个旋转对给出一个数，共 {want} 个（当前为 {got} 个）',
  'rope.listPositive': '{rule}：{key} 的每一项都必须大于 0',

  'window.outside': '窗口必须落在表内，即位置 0…{last} 之间（当前为 {a}-{b}）。',
  'window.reversed': '窗口必须从小到大，A ≤ B（当前为 {a}-{b}）。',
  'window.tooLong': '窗口最多跨 {max:n} 行（当前为 {got:n} 行）。',

  'cmp.unknown': '含有未知的方案 {names}',
  'cmp.twice': '同一个方案写了两次',
  'cmp.count': '必须列出 {min} 到 {max} 个方案（当前为 {got} 个）',
  'cmp.refused': '对比列表{reason}。',
  'cmp.column': '{name}：{reason}',

  'cfg.range': '{name} 必须是 {min}…{max} 之间的整数',
  'cfg.heads': 'd = {d} 必须能分成 {heads} 个宽度为偶数的注意力头',
  'cfg.reverse': '“倒序”任务需要偶数长度的上下文',
  'cfg.copy': 'k = {k} 必须小于上下文长度',
  'cfg.schemes': '请至少选择一种位置编码方案',
  'cfg.lr': '学习率必须在 (0, 1) 之间',
  'cfg.snapshot': '快照间隔必须 ≥ 1',

  'err.unknown': '未知的{kind}：{name}',
  'kind.encoding': '位置编码',
  'kind.ropeRule': 'RoPE 频率规则',
  'kind.tokenizer': '分词器',
  'kind.embedding': '词嵌入来源',
  'kind.model': '模型',
  'kind.projection': '投影方法',

  'err.notTrained': '还没有训练出位置表：请在“训练”标签页中点击“训练”。',
  'err.positionWidth': '位置表 “{name}” 的宽度是 {cols}，但 d = {d}；请把 d 设为 {cols}。',
  'err.textPastTable':
    '文本有 {tokens} 个词元，但加载的位置表只有 {rows} 个位置：可学习的位置表在最后一行之后什么也没有。',
  'err.tableWidth': '{table} 词嵌入表的宽度是 {width}，但 d = {d}；请把 d 设为 {width}。',
  'err.tokenWidth': '词嵌入表的宽度不是 {d}；请把 d 设为它的宽度。',
  'err.idOutside': '词元 id {id} 不在表的范围 0…{last} 内',
  'err.idNotRow': '词元 id {id} 不是表中的一行',
  'err.noPositionTable': '{pe}：没有可用于注意力的位置表',
  'err.noCheckpoint': '还没有加载检查点：请先拖入一个 .safetensors 或 .npy 文件。',
  'err.noTensor': '检查点 {file} 中没有名为 “{name}” 的张量。',
  'err.not2d': '“{name}” 的形状是 [{shape}]；表必须是二维的 [行, d]。',
  'err.rowOutside': '第 {row} 行不在 “{name}” 中，它只有第 0…{last} 行。',
  'err.chooseToken': '请选择检查点中用作词嵌入表的张量。',
  'err.tokenRows':
    '“{name}” 有 {rows} 行，但 {tokenizer} 分词器有 {ids} 个 id；请选择训练这个检查点时用的分词器。',
  'err.checkpointWhole':
    '词嵌入表 “{name}”（{rows:n} × {cols:n}，float32 下 {mib:n} MiB）超过了 Embedscope 整表载入的上限 {limit:n} MiB',
  'err.streamOnly': '{reason}；只有文本中的行和流式读取的视图可以使用它。',
  'err.randomTooBig':
    '{tokenizer} 分词器的 {rows:n} × {d} 随机词嵌入表需要 {mib} MiB 显存，超过了 {limit} MiB 的上限；需要整张表的视图要求 d ≤ {dMax}。',
  'err.buffer':
    '{what}（{rows:n} × {cols:n}，{mib} MiB）超过了这块 GPU 的 {limitName}（{limit} MiB）；{fix}。',
  'what.input': '输入矩阵 [T, d]',
  'what.tokenTable': '词嵌入表 “{name}”',
  'what.randomTable': '{tokenizer} 分词器的随机词嵌入表',
  'fix.tokens': '在这个 d 下最多使用 {rows:n} 个词元，或者让 d ≤ {cols}（文本会保留）',
  'fix.smallerD': '请使用更小的 d',
  'fix.rowByRow': '改为逐行读取',
  'fix.wholeTable': '需要整张表的视图要求 d ≤ {d}',
  'err.noPositionVector': '{pe} 不产生可投影的位置向量；请改为投影词元或词表，或选择加性或旋转式的方案。',
  'err.fewTokens': '至少输入 3 个词元才能投影。',
  'err.loadFile': '无法加载 {file}：{why}',
  'err.serverAnswered': '服务器返回 {status} {statusText}',
  'err.deviceLost': 'GPU 设备丢失',
  'err.deviceLostWhy': 'GPU 设备丢失：{why}',
  'err.noBackend': '没有可以启动的 tfjs 后端：{why}',
  'backend.noGpu': 'webgpu 不可用：这个浏览器没有 navigator.gpu',
  'backend.noInit': '{name} 未能初始化',
  'backend.failed': '{name} 启动失败：{why}',
  'backend.noAdapter': '{problem}（没有 WebGPU 适配器）',

  'err.noTrainBackend': '没有可以训练的 tfjs 后端：{why}',
  'err.nothingToSave': '没有训练好的 {scheme} 模型可保存',
  'err.trainFirst': '请先训练一个模型',

  'err.crashed': '{label} 工作线程崩溃了',
  'err.unreadable': '无法读取 {label} 工作线程发来的消息',

  'model.wide': '{model} 的 d_model 是 {d}；这里按 {shown} 显示，这是本应用能绘制的最大宽度。',
  'model.heads': '{model} 有 {heads} 个注意力头；这里按 {shown} 个显示，这是本应用能绘制的最多头数。',
  'model.tokenizer': '{model} 的 {tokenizer} 分词器暂不可用；保留 {kept}。',
  'model.vectors': '{embedding} 词向量不适用于 {model}；改用随机词嵌入。',
};
