// The English text of what the worker says about its views (part of protocol/text.ts's MSG_EN): invariant checks,
// the notes and marks on matrices, the Compare tab's and the projection's notes, progress of slow steps.
export const MSG_EN_VIEWS = {
  // invariant checks (analysis/invariants.ts, engine/compare.ts)
  'check.bounded': 'bounded: |PE| ≤ 1',
  'check.boundedDetail': 'largest |value| over {n} positions is {v:p4}',
  'check.norm': '‖PE(p)‖² = d/2',
  'check.normDetail': 'worst |‖PE(p)‖² − {half}| is {v:p4}',
  'check.shift': 'PE(p)·PE(p+k) independent of p',
  'check.shiftDetail': 'max |PE(p)·PE(p+k) − PE(0)·PE(k)| over p, k < {n} is {v:p4}',
  'check.shiftDetailSampled':
    'max |PE(p)·PE(p+k) − PE(0)·PE(k)| over {count:n} sampled p, k < {n}, against the closed form, is {v:p4}',
  'check.unique': 'every position has its own vector',
  'check.uniqueDetail': 'closest pair: positions {a} and {b}, ‖Δ‖ = {v:p3}',
  'check.uniqueNeedsTwo': 'needs two positions',
  'check.ropeNorm': '‖R_m x‖ = ‖x‖',
  'check.ropeNormScaled': '‖R_m x‖ = ‖x‖ with the rotated part times a',
  'check.ropeNormDetail': 'worst relative norm change {v:e2} over {rows} rows',
  'check.ropeNormDetailScaled':
    'worst relative norm change {v:e2} over {rows} rows (a = {a:p6} on {rotated} of every {head} dimensions)',
  'check.ropeRelative': '⟨R_m q, R_n k⟩ depends only on m − n',
  'check.ropeRelativeDetail': 'max |score(m+k, m) − score(k, 0)| / max|score| = {v:e2}',
  'check.slopes': 'slopes follow get_slopes',
  'check.slopesDetail': '{n} heads: first {first:p4}, last {last:p4}',
  'check.noHeads': 'no heads',
  'check.offset': 'depends only on the offset',
  'check.offsetDetail': 'largest |s(m+k, m) − s(k, 0)| over the first n positions',

  // notes on matrices (engine/pipeline.ts, engine/views/static.ts, encodings/ropeViews.ts)
  'note.pooled':
    'drawn as block means of {rb} {tokens} × {cb} {dims} (exact [{T} × {d}] is too large to draw)',
  'unit.token': 'token',
  'unit.tokens': 'tokens',
  'unit.dim': 'dim',
  'unit.dims': 'dims',
  'note.rowsOf': 'rows {a}…{b} of {n} (exact)',
  'note.loadedShort': 'the loaded table has only {n} positions',
  'note.windowPositions': 'positions {a}…{b} of the window',
  'note.firstOf': 'first {n} of {total} positions',
  'note.stops': 'stops decreasing at k = {k}',
  'note.decreases': 'decreases over the whole range',
  'note.overPositions': '{note} (over positions {a}…{b})',
  'note.attentionFactor': 'attention factor a = {a}',
  'note.shortPairs': 'pairs {first}…{last} ({n}) turn less than once within L = {L}',
  'note.everyPair': 'every pair turns at least once within L = {L}',
  'note.originalMark': 'original context L = {L}',
  'note.qk': 'q = k = ones({n}); scaled rule times a² = {a2}',
  'note.qkOffsets': 'q = k = ones({n}); scaled rule times a² = {a2}; {P} of {N} offsets',
  'note.angles': 'training: positions 0…{last}; extended: 0…{extendedLast}',

  // a Compare column's note (engine/compare.ts)
  'note.cosine': 'cosine of positions',
  'note.headBias': 'head 0 bias ÷ its largest magnitude',
  'note.originalContext': 'original_context = {n}',
  'note.table': 'table: {source}',
  'source.loaded': 'loaded',
  'source.trained': 'trained',
  'source.untrained': 'untrained init',
  'note.tableShort': 'the table has only {n} positions',

  // a projection's note (engine/projection.ts, analysis/projectionMethods.ts)
  'note.ropeAngles': 'RoPE: each position as its [cos | sin] rotation angles',
  'note.tableRows': '{pe} table rows',
  'note.inputTokens': 'X = E + PE of {n} tokens',
  'note.embeddingTokens': 'E of {n} tokens',
  'note.sample': 'a seeded sample of {n} of {V} rows',
  'note.allRows': 'all {V} rows',
  'note.tsne2d': 't-SNE runs in 2-D',
  'note.kl': 'KL {kl:f3}',

  // progress of slow steps
  'task.tokenising': 'Tokenising {n:n} characters',
  'task.streaming': 'Reading the token table from the checkpoint',
  'task.loading': 'Loading {file}',
} satisfies Record<string, string>;
