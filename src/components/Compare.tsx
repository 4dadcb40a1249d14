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
import { useT, type Translate } from '../i18n/useT.ts';
import type { Key } from '../i18n/t.ts';

const SHARED: [number, number] = [-1, 1];
const opts = (xTitle: string, yTitle: string, extra: Partial<LinesOptions> = {}): LinesOptions => ({
  xTitle,
  yTitle,
  height: 160,
  ...extra,
});

/** Axis titles and plot options in the interface's language (one set of objects per language). */
function useOptions(t: Translate) {
  return useMemo(
    () => ({
      heat: {
        domain: SHARED,
        xTitle: t('matrix.keyPosition'),
        yTitle: t('compare.queryPosition'),
        lang: t.lang,
      },
      profile: opts(t('lab.offset'), t('compare.meanScore')),
      score: opts(t('lab.offset'), t('compare.scoreLast')),
      path: opts('PC 1', 'PC 2'),
    }),
    [t],
  );
}

const SOURCE: Record<NonNullable<CompareColumn['tableSource']>, Key> = {
  loaded: 'compare.source.loaded',
  trained: 'compare.source.trained',
  'untrained init': 'compare.source.untrained',
};

function Column({ c }: { c: CompareColumn }) {
  const t = useT();
  const o = useOptions(t);
  const beyond = useMemo(
    () =>
      opts(t('lab.offset'), t('compare.scoreBeyond'), {
        shadeFrom: c.n,
        shadeLabel: t('compare.pastTraining'),
      }),
    [c.n, t],
  );
  const path: Series[] = useMemo(() => {
    const n = c.path.length / 2;
    const x = Float64Array.from({ length: n }, (_, i) => c.path[2 * i]);
    const y = Float64Array.from({ length: n }, (_, i) => c.path[2 * i + 1]);
    return [{ name: t('compare.path'), x, y }];
  }, [c.path, t]);
  const check = c.checks[0];
  if (c.error)
    return (
      <section className="compare-column" aria-label={c.name}>
        <h3>{c.name}</h3>
        <p role="alert">{t.say(c.error)}</p>
      </section>
    );
  return (
    <section className="compare-column" aria-label={c.name}>
      <h3>{c.name}</h3>
      <p className="caption">
        {t(`compare.kind.${c.kind}`)}
        {c.tableSource ? ` · ${t(SOURCE[c.tableSource])}` : ''}
        {' · '}
        {t.say(c.note)}
      </p>
      <Heatmap matrix={c.similarity} options={o.heat} />
      <LinesPlot series={[{ name: c.name, y: c.profile }]} options={o.profile} />
      <LinesPlot series={[{ name: c.name, y: c.score }]} options={o.score} />
      {check && (
        <p className={check.pass ? 'check-pass' : 'check-fail'}>
          {check.pass ? '✓' : '✗'} {t.say(check.name)}: {check.value.toExponential(2)} ({t.say(check.detail)})
        </p>
      )}
      {c.path.length > 0 ? (
        <LinesPlot series={path} options={o.path} />
      ) : (
        <p className="note">{t('compare.noPath')}</p>
      )}
      <LinesPlot series={[{ name: c.name, y: c.beyond }]} options={beyond} />
    </section>
  );
}

export function Compare() {
  const names = useAppState((s) => s.view.compare);
  const columns = useAppState((s) => s.compare);
  const error = useAppState((s) => s.compareError);
  const [draft, setDraft] = useState<string | null>(null);
  const t = useT();
  const o = useOptions(t);
  const value = draft ?? names.join(',');
  const draftProblem = draft === null ? null : compareProblem(draft.split(','));
  const overlay: Series[] = useMemo(
    () => (columns ?? []).map((c) => ({ name: c.name, y: c.profile })),
    [columns],
  );
  return (
    <section className="panel compare" aria-labelledby="compare-title">
      <header className="panel-head">
        <h2 id="compare-title">{t('compare.title')}</h2>
      </header>
      <label className="field">
        <span>{t('compare.schemes', { min: COMPARE_MIN, max: COMPARE_MAX })}</span>
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
      {draftProblem && <p className="hint">{t('compare.notApplied', { problem: draftProblem })}</p>}
      {error && <p role="alert">{t.say(error)}</p>}
      {!columns && !error && <p className="hint">{t('app.computing')}</p>}
      {columns && (
        <>
          <p className="caption">{t('compare.rows', { n: columns[0]?.n ?? 0 })}</p>
          <div
            className="compare-grid"
            style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }}
          >
            {columns.map((c) => (
              <Column key={c.name} c={c} />
            ))}
          </div>
          <h3>{t('compare.overlaid')}</h3>
          <LinesPlot series={overlay} options={o.profile} />
        </>
      )}
    </section>
  );
}
