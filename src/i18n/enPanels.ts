// English words of the lab's RoPE section (RopeLab.tsx, RopeFrequencyTable.tsx), the Compare tab (Compare.tsx),
// a big table's overview (Overview.tsx), heatmap hovers, the model badge, the trainer's backend line and the
// scatter plot's tools. Part of the reference table (en.ts spreads it in).
export const EN_PANELS = {
  // RoPE section of the lab
  'ropelab.group': 'RoPE rule',
  'ropelab.freqCaption':
    'θ_i = base^(−2i/n) and the rule’s θ′_i per rotated pair; Export CSV gives the table with each pair’s region (kept, interpolated, ramped).',
  'ropelab.wavesCaption':
    'Wavelength 2π/θ per pair against the original context L = {L} (log scale): the marked pairs never completed one turn in training, so any angle past L is new to them.',
  'ropelab.qkCaption':
    'q·k for q = k = all ones after RoPE, against the offset Δ between them: Σ_i 2cos(Δ·θ_i), the scaled rule times a².',
  'ropelab.anglesCaption':
    'The angle each pair reaches at position N − 1 = {last} under the rule, against the largest it reached in training (position L − 1 = {trainLast}, unscaled): where the first is larger, the model sees an angle it never trained on.',
  'ropelab.thetaUnscaled': 'θ_i (unscaled)',
  'ropelab.thetaRule': 'θ′_i (rule)',
  'ropelab.ramped': 'ramped pairs',
  'ropelab.lambdaRule': 'λ′_i (rule)',
  'ropelab.originalL': 'original context L = {L}',
  'ropelab.lessThanTurn': 'less than one turn in L',
  'ropelab.unscaledRule': 'unscaled rule',
  'ropelab.scaledRule': 'scaled rule (× a²)',
  'ropelab.angleTrained': 'largest in training, (L−1)·θ_i',
  'ropelab.angleExtended': 'at the extended context, (N−1)·θ′_i',
  'ropelab.pair': 'pair i',
  'ropelab.radians': 'radians per position',
  'ropelab.angle': 'angle (radians)',
  'ropelab.offset': 'offset Δ',
  'ropelab.pastOriginal': 'past the original context',
  'ropelab.tablePairs': 'Table ({n} pairs)',
  'ropelab.pairHead': 'pair',
  'ropelab.regionHead': 'region',
  'region.kept': 'kept',
  'region.interpolated': 'interpolated',
  'region.ramped': 'ramped',

  // Compare tab
  'compare.title': 'Compare',
  'compare.schemes': 'Schemes ({min}–{max}, comma-separated; rope rules as rope:yarn)',
  'compare.notApplied': 'Not applied: the list {problem}.',
  'compare.rows':
    'Rows, for each scheme: position similarity (one colour scale, −1 to 1), offset profile, score against offset, whether the score depends only on the offset, the PCA path of positions 0…n−1, and the score past the training length n = {n} (shaded).',
  'compare.overlaid': 'Offset profiles, overlaid',
  'compare.kind.additive': 'additive',
  'compare.kind.rotary': 'rotary',
  'compare.kind.bias': 'bias',
  'compare.source.loaded': 'loaded table',
  'compare.source.trained': 'trained table',
  'compare.source.untrained': 'untrained init (no table loaded or trained)',
  'compare.queryPosition': 'query position',
  'compare.meanScore': 'mean score',
  'compare.scoreLast': 'score, query at n−1',
  'compare.scoreBeyond': 'score, query at 2n−1',
  'compare.pastTraining': 'past the training length',
  'compare.path': 'positions 0…n−1',
  'compare.noPath':
    'No PCA path: a bias scheme adds nothing to the token vectors, so positions have no vectors to project.',

  // overview of a big table (Overview.tsx) and heatmap hovers (MatrixPanel.tsx)
  'overview.caption':
    'Overview of all {total:n} positions: each row is the mean of {block} rows ({rows:n} × {cols}). Drag on it to choose the exact rows below (at most {max:n}); showing positions {start}…{end}.',
  'overview.yTitle': 'position (mean of {block})',
  'overview.hover': 'mean of positions {a}…{b} · dim {c} · {v:f4}',
  'overview.brush': '{title} overview: drag to choose the detail window',
  'overview.from': 'from',
  'overview.to': 'to',
  'overview.show': 'Show window',
  'hover.row': 'position {p}',
  'hover.rowLabel': '“{label}” · position {p}',
  'hover.dim': 'dim {c}',
  'hover.column': 'column “{label}” ({c})',

  // the model badge (ModelBadge.tsx)
  'badge.model': 'Model:',
  'badge.asPublished': 'as published',
  'badge.scaled': 'base {base:n}, {rule} ×{factor}',
  'badge.unscaled': 'base {base:n}, unscaled',
  'badge.changed': 'changed: {keys}',

  // the trainer's backend (TrainingForm.tsx, backendTrials.ts)
  'trials.auto': 'auto (the fastest, measured)',
  'trials.kept': 'auto kept {chosen}: {list}',
  'trials.rate': '{name} {rate} steps/s',
  'trials.software': '{backend} (software adapter {software})',
  'trials.notUsed': 'not used: {list}',
  'trials.noRate': 'no rate',

  // the scatter plot's tools (plots/scatter/)
  'scatter.select': 'Select',
  'scatter.selectTitle': 'Drag to select points (or hold Shift while dragging)',
  'scatter.reset': 'Reset zoom',
  'scatter.resetTitle': 'Reset zoom (or double-click the plot)',
} satisfies Record<string, string>;
