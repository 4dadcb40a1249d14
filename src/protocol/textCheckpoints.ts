// The English text of the checkpoint parsers' diagnostics (part of protocol/text.ts's MSG_EN): checkpoints/ throws
// CheckpointError with these keys; byte-level facts (file names, offsets, dtypes, shapes) travel as parameters.
// These texts are word for word what the parsers said before they became data (e2e tests match them).
export const MSG_EN_CHECKPOINTS = {
  // any file (checkpoints/binary.ts, layout.ts)
  'ckpt.readFailed': '{label}: could not be read ({detail})',
  'ckpt.truncatedPart':
    '{label} is truncated: the {part} needs bytes {start}–{end} but the file is only {size} bytes long',
  'ckpt.shortRead':
    '{label}: reading the {part} (bytes {start}–{end}) returned {got} bytes; the file may have changed on disk',
  'ckpt.rowOutside': '{label}: row {row} is outside "{name}", which has rows 0…{last}',
  'ckpt.part.arrayData': 'array data',
  'ckpt.part.magic': 'magic and header length',
  'ckpt.part.header': 'header',
  'ckpt.part.lengthField': 'header length field',
  'ckpt.part.jsonHeader': 'JSON header',
  'ckpt.part.tensor': 'tensor "{name}"',
  'ckpt.part.rows': 'rows {first}–{last} of tensor "{name}"',
  'ckpt.sniff.zip': ' It looks like a zip archive (a PyTorch .bin/.pt checkpoint or a .npz?).',
  'ckpt.sniff.npy': ' It looks like a NumPy .npy file.',
  'ckpt.sniff.gguf': ' It looks like a GGUF file.',
  'ckpt.sniff.pickle': ' It looks like a Python pickle (a PyTorch .bin checkpoint?).',
  'ckpt.sniff.json': ' It looks like a JSON text file (config.json?), not the weights.',

  // .npy (checkpoints/npy.ts)
  'ckpt.npy.tooShort': '{label} is {size} bytes long, too short for a .npy header (at least 10 bytes)',
  'ckpt.npy.magic': '{label} does not start with the .npy magic bytes \\x93NUMPY.{sniff}',
  'ckpt.npy.version':
    '{label}: .npy format version {major}.{minor} is not supported (Embedscope reads 1.0, 2.0 and 3.0)',
  'ckpt.npy.tooShortVersion': '{label} is {size} bytes long, too short for a version {version} header',
  'ckpt.npy.headerTooLong': '{label}: the header length field says {n} bytes, more than the {max}-byte limit',
  'ckpt.npy.headerCut':
    '{label}: the header length field says {n} bytes, but only {left} bytes follow it: the file is truncated',
  'ckpt.npy.utf8': '{label}: the version 3.0 header (bytes {start}–{end}) is not valid UTF-8',
  'ckpt.npy.dataCut':
    '{label} is truncated: shape ({shape}) of {descr} needs {need} bytes of data after the header, but only ' +
    '{left} bytes follow it',
  'ckpt.npy.notLiteral': '{label}: the header (bytes {start}–{end}) is not a Python dict literal ({detail})',
  'ckpt.npy.notDict': "{label}: the header is not a dict with 'descr', 'fortran_order' and 'shape'",
  'ckpt.npy.noEntry': "{label}: the header has no '{key}' entry",
  'ckpt.npy.structured':
    '{label}: structured arrays (record dtypes) are not supported; save a plain float array',
  'ckpt.npy.dtype':
    '{label}: dtype {descr} is not supported: Embedscope reads float32 (<f4), float16 (<f2) and float64 (<f8), ' +
    'little-endian (<) or big-endian (>)',
  'ckpt.npy.shape': "{label}: the header's 'shape' is not a tuple of non-negative integers",
  'ckpt.npy.order': "{label}: the header's 'fortran_order' is not True/False",
  'ckpt.npy.rank':
    '{label}: the array has {rank} dimensions, shape ({shape}); Embedscope reads 1-D vectors and 2-D tables',

  // safetensors (checkpoints/safetensors.ts)
  'ckpt.st.tooShort':
    '{label} is {size} bytes long, shorter than the 8-byte header length every safetensors file starts with',
  'ckpt.st.headerTooLong':
    '{label}: the first 8 bytes give a header length of {n} bytes, more than the {max}-byte limit, so this is ' +
    'not a safetensors file.{sniff}',
  'ckpt.st.headerCut':
    '{label}: the header length field says the JSON header is {n} bytes, but only {left} bytes follow it: the ' +
    'file is truncated or not a safetensors file.{sniff}',
  'ckpt.st.utf8': '{label}: the header (bytes 8–{end}) is not valid UTF-8 text',
  'ckpt.st.json': '{label}: the header (bytes 8–{end}) is not valid JSON ({detail})',
  'ckpt.st.notMap':
    '{label}: the header is {kind}, not a JSON object mapping tensor names to {dtype, shape, data_offsets}',
  'ckpt.json.null': 'null',
  'ckpt.json.array': 'an array',
  'ckpt.json.string': 'a string',
  'ckpt.json.number': 'a number',
  'ckpt.json.boolean': 'a boolean',
  'ckpt.st.entry': '{label}: tensor "{name}" in the header',
  'ckpt.st.notObject': '{where} is not an object with dtype, shape and data_offsets',
  'ckpt.st.missingField': '{where} is missing the "{field}" field',
  'ckpt.st.dtype': '{where} has a dtype that is not a string',
  'ckpt.st.shape': '{where} has a shape that is not a list of non-negative integers',
  'ckpt.st.offsets': '{where} has data_offsets that are not two non-negative integers [begin, end]',
  'ckpt.st.reversed': '{where} has reversed data_offsets [{b}, {e}]: the end comes before the begin',
  'ckpt.st.span':
    '{where} has shape [{shape}] of {dtype}, which needs {count} × {size} = {need} bytes, but its data_offsets ' +
    '[{b}, {e}] span {span} bytes',
  'ckpt.st.overlap':
    '{label}: tensors "{a}" (data bytes {ab}–{ae}) and "{b}" (data bytes {bb}–{be}) overlap in the data section',
  'ckpt.st.dataCut':
    '{label} is truncated: the header describes {described} bytes of tensor data, but only {left} bytes follow ' +
    'the header (the file should be {should} bytes, it is {size}). Was the download cut short?',
  'ckpt.st.outside':
    '{label}: tensor "{name}" has data_offsets [{b}, {e}] outside the data section, which is {length} bytes long',
  'ckpt.st.unsupported':
    '{label}: tensor "{name}": {dtype} is not supported: Embedscope reads F32, F16, BF16 and F64',
  'ckpt.st.tensorSpan':
    '{label}: tensor "{name}" has shape [{shape}] of {dtype} ({bytes} bytes) but spans bytes {begin}–{end}',

  // what was dropped (checkpoints/open.ts)
  'ckpt.open.odd': '{file} is not a .safetensors file, a .npy file or a model.safetensors.index.json',
  'ckpt.open.twoIndexes': '{files}: drop one index file at a time',
  'ckpt.and': '{a} and {b}',
  'ckpt.open.indexAlone':
    '{file} only says which shard holds each tensor: drop it together with the .safetensors shards',
  'ckpt.open.none': 'No file was dropped.',
  'ckpt.open.twice': 'Tensor "{name}" is in both {a} and {b}: drop one of them',
  'ckpt.index.json': '{label} is not valid JSON ({detail})',
  'ckpt.index.noMap': '{label} has no "weight_map" object mapping tensor names to shard files',
  'ckpt.index.entry': '{label}: the weight_map entry for "{name}" is not a file name',
  'ckpt.index.noShards':
    '{label} names the shards {missing}, and none of them was dropped (dropped: {dropped})',
  'ckpt.index.noTensor':
    '{label} places tensor "{name}" in {file}, but that file\'s header has no such tensor: are the index and ' +
    'the shards from the same model and revision?',
} satisfies Record<string, string>;
