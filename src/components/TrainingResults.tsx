// What the Training panel shows of a run: per-scheme progress (step, steps/s, held-out loss and accuracy), the
// loss curves on one chart, the learned position table beside the sinusoidal one with their difference (one
// colour scale), and loss by position up to 2L after training at L. Everything comes from the store's view.
import { useMemo } from 'react';
import type { TrainCurve, TrainTable, TrainingView } from '../client/trainingState.ts';
import type { Series } from '../plots/lines.ts';
import type { PositionScheme } from '../protocol/training.ts';
import { Heatmap } from './Heatmap.tsx';
import { Legend } from './Legend.tsx';
import { LinesPlot } from './LinesPlot.tsx';
import { SCHEME_LABELS } from './trainingLabels.ts';

/** The heatmap's matrix for a table, one object per table (the heatmap repaints when it changes). */
const matrices = new WeakMap<TrainTable, { shape: [number, number]; data: Float32Array }>();
function matrixOf(t: TrainTable): { shape: [number, number]; data: Float32Array } {
  let m = matrices.get(t);
  if (!m) {
    m = { shape: [t.rows, t.d], data: t.data };
    matrices.set(t, m);
  }
  return m;
}

const named = (curves: TrainCurve[]): Series[] =>
  curves.map(({ scheme, x, y }) => ({ name: SCHEME_LABELS[scheme], x, y }));

export function TrainingProgress({ view, schemes }: { view: TrainingView; schemes: PositionScheme[] }) {
  return (
    <table className="training-table" tabIndex={0} aria-label="training progress per scheme">
      <thead>
        <tr>
          <th scope="col">scheme</th>
          <th scope="col">step</th>
          <th scope="col">steps/s</th>
          <th scope="col">held-out loss</th>
          <th scope="col">token accuracy</th>
        </tr>
      </thead>
      <tbody>
        {schemes.map((s) => {
          const ev = view.evals.get(s);
          const rate = view.rate.get(s);
          return (
            <tr key={s}>
              <th scope="row">{SCHEME_LABELS[s]}</th>
              <td>{view.steps.get(s) ?? 0}</td>
              <td>{rate !== undefined ? rate.toFixed(1) : '–'}</td>
              <td>{ev ? ev.loss.toFixed(3) : '–'}</td>
              <td>{ev ? `${(100 * ev.accuracy).toFixed(1)}%` : '–'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function TrainingCurves({ view }: { view: TrainingView }) {
  const series = useMemo(() => named(view.series), [view.series]);
  const extrapolation = useMemo(() => named(view.extrapolation), [view.extrapolation]);
  const lossOptions = useMemo(() => ({ xTitle: 'step', yTitle: 'training loss (nats)', height: 240 }), []);
  const exOptions = useMemo(
    () => ({
      xTitle: 'position',
      yTitle: 'held-out loss (nats)',
      height: 240,
      shadeFrom: view.ex?.trainLength ?? null,
      shadeLabel: 'past the training length',
    }),
    [view.ex],
  );
  return (
    <>
      <h3>Loss curves</h3>
      <LinesPlot series={series} options={lossOptions} />
      <TrainingTables view={view} />
      {view.ex && (
        <>
          <h3>Loss by position after training at L = {view.ex.trainLength}</h3>
          <p className="caption">
            Held-out loss at each position of sequences twice the training length (the ALiBi paper's Figure 1
            in miniature). A learned table has no rows past L, so its curve stops there. Copy-k-back and the
            character model mean the same thing at any length; reverse at 2L is a longer reversal, scored on
            its second half only.
          </p>
          <LinesPlot series={extrapolation} options={exOptions} />
        </>
      )}
    </>
  );
}

function TrainingTables({ view }: { view: TrainingView }) {
  const { tables } = view;
  if (!tables) {
    return (
      <p className="empty">Train with “learned” among the schemes to see its position table take shape.</p>
    );
  }
  return (
    <>
      <h3>Learned position table (step {tables.learned.step}) beside sinusoidal, one colour scale</h3>
      <div className="training-tables">
        {(
          [
            ['learned (trained)', tables.learned],
            ['sinusoidal', tables.sin],
            ['learned − sinusoidal', tables.diff],
          ] as const
        ).map(([title, t]) => (
          <figure key={title}>
            <figcaption>
              {title} [{t.rows} × {t.d}]
            </figcaption>
            <Heatmap matrix={matrixOf(t)} options={tables.options} />
          </figure>
        ))}
      </div>
      <Legend domain={tables.options.domain} title="position table colour scale" />
    </>
  );
}
