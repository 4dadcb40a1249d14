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
import { schemeLabel } from './trainingLabels.ts';
import { useT, type Translate } from '../i18n/useT.ts';

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

const named = (curves: TrainCurve[], t: Translate): Series[] =>
  curves.map(({ scheme, x, y }) => ({ name: schemeLabel(t, scheme), x, y }));

export function TrainingProgress({ view, schemes }: { view: TrainingView; schemes: PositionScheme[] }) {
  const t = useT();
  return (
    <table className="training-table" tabIndex={0} aria-label={t('train.progressLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('train.col.scheme')}</th>
          <th scope="col">{t('train.col.step')}</th>
          <th scope="col">{t('train.col.rate')}</th>
          <th scope="col">{t('train.col.loss')}</th>
          <th scope="col">{t('train.col.accuracy')}</th>
        </tr>
      </thead>
      <tbody>
        {schemes.map((s) => {
          const ev = view.evals.get(s);
          const rate = view.rate.get(s);
          return (
            <tr key={s}>
              <th scope="row">{schemeLabel(t, s)}</th>
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
  const t = useT();
  const series = useMemo(() => named(view.series, t), [view.series, t]);
  const extrapolation = useMemo(() => named(view.extrapolation, t), [view.extrapolation, t]);
  const lossOptions = useMemo(
    () => ({ xTitle: t('train.stepAxis'), yTitle: t('train.lossAxis'), height: 240 }),
    [t],
  );
  const exOptions = useMemo(
    () => ({
      xTitle: t('train.positionAxis'),
      yTitle: t('train.heldOutAxis'),
      height: 240,
      shadeFrom: view.ex?.trainLength ?? null,
      shadeLabel: t('train.pastL'),
    }),
    [view.ex, t],
  );
  return (
    <>
      <h3>{t('train.curves')}</h3>
      <LinesPlot series={series} options={lossOptions} />
      <TrainingTables view={view} />
      {view.ex && (
        <>
          <h3>{t('train.byPosition', { L: view.ex.trainLength })}</h3>
          <p className="caption">{t('train.byPositionCaption')}</p>
          <LinesPlot series={extrapolation} options={exOptions} />
        </>
      )}
    </>
  );
}

function TrainingTables({ view }: { view: TrainingView }) {
  const { tables } = view;
  const tr = useT();
  // The axis titles and tooltips in the interface's language (the client builds the options in English).
  const options = useMemo(
    () =>
      tables && {
        ...tables.options,
        xTitle: tr('matrix.dimension'),
        yTitle: tr('lab.position'),
        lang: tr.lang,
      },
    [tables, tr],
  );
  if (!tables || !options) {
    return <p className="empty">{tr('train.noTable')}</p>;
  }
  return (
    <>
      <h3>{tr('train.tables', { step: tables.learned.step ?? '' })}</h3>
      <div className="training-tables">
        {(
          [
            ['train.table.learned', tables.learned],
            ['train.table.sin', tables.sin],
            ['train.table.diff', tables.diff],
          ] as const
        ).map(([title, t]) => (
          <figure key={title}>
            <figcaption>
              {tr(title)} [{t.rows} × {t.d}]
            </figcaption>
            <Heatmap matrix={matrixOf(t)} options={options} />
          </figure>
        ))}
      </div>
      <Legend domain={tables.options.domain} title={tr('train.tableScale')} />
    </>
  );
}
