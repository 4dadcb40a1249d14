// 检查点解析器的诊断（protocol/textCheckpoints.ts 的中文）。文件名、字节偏移、dtype、形状等作为参数原样保留；
// 格式里的字段名（descr、fortran_order、shape、dtype、data_offsets、weight_map）保持英文，因为文件里就叫这些名字。
import type { MSG_EN_CHECKPOINTS } from '../protocol/textCheckpoints.ts';

export const MSG_ZH_CHECKPOINTS: Record<keyof typeof MSG_EN_CHECKPOINTS, string> = {
  'ckpt.readFailed': '{label}：无法读取（{detail}）',
  'ckpt.truncatedPart': '{label} 不完整：{part}需要字节 {start}–{end}，但文件只有 {size} 字节',
  'ckpt.shortRead': '{label}：读取{part}（字节 {start}–{end}）只得到 {got} 字节；文件可能已在磁盘上被修改',
  'ckpt.rowOutside': '{label}：第 {row} 行超出了“{name}”的范围，它的行号为 0…{last}',
  'ckpt.part.arrayData': '数组数据',
  'ckpt.part.magic': '魔数和文件头长度',
  'ckpt.part.header': '文件头',
  'ckpt.part.lengthField': '文件头长度字段',
  'ckpt.part.jsonHeader': 'JSON 文件头',
  'ckpt.part.tensor': '张量“{name}”',
  'ckpt.part.rows': '张量“{name}”的第 {first}–{last} 行',
  'ckpt.sniff.zip': '它看起来是 zip 压缩包（PyTorch 的 .bin/.pt 检查点，或 .npz？）。',
  'ckpt.sniff.npy': '它看起来是 NumPy 的 .npy 文件。',
  'ckpt.sniff.gguf': '它看起来是 GGUF 文件。',
  'ckpt.sniff.pickle': '它看起来是 Python pickle（PyTorch 的 .bin 检查点？）。',
  'ckpt.sniff.json': '它看起来是 JSON 文本文件（config.json？），而不是权重。',

  'ckpt.npy.tooShort': '{label} 只有 {size} 字节，放不下 .npy 文件头（至少 10 字节）',
  'ckpt.npy.magic': '{label} 不是以 .npy 的魔数 \\x93NUMPY 开头。{sniff}',
  'ckpt.npy.version': '{label}：不支持 .npy 格式版本 {major}.{minor}（Embedscope 读取 1.0、2.0 和 3.0）',
  'ckpt.npy.tooShortVersion': '{label} 只有 {size} 字节，放不下版本 {version} 的文件头',
  'ckpt.npy.headerTooLong': '{label}：文件头长度字段为 {n} 字节，超过了 {max} 字节的上限',
  'ckpt.npy.headerCut': '{label}：文件头长度字段为 {n} 字节，但其后只有 {left} 字节：文件不完整',
  'ckpt.npy.utf8': '{label}：版本 3.0 的文件头（字节 {start}–{end}）不是有效的 UTF-8',
  'ckpt.npy.dataCut':
    '{label} 不完整：形状为 ({shape}) 的 {descr} 在文件头之后需要 {need} 字节数据，但其后只有 {left} 字节',
  'ckpt.npy.notLiteral': '{label}：文件头（字节 {start}–{end}）不是 Python 字典字面量（{detail}）',
  'ckpt.npy.notDict': "{label}：文件头不是含有 'descr'、'fortran_order' 和 'shape' 的字典",
  'ckpt.npy.noEntry': "{label}：文件头里没有 '{key}' 项",
  'ckpt.npy.structured': '{label}：不支持结构化数组（记录 dtype）；请保存普通的浮点数组',
  'ckpt.npy.dtype':
    '{label}：不支持 dtype {descr}：Embedscope 读取 float32 (<f4)、float16 (<f2) 和 float64 (<f8)，' +
    '小端 (<) 或大端 (>)',
  'ckpt.npy.shape': "{label}：文件头的 'shape' 不是由非负整数组成的元组",
  'ckpt.npy.order': "{label}：文件头的 'fortran_order' 不是 True/False",
  'ckpt.npy.rank': '{label}：数组有 {rank} 维，形状为 ({shape})；Embedscope 读取一维向量和二维表',

  'ckpt.st.tooShort': '{label} 只有 {size} 字节，比每个 safetensors 文件开头的 8 字节文件头长度还短',
  'ckpt.st.headerTooLong':
    '{label}：前 8 个字节给出的文件头长度为 {n} 字节，超过了 {max} 字节的上限，所以这不是 safetensors 文件。{sniff}',
  'ckpt.st.headerCut':
    '{label}：文件头长度字段说 JSON 文件头有 {n} 字节，但其后只有 {left} 字节：文件不完整，或者不是 safetensors 文件。{sniff}',
  'ckpt.st.utf8': '{label}：文件头（字节 8–{end}）不是有效的 UTF-8 文本',
  'ckpt.st.json': '{label}：文件头（字节 8–{end}）不是有效的 JSON（{detail}）',
  'ckpt.st.notMap': '{label}：文件头是{kind}，而不是把张量名映射到 {dtype, shape, data_offsets} 的 JSON 对象',
  'ckpt.json.null': ' null 值',
  'ckpt.json.array': '数组',
  'ckpt.json.string': '字符串',
  'ckpt.json.number': '数字',
  'ckpt.json.boolean': '布尔值',
  'ckpt.st.entry': '{label}：文件头中的张量“{name}”',
  'ckpt.st.notObject': '{where}不是含有 dtype、shape 和 data_offsets 的对象',
  'ckpt.st.missingField': '{where}缺少“{field}”字段',
  'ckpt.st.dtype': '{where}的 dtype 不是字符串',
  'ckpt.st.shape': '{where}的 shape 不是由非负整数组成的列表',
  'ckpt.st.offsets': '{where}的 data_offsets 不是两个非负整数 [begin, end]',
  'ckpt.st.reversed': '{where}的 data_offsets [{b}, {e}] 颠倒了：结束位置在开始位置之前',
  'ckpt.st.span':
    '{where}的形状为 [{shape}]、类型为 {dtype}，需要 {count} × {size} = {need} 字节，' +
    '但它的 data_offsets [{b}, {e}] 只跨 {span} 字节',
  'ckpt.st.overlap': '{label}：张量“{a}”（数据字节 {ab}–{ae}）和“{b}”（数据字节 {bb}–{be}）在数据区中重叠',
  'ckpt.st.dataCut':
    '{label} 不完整：文件头描述了 {described} 字节的张量数据，但文件头之后只有 {left} 字节' +
    '（文件应有 {should} 字节，实际为 {size}）。是下载中断了吗？',
  'ckpt.st.outside': '{label}：张量“{name}”的 data_offsets [{b}, {e}] 超出了数据区，数据区只有 {length} 字节',
  'ckpt.st.unsupported': '{label}：张量“{name}”：不支持 {dtype}：Embedscope 读取 F32、F16、BF16 和 F64',
  'ckpt.st.tensorSpan':
    '{label}：张量“{name}”的形状为 [{shape}]、类型为 {dtype}（{bytes} 字节），但它占据字节 {begin}–{end}',

  'ckpt.open.odd': '{file} 不是 .safetensors 文件、.npy 文件或 model.safetensors.index.json',
  'ckpt.open.twoIndexes': '{files}：一次只能拖入一个索引文件',
  'ckpt.and': '{a} 和 {b}',
  'ckpt.open.indexAlone': '{file} 只说明每个张量在哪个分片里：请把它和 .safetensors 分片一起拖入',
  'ckpt.open.none': '没有拖入任何文件。',
  'ckpt.open.twice': '张量“{name}”同时出现在 {a} 和 {b} 中：请去掉其中一个',
  'ckpt.index.json': '{label} 不是有效的 JSON（{detail}）',
  'ckpt.index.noMap': '{label} 没有把张量名映射到分片文件的“weight_map”对象',
  'ckpt.index.entry': '{label}：weight_map 中“{name}”的值不是文件名',
  'ckpt.index.noShards': '{label} 列出的分片 {missing} 一个都没有拖入（已拖入：{dropped}）',
  'ckpt.index.noTensor':
    '{label} 把张量“{name}”放在 {file} 中，但该文件的文件头里没有这个张量：索引和分片是否来自同一个模型和版本？',
};
