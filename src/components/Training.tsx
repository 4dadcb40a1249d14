// The Training panel: trains a tiny decoder-only transformer per position scheme in its own worker
// (client/training.ts, through the one store) and shows, live, the loss curves, steps per second, held-out
// accuracy, the learned position table beside the sinusoidal one, and loss by position up to 2L after training
// at L. With backend "auto" one line says which backend was kept and the steps/s measured on each. Its settings are the view's `train` (in the link as train.* keys). No tfjs here: the worker does the work.
import { useEffect } from 'react';
import { connectTrainer, setSnapshotListener, type PositionSnapshot } from '../client/training.ts';
import { useAppState } from '../client/useEngine.ts';
import { configProblem, type TrainConfig } from '../protocol/training.ts';
import { describeTrials } from './backendTrials.ts';
import { TrainingButtons, TrainingSettings } from './TrainingForm.tsx';
import { TrainingCurves, TrainingProgress } from './TrainingResults.tsx';
import './training.css';
import { useT } from '../i18n/useT.ts';

export type { PositionSnapshot };

export function Training({ onSnapshot }: { onSnapshot?: (table: PositionSnapshot) => void }) {
  const config = useAppState((s) => s.view.train);
  const training = useAppState((s) => s.training);
  const t = useT();
  useEffect(() => connectTrainer(), []);
  useEffect(() => {
    setSnapshotListener(onSnapshot ?? null);
    return () => setSnapshotListener(null);
  }, [onSnapshot]);

  const { backend, status, trained, view } = training;
  const schemesShown = trained?.schemes ?? config.schemes;
  return (
    <section className="panel training" aria-labelledby="training-title">
      <header className="panel-head">
        <h2 id="training-title">{t('train.title')}</h2>
        <span className="shape">
          {backend
            ? t('train.on', { name: backend.name, adapter: backend.adapter ? ` (${backend.adapter})` : '' })
            : t('train.starting')}
        </span>
        <span className="note" role="status">
          {t(`train.status.${status}`)}
        </span>
      </header>
      {backend?.trials && (
        <p className="note backend-trials" data-testid="backend-trials">
          {describeTrials(backend.trials, backend.name, t)}
        </p>
      )}
      <p className="caption">{t('train.caption', { chance: t(trainedChance(config)) })}</p>
      <TrainingSettings config={config} />
      <TrainingButtons training={training} problem={configProblem(config)} schemesShown={schemesShown} />
      <TrainingProgress view={view} schemes={schemesShown} />
      <TrainingCurves view={view} />
    </section>
  );
}

function trainedChance(c: TrainConfig): 'train.chanceLm' | 'train.chanceTokens' {
  return c.task === 'charlm' ? 'train.chanceLm' : 'train.chanceTokens';
}
