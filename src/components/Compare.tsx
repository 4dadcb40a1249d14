// The Compare tab: one column per scheme (URL key `compare`, 2–4 names), the same views in each row on one
// shared scale (cosines, or a bias over its largest magnitude, so every value lies in [−1, 1]): position
// similarity, offset profile, score against offset, the invariant, the PCA path of positions, and the score past
// the training length n; below, every column's offset profile overlaid in one plot. Computed in the worker.
import { useMemo, useState } from 'react';
import { useAppState, updateView } from '../client/useEngine.ts';
import { COMPARE_MAX, COMPARE_MIN, compareProblem, type CompareColumn } from '../protocol/compare.ts';
import { Heatmap } from './Heatmap.tsx';
import { LinesPlot } from './LinesPlot.tsx';
import type { LinesOptions, Series } from '../plots/lines.ts';

const SHARED: [number, number] = [-1, 1];
const HEAT = { domain: SHARED, xTitle: 'key position', yTitle: 'query position' };
const opts = (xTitle: string, yTitle: string, extra: Partial<LinesOptions> = {}): LinesOptions => ({
  xTitle,
  yTitle,
  height: 160,
  ...extra,
});
const PROFILE = opts('offset k', 'mean score');
const SCORE = opts('offset k', 'score, query at n−1');
const PATH = opts('PC 1', 'PC 2');

function Column({ c }: { c: CompareColumn }) {
  const beyond = useMemo(
    () =>
      opts('offset k', 'score, query at 2n−1', { shadeFrom: c.n, shadeLabel: 'past the training length' }),
    [c.n],
  );
  const path: Series[] = useMemo(() => {
    const n = c.path.length / 2;
    const x = Float64Array.from({ length: n }, (_, i) => c.path[2 * i]);
    const y = Float64Array.from({ length: n }, (_, i) => c.path[2 * i + 1]);
    return [{ name: 'positions 0…n−1', x, y }];
  }, [c.path]);
  const check = c.checks[0];
  if (c.error)
    return (
      <section className="compare-column" aria-label={c.name}>
        <h3>{c.name}</h3>
        <p role="alert">{c.error}</p>
      </section>
    );
  return (
    <section className="compare-column" aria-label={c.name}>
      <h3>{c.name}</h3>
      <p className="caption">
        {c.kind}
        {c.tableSource
          ? ` · ${c.tableSource === 'untrained init' ? 'untrained init (no table loaded or trained)' : `${c.tableSource} table`}`
          : ''}
        {' · '}
        {c.note}
      </p>
      <Heatmap matrix={c.similarity} options={HEAT} />
      <LinesPlot series={[{ name: c.name, y: c.profile }]} options={PROFILE} />
      <LinesPlot series={[{ name: c.name, y: c.score }]} options={SCORE} />
      {check && (
        <p className={check.pass ? 'check-pass' : 'check-fail'}>
          {check.pass ? '✓' : '✗'} {check.name}: {check.value.toExponential(2)} ({check.detail})
        </p>
      )}
      <LinesPlot series={path} options={PATH} />
      <LinesPlot series={[{ name: c.name, y: c.beyond }]} options={beyond} />
    </section>
  );
}

export function Compare() {
  const names = useAppState((s) => s.view.compare);
  const columns = useAppState((s) => s.compare);
  const error = useAppState((s) => s.compareError);
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? names.join(',');
  const draftProblem = draft === null ? null : compareProblem(draft.split(','));
  const overlay: Series[] = useMemo(
    () => (columns ?? []).map((c) => ({ name: c.name, y: c.profile })),
    [columns],
  );
  return (
    <section className="panel compare" aria-labelledby="compare-title">
      <header className="panel-head">
        <h2 id="compare-title">Compare</h2>
      </header>
      <label className="field">
        <span>
          Schemes ({COMPARE_MIN}–{COMPARE_MAX}, comma-separated; rope rules as rope:yarn)
        </span>
        <input
          type="text"
          value={value}
          spellCheck={false}
          aria-invalid={draftProblem !== null}
          onChange={(e) => {
            const next = e.target.value;
            setDraft(next);
            if (!compareProblem(next.split(','))) updateView({ compare: next.split(',') });
          }}
          onBlur={() => setDraft(null)}
        />
      </label>
      {draftProblem && <p className="hint">Not applied: the list {draftProblem}.</p>}
      {error && <p role="alert">{error}</p>}
      {!columns && !error && <p className="hint">computing…</p>}
      {columns && (
        <>
          <p className="caption">
            Rows, for each scheme: position similarity (one colour scale, −1 to 1), offset profile, score
            against offset, whether the score depends only on the offset, the PCA path of positions 0…n−1, and
            the score past the training length n = {columns[0]?.n} (shaded).
          </p>
          <div
            className="compare-grid"
            style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }}
          >
            {columns.map((c) => (
              <Column key={c.name} c={c} />
            ))}
          </div>
          <h3>Offset profiles, overlaid</h3>
          <LinesPlot series={overlay} options={PROFILE} />
        </>
      )}
    </section>
  );
}
