// The English text of every message the workers and the protocol's validators send (protocol/msg.ts): data only,
// part of the interface's reference table (i18n/en.ts spreads it in; i18n/zh.ts must translate every key). It
// lives here because worker-side code may not import the UI. `{name:fmt}` placeholders: see msg.ts.
import { MSG_EN_CHECKPOINTS } from './textCheckpoints.ts';
import { MSG_EN_VIEWS } from './textViews.ts';

export const MSG_EN = {
  // the raw text of an error no message was written for (a bug, a browser's own error)
  'err.raw': '{text}',
  // several messages as one (msg.ts list())
  'msg.join': '{a}; {b}',
  'msg.dot': '{a} · {b}',

  // validateSpec (protocol/specs.ts)
  'bad.d': 'd_model must be an even integer from {min} to {max} (got {got}).',
  'bad.seed': 'seed must be an integer (got {got}).',
  'bad.embeddingNeeds':
    '{embedding} vectors need the {tokenizer} tokenizer and d = {d} (got {gotTokenizer}, d = {gotD}).',
  'bad.checkpointToken': 'Load a checkpoint and choose its token table to use checkpoint embeddings.',
  'bad.base': 'base must be a number greater than 1 (got {got}).',
  'bad.heads': 'heads must be an integer from 1 to {max} (got {got}).',
  'bad.buckets': 'buckets must be an integer from 2 to {max} (got {got}).',
  'bad.maxdist': 'max distance must be an integer from 2 to {max} (got {got}).',
  'bad.t5maxdist':
    'T5 max distance must be larger than buckets/2 = {half} (got {got}), or the logarithmic buckets run backwards.',
  'bad.positions': 'positions must be an integer from 1 to {max} (got {got}).',
  'bad.sentence': '{reason}.',

  // validateProjection (protocol/specs.ts)
  'bad.sample': 'sample must be an integer from 3 to {max} (got {got}).',
  'bad.perplexity': 'perplexity must be from {min} to {max} (got {got}).',
  'bad.lr': 'learning rate must be above 0 and at most 10000 (got {got}).',
  'bad.neighbors': 'n_neighbors must be an integer from {min} to {max} (got {got}).',
  'bad.minDist': 'min_dist must be from 0 to 1 (got {got}).',
  'bad.iterations': 'iterations must be an integer from 10 to {max} (got {got}).',
  'bad.projSeed': 'projection seed must be an integer (got {got}).',

  // validateRope (protocol/rope.ts); validateSpec ends them with bad.sentence
  'rope.headDim': 'head_dim must be an even integer of 2 or more (got {got})',
  'rope.headDivides': 'head_dim must divide d_model = {d} into whole heads (got {got})',
  'rope.rotaryPct': 'rotary_pct must be above 0 and at most 1 (got {got})',
  'rope.rotated':
    'rotary_pct × head_dim must leave an even number of rotated dimensions, 2 or more (got {got})',
  'rope.type': 'unknown rope_type: {got}',
  'rope.factor': '{rule}: factor must be at least 1 (got {got})',
  'rope.lowFreq': '{rule}: low_freq_factor must be above 0 (got {got})',
  'rope.highFreq': '{rule}: high_freq_factor must be greater than low_freq_factor (got {high} ≤ {low})',
  'rope.original': '{rule}: original_context must be a positive integer (got {got})',
  'rope.originalBelow': '{rule}: original_context must be smaller than positions = {positions} (got {got})',
  'rope.betas': '{rule}: beta_fast and beta_slow must be above 0',
  'rope.betaOrder': '{rule}: beta_fast must not be below beta_slow (got {fast} < {slow})',
  'rope.attentionFactor': '{rule}: attention_factor must be above 0 (got {got})',
  'rope.listLength': '{rule}: {key} must hold one number per rotated pair, {want} (got {got})',
  'rope.listPositive': '{rule}: every {key} entry must be above 0',

  // validateWindow (protocol/window.ts)
  'window.outside': 'window must lie inside the table, positions 0…{last} (got {a}-{b}).',
  'window.reversed': 'window must run forwards, A ≤ B (got {a}-{b}).',
  'window.tooLong': 'window may span at most {max:n} rows (got {got:n}).',

  // compareProblem (protocol/compare.ts) and the Compare tab's request
  'cmp.unknown': 'has unknown scheme {names}',
  'cmp.twice': 'names a scheme twice',
  'cmp.count': 'must name {min} to {max} schemes (got {got})',
  'cmp.refused': 'compare {reason}.',
  'cmp.column': '{name}: {reason}',

  // configProblem (protocol/training.ts)
  'cfg.range': '{name} must be an integer in {min}…{max}',
  'cfg.heads': 'd = {d} must split into {heads} heads of even width',
  'cfg.reverse': 'the reverse task needs an even context',
  'cfg.copy': 'k = {k} must be shorter than the context',
  'cfg.schemes': 'choose at least one position scheme',
  'cfg.lr': 'the learning rate must be in (0, 1)',
  'cfg.snapshot': 'snapshot interval must be ≥ 1',

  // registries: an unknown name
  'err.unknown': 'unknown {kind}: {name}',
  'kind.encoding': 'encoding',
  'kind.ropeRule': 'rope rule',
  'kind.tokenizer': 'tokenizer',
  'kind.embedding': 'embedding',
  'kind.model': 'model',
  'kind.projection': 'projection method',

  // the engine worker (engine/)
  'err.notTrained': 'No table has been trained yet: press Train in the Training panel.',
  'err.positionWidth': 'The position table "{name}" is {cols} wide but d = {d}; set d to {cols}.',
  'err.textPastTable':
    'The text has {tokens} tokens but the loaded position table has {rows} positions: a learned table has nothing past its last row.',
  'err.tableWidth': 'The {table} table is {width} wide but d = {d}; set d to {width}.',
  'err.tokenWidth': 'The token table is not {d} wide; set d to its width.',
  'err.idOutside': 'token id {id} is outside the table 0…{last}',
  'err.idNotRow': 'token id {id} is not a row of the table',
  'err.noPositionTable': '{pe}: no position table to attend with',
  'err.noCheckpoint': 'No checkpoint is loaded: drop a .safetensors or .npy file first.',
  'err.noTensor': 'The checkpoint {file} has no tensor named "{name}".',
  'err.not2d': '"{name}" has shape [{shape}]; a table must be 2-D [rows, d].',
  'err.rowOutside': 'Row {row} is outside "{name}", which has rows 0…{last}.',
  'err.chooseToken': 'Choose the checkpoint tensor to use as the token table.',
  'err.tokenRows':
    '"{name}" has {rows} rows but the {tokenizer} tokenizer has {ids} ids; pick the tokenizer this checkpoint was trained with.',
  'err.checkpointWhole':
    'The token table "{name}" ({rows:n} × {cols:n}, {mib:n} MiB as float32) is larger than the {limit:n} MiB Embedscope holds whole',
  'err.streamOnly': "{reason}; only the text's rows and streamed views can use it.",
  'err.randomTooBig':
    'A random {tokenizer} table of {rows:n} × {d} would take {mib} MiB of GPU memory, over the {limit} MiB limit; views of the whole table need d ≤ {dMax}.',
  'err.buffer':
    "{what} ({rows:n} × {cols:n}, {mib} MiB) is larger than this GPU's {limitName} of {limit} MiB; {fix}.",
  'what.input': 'The input matrix [T, d]',
  'what.tokenTable': 'The token table "{name}"',
  'what.randomTable': 'A random {tokenizer} table',
  'fix.tokens': 'use at most {rows:n} tokens at this d, or d ≤ {cols} (the text is kept)',
  'fix.smallerD': 'use a smaller d',
  'fix.rowByRow': 'it is read row by row instead',
  'fix.wholeTable': 'views of the whole table need d ≤ {d}',
  'err.noPositionVector':
    '{pe} adds no position vector to project; choose tokens or vocabulary, or an additive or rotary scheme.',
  'err.fewTokens': 'Type at least 3 tokens to project them.',
  'err.loadFile': 'Could not load {file}: {why}',
  'err.serverAnswered': 'the server answered {status} {statusText}',
  'err.deviceLost': 'GPU device lost',
  'err.deviceLostWhy': 'GPU device lost: {why}',
  'err.noBackend': 'no tfjs backend could start: {why}',
  'backend.noGpu': 'webgpu unavailable: this browser has no navigator.gpu',
  'backend.noInit': '{name} did not initialise',
  'backend.failed': '{name} failed: {why}',
  'backend.noAdapter': '{problem} (no WebGPU adapter)',

  // the training worker (training/)
  'err.noTrainBackend': 'no tfjs backend could train: {why}',
  'err.nothingToSave': 'no trained {scheme} model to save',
  'err.trainFirst': 'train a model first',

  // the main thread's worker clients (client/workerClient.ts)
  'err.crashed': 'the {label} worker crashed',
  'err.unreadable': 'a message from the {label} worker could not be read',

  // model presets (models/apply.ts)
  'model.wide': '{model} has d_model {d}; shown at {shown}, the widest this app draws.',
  'model.heads': '{model} has {heads} heads; shown with {shown}, the most this app draws.',
  'model.tokenizer': 'The {tokenizer} tokenizer of {model} is not available yet; keeping {kept}.',
  'model.vectors': '{embedding} vectors do not fit {model}; using random embeddings.',

  ...MSG_EN_VIEWS,
  ...MSG_EN_CHECKPOINTS,
} satisfies Record<string, string>;

export type MsgKey = keyof typeof MSG_EN;
