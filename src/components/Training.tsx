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

export type { PositionSnapshot };

export function Training({ onSnapshot }: { onSnapshot?: (table: PositionSnapshot) => void }) {
  const config = useAppState((s) => s.view.train);
  const training = useAppState((s) => s.training);
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
        <h2 id="training-title">Training</h2>
        <span className="shape">
          {backend
            ? `trainer on ${backend.name}${backend.adapter ? ` (${backend.adapter})` : ''}`
            : 'starting…'}
        </span>
        <span className="note" role="status">
          {status}
        </span>
      </header>
      {backend?.trials && (
        <p className="note backend-trials" data-testid="backend-trials">
          {describeTrials(backend.trials, backend.name)}
        </p>
      )}
      <p className="caption">
        A tiny decoder-only transformer (pre-LN, causal multi-head attention, MLP) learns a task in a worker;
        each chosen position scheme trains in turn on the same seeded batches. On the synthetic tasks order
        matters by construction, so “none” should stay near chance ({trainedChance(config)}).
      </p>
      <TrainingSettings config={config} />
      <TrainingButtons training={training} problem={configProblem(config)} schemesShown={schemesShown} />
      <TrainingProgress view={view} schemes={schemesShown} />
      <TrainingCurves view={view} />
    </section>
  );
}

function trainedChance(c: TrainConfig): string {
  return c.task === 'charlm' ? 'a unigram model' : '1/16 = 6.25% token accuracy';
}
