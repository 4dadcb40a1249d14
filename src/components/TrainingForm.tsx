// The Training panel's settings and run buttons: task and model size, schedule, seed and backend, the position
// schemes to compare, then Train / Pause / Resume / Reset / Save / Loss by position, and why a setting cannot
// train. Settings are written to the store's view (and so to the link, as train.* keys) as they are typed.
import {
  extrapolate,
  pauseTraining,
  resetTraining,
  resumeTraining,
  saveTrained,
  setSaveScheme,
  startTraining,
  toggleTrainScheme,
  updateTrainConfig as set,
} from '../client/training.ts';
import type { TrainingState } from '../client/trainingState.ts';
import {
  POSITION_SCHEMES,
  TASKS,
  TRAIN_LIMITS,
  type PositionScheme,
  type TaskName,
  type TrainConfig,
} from '../protocol/training.ts';
import { NumberField } from './NumberField.tsx';
import { TASK_LABELS, schemeLabel } from './trainingLabels.ts';
import { useT } from '../i18n/useT.ts';
import type { Msg } from '../protocol/msg.ts';

export function TrainingSettings({ config }: { config: TrainConfig }) {
  const tr = useT();
  return (
    <>
      <div className="controls training-controls">
        <label className="field">
          <span>{tr('train.task')}</span>
          <select value={config.task} onChange={(e) => set({ task: e.target.value as TaskName })}>
            {TASKS.map((t) => (
              <option key={t} value={t}>
                {tr(TASK_LABELS[t])}
              </option>
            ))}
          </select>
        </label>
        {config.task === 'copy' && (
          <NumberField
            label="k"
            value={config.k}
            min={1}
            max={TRAIN_LIMITS.k[1]}
            commit={(k) => set({ k })}
          />
        )}
        <NumberField
          label={tr('train.layers')}
          value={config.layers}
          min={1}
          max={2}
          commit={(layers) => set({ layers })}
        />
        <NumberField label="d" value={config.d} min={32} max={128} step={8} commit={(d) => set({ d })} />
        <NumberField
          label={tr('train.heads')}
          value={config.heads}
          min={2}
          max={4}
          commit={(heads) => set({ heads })}
        />
        <NumberField
          label={tr('train.context')}
          value={config.context}
          min={TRAIN_LIMITS.context[0]}
          max={TRAIN_LIMITS.context[1]}
          commit={(context) => set({ context })}
        />
        <NumberField
          label={tr('train.batch')}
          value={config.batch}
          min={1}
          max={128}
          commit={(batch) => set({ batch })}
        />
        <NumberField
          label={tr('train.steps')}
          value={config.steps}
          min={1}
          step={100}
          commit={(steps) => set({ steps })}
        />
        <NumberField label={tr('train.lr')} value={config.lr} step={0.001} commit={(lr) => set({ lr })} />
        <NumberField
          label={tr('train.snapshot')}
          value={config.snapshotEvery}
          min={1}
          commit={(snapshotEvery) => set({ snapshotEvery })}
        />
        <NumberField label={tr('train.seed')} value={config.seed} commit={(seed) => set({ seed })} />
        <label className="field">
          <span>{tr('train.backend')}</span>
          <select
            value={config.backend}
            onChange={(e) => set({ backend: e.target.value as TrainConfig['backend'] })}
          >
            <option value="auto">{tr('trials.auto')}</option>
            <option value="webgpu">webgpu</option>
            <option value="webgl">webgl</option>
            <option value="wasm">wasm</option>
            <option value="cpu">cpu</option>
          </select>
        </label>
      </div>
      <fieldset className="training-schemes">
        <legend>{tr('train.schemes')}</legend>
        {POSITION_SCHEMES.map((s) => (
          <label key={s}>
            <input
              type="checkbox"
              checked={config.schemes.includes(s)}
              onChange={(e) => toggleTrainScheme(s, e.target.checked)}
            />{' '}
            {schemeLabel(tr, s)}
          </label>
        ))}
      </fieldset>
    </>
  );
}

export function TrainingButtons({
  training,
  problem,
  schemesShown,
}: {
  training: TrainingState;
  problem: Msg | null;
  schemesShown: PositionScheme[];
}) {
  const { status, trained, saveScheme, error } = training;
  const running = status === 'training';
  const t = useT();
  return (
    <>
      <div className="training-buttons">
        <button type="button" onClick={startTraining} disabled={!!problem}>
          {t('train.train')}
        </button>
        <button type="button" onClick={pauseTraining} disabled={!running}>
          {t('train.pause')}
        </button>
        <button type="button" onClick={resumeTraining} disabled={status !== 'paused'}>
          {t('train.resume')}
        </button>
        <button type="button" onClick={resetTraining} disabled={status === 'idle' && !trained}>
          {t('train.reset')}
        </button>
        <label className="field inline">
          <span>{t('train.save')}</span>
          <select value={saveScheme} onChange={(e) => setSaveScheme(e.target.value as PositionScheme)}>
            {schemesShown.map((s) => (
              <option key={s} value={s}>
                {schemeLabel(t, s)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={saveTrained} disabled={!trained}>
          {t('train.saveWeights')}
        </button>
        <button type="button" onClick={extrapolate} disabled={!trained || running}>
          {t('train.extrapolate')}
        </button>
      </div>
      {(problem || error) && (
        <div className="notices">
          {problem && <p>{t.say(problem)}</p>}
          {error && (
            <p className="error" role="alert">
              {t.say(error)}
            </p>
          )}
        </div>
      )}
    </>
  );
}
