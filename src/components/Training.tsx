// The Training panel: trains a tiny decoder-only transformer per position scheme in its own worker
// (client/trainingClient.ts) and shows, live, the loss curves on one chart, steps per second, held-out accuracy,
// snapshots of the learned position table beside the sinusoidal one (one colour scale) with their difference,
// and loss by position up to 2L after training at L. No tfjs here: everything heavy happens in the worker.
// Streamed losses are kept in a ref and the view re-renders at most once per animation frame.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { TrainingClient } from '../client/trainingClient.ts';
import { assertNever, type BackendName } from '../protocol/messages.ts';
import {
  configProblem,
  DEFAULT_TRAIN_CONFIG,
  POSITION_SCHEMES,
  TASKS,
  TRAIN_LIMITS,
  type FromTrainer,
  type PositionScheme,
  type TaskName,
  type TrainConfig,
  type TrainerStatus,
} from '../protocol/training.ts';
import type { Series } from '../plots/lines.ts';
import { symmetricDomain } from '../plots/scales.ts';
import { Heatmap } from './Heatmap.tsx';
import { Legend } from './Legend.tsx';
import { LinesPlot } from './LinesPlot.tsx';
import { NumberField } from './NumberField.tsx';
import './training.css';

export interface PositionSnapshot {
  rows: number;
  d: number;
  data: Float32Array;
  scheme: string;
  step: number;
}

const SCHEME_LABELS: Record<PositionScheme, string> = {
  learned: 'learned',
  sinusoidal: 'sinusoidal',
  rope: 'RoPE',
  alibi: 'ALiBi',
  none: 'none',
};

const TASK_LABELS: Record<TaskName, string> = {
  reverse: 'reverse the sequence',
  copy: 'copy the token k back',
  charlm: 'characters of Moby-Dick',
};

interface Table {
  rows: number;
  d: number;
  data: Float32Array;
  step?: number;
}

/** The heatmap's matrix for a table, one object per table (the heatmap repaints when it changes). */
const matrices = new WeakMap<Table, { shape: [number, number]; data: Float32Array }>();
function matrixOf(t: Table): { shape: [number, number]; data: Float32Array } {
  let m = matrices.get(t);
  if (!m) {
    m = { shape: [t.rows, t.d], data: t.data };
    matrices.set(t, m);
  }
  return m;
}

interface Live {
  curves: Map<PositionScheme, { x: number[]; y: number[] }>;
  rate: Map<PositionScheme, number>;
  evals: Map<PositionScheme, { step: number; accuracy: number; loss: number }>;
  snapshot: Table | null;
  reference: Table | null;
  extrapolation: { trainLength: number; curves: { scheme: PositionScheme; loss: Float32Array }[] } | null;
  /** Derived from snapshot + reference, rebuilt only when either changes (so heatmaps repaint only then). */
  tables: Tables | null;
}

interface Tables {
  learned: Table;
  sin: Table;
  diff: Table;
  options: { domain: [number, number]; xTitle: string; yTitle: string };
}

function buildTables(l: Live): Tables | null {
  if (!l.snapshot || !l.reference || l.snapshot.rows !== l.reference.rows || l.snapshot.d !== l.reference.d) {
    return null;
  }
  const diff = new Float32Array(l.snapshot.data.length);
  for (let i = 0; i < diff.length; i++) diff[i] = l.snapshot.data[i] - l.reference.data[i];
  const domain = symmetricDomain(l.snapshot.data, l.reference.data, diff);
  return {
    learned: l.snapshot,
    sin: l.reference,
    diff: { rows: l.snapshot.rows, d: l.snapshot.d, data: diff },
    options: { domain, xTitle: 'dimension', yTitle: 'position' },
  };
}

const emptyLive = (): Live => ({
  curves: new Map(),
  rate: new Map(),
  evals: new Map(),
  snapshot: null,
  reference: null,
  extrapolation: null,
  tables: null,
});

/** At most `max` points per curve for drawing (every k-th step). */
function thin(c: { x: number[]; y: number[] }, max = 1500): { x: number[]; y: number[] } {
  if (c.x.length <= max) return c;
  const k = Math.ceil(c.x.length / max);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < c.x.length; i += k) {
    x.push(c.x[i]);
    y.push(c.y[i]);
  }
  return { x, y };
}

function downloadBytes(name: string, bytes: Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** What the panel draws, computed from the streamed data (outside render: in a frame callback or handler). */
function computeView(l: Live) {
  const series: Series[] = [...l.curves.entries()].map(([scheme, c]) => {
    const t = thin(c);
    return { name: SCHEME_LABELS[scheme], x: t.x, y: t.y };
  });
  const tables = l.tables;
  const extrapolation: Series[] =
    l.extrapolation?.curves.map((c) => ({ name: SCHEME_LABELS[c.scheme], y: c.loss })) ?? [];
  const steps = new Map([...l.curves.entries()].map(([s, c]) => [s, c.x.length ? c.x[c.x.length - 1] : 0]));
  return {
    series,
    tables,
    extrapolation,
    steps,
    rate: new Map(l.rate),
    evals: new Map(l.evals),
    ex: l.extrapolation,
  };
}

export function Training({ onSnapshot }: { onSnapshot?: (table: PositionSnapshot) => void }) {
  const [config, setConfig] = useState<TrainConfig>(DEFAULT_TRAIN_CONFIG);
  const [status, setStatus] = useState<TrainerStatus>('idle');
  const [backend, setBackend] = useState<{ name: BackendName; adapter: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saveScheme, setSaveScheme] = useState<PositionScheme>('learned');
  const [trained, setTrained] = useState<TrainConfig | null>(null);
  const live = useRef<Live>(emptyLive());
  const [view, setView] = useState(() => computeView(emptyLive()));
  const frame = useRef<number | null>(null);
  const client = useRef<TrainingClient | null>(null);
  const snapshotCb = useRef(onSnapshot);
  useEffect(() => {
    snapshotCb.current = onSnapshot;
  }, [onSnapshot]);

  const redraw = useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      setView(computeView(live.current));
    });
  }, []);

  useEffect(() => {
    const onMessage = (msg: FromTrainer) => {
      const l = live.current;
      switch (msg.type) {
        case 'ready':
          setBackend({ name: msg.backend, adapter: msg.adapter });
          break;
        case 'status':
          setStatus(msg.status);
          break;
        case 'losses': {
          const c = l.curves.get(msg.scheme) ?? { x: [], y: [] };
          msg.losses.forEach((v, i) => {
            c.x.push(msg.firstStep + i + 1);
            c.y.push(v);
          });
          l.curves.set(msg.scheme, c);
          l.rate.set(msg.scheme, msg.stepsPerSecond);
          break;
        }
        case 'eval':
          l.evals.set(msg.scheme, { step: msg.step, accuracy: msg.accuracy, loss: msg.loss });
          break;
        case 'snapshot':
          l.snapshot = { rows: msg.rows, d: msg.d, data: msg.data, step: msg.step };
          l.tables = buildTables(l);
          snapshotCb.current?.({
            rows: msg.rows,
            d: msg.d,
            data: msg.data,
            scheme: msg.scheme,
            step: msg.step,
          });
          break;
        case 'reference':
          l.reference = { rows: msg.rows, d: msg.d, data: msg.data };
          l.tables = buildTables(l);
          break;
        case 'extrapolation':
          l.extrapolation = { trainLength: msg.trainLength, curves: msg.curves };
          break;
        case 'saved':
          downloadBytes(`embedscope-${msg.scheme}.safetensors`, msg.bytes);
          break;
        case 'error':
          setError(msg.message);
          break;
        default:
          assertNever(msg);
      }
      redraw();
    };
    const c = new TrainingClient({
      message: onMessage,
      restarted: (reason) => {
        setError(`The training worker stopped (${reason}) and was restarted; train again.`);
        setStatus('idle');
      },
    });
    client.current = c;
    return () => {
      c.dispose();
      client.current = null;
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    };
  }, [redraw]);

  const problem = configProblem(config);
  const set = (patch: Partial<TrainConfig>) => setConfig((c) => ({ ...c, ...patch }));
  const toggleScheme = (s: PositionScheme, on: boolean) =>
    set({ schemes: POSITION_SCHEMES.filter((x) => (x === s ? on : config.schemes.includes(x))) });

  const train = () => {
    if (problem || !client.current) return;
    live.current = emptyLive();
    setError(null);
    setTrained(config);
    if (!config.schemes.includes(saveScheme)) setSaveScheme(config.schemes[0]);
    client.current.start(config);
    setStatus('training');
    setView(computeView(live.current));
  };
  const reset = () => {
    client.current?.reset();
    live.current = emptyLive();
    setTrained(null);
    setError(null);
    setView(computeView(live.current));
  };

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

  const running = status === 'training';
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
      <p className="caption">
        A tiny decoder-only transformer (pre-LN, causal multi-head attention, MLP) learns a task in a worker;
        each chosen position scheme trains in turn on the same seeded batches. On the synthetic tasks order
        matters by construction, so “none” should stay near chance ({trainedChance(config)}).
      </p>
      <div className="controls training-controls">
        <label className="field">
          <span>Task</span>
          <select value={config.task} onChange={(e) => set({ task: e.target.value as TaskName })}>
            {TASKS.map((t) => (
              <option key={t} value={t}>
                {TASK_LABELS[t]}
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
          label="layers"
          value={config.layers}
          min={1}
          max={2}
          commit={(layers) => set({ layers })}
        />
        <NumberField label="d" value={config.d} min={32} max={128} step={8} commit={(d) => set({ d })} />
        <NumberField
          label="attention heads"
          value={config.heads}
          min={2}
          max={4}
          commit={(heads) => set({ heads })}
        />
        <NumberField
          label="context L"
          value={config.context}
          min={TRAIN_LIMITS.context[0]}
          max={TRAIN_LIMITS.context[1]}
          commit={(context) => set({ context })}
        />
        <NumberField
          label="batch"
          value={config.batch}
          min={1}
          max={128}
          commit={(batch) => set({ batch })}
        />
        <NumberField
          label="steps"
          value={config.steps}
          min={1}
          step={100}
          commit={(steps) => set({ steps })}
        />
        <NumberField label="learning rate" value={config.lr} step={0.001} commit={(lr) => set({ lr })} />
        <NumberField
          label="snapshot every"
          value={config.snapshotEvery}
          min={1}
          commit={(snapshotEvery) => set({ snapshotEvery })}
        />
        <NumberField label="training seed" value={config.seed} commit={(seed) => set({ seed })} />
        <label className="field">
          <span>Backend</span>
          <select
            value={config.backend}
            onChange={(e) => set({ backend: e.target.value as TrainConfig['backend'] })}
          >
            <option value="auto">auto (webgpu → webgl → cpu)</option>
            <option value="webgpu">webgpu</option>
            <option value="webgl">webgl</option>
            <option value="cpu">cpu</option>
          </select>
        </label>
      </div>
      <fieldset className="training-schemes">
        <legend>Position schemes</legend>
        {POSITION_SCHEMES.map((s) => (
          <label key={s}>
            <input
              type="checkbox"
              checked={config.schemes.includes(s)}
              onChange={(e) => toggleScheme(s, e.target.checked)}
            />{' '}
            {SCHEME_LABELS[s]}
          </label>
        ))}
      </fieldset>
      <div className="training-buttons">
        <button type="button" onClick={train} disabled={!!problem}>
          Train
        </button>
        <button type="button" onClick={() => client.current?.pause()} disabled={!running}>
          Pause
        </button>
        <button type="button" onClick={() => client.current?.resume()} disabled={status !== 'paused'}>
          Resume
        </button>
        <button type="button" onClick={reset} disabled={status === 'idle' && !trained}>
          Reset
        </button>
        <label className="field inline">
          <span>Save</span>
          <select value={saveScheme} onChange={(e) => setSaveScheme(e.target.value as PositionScheme)}>
            {schemesShown.map((s) => (
              <option key={s} value={s}>
                {SCHEME_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => client.current?.save(saveScheme)} disabled={!trained}>
          Save trained weights (.safetensors)
        </button>
        <button type="button" onClick={() => client.current?.extrapolate()} disabled={!trained || running}>
          Loss by position up to 2L
        </button>
      </div>
      {(problem || error) && (
        <div className="notices">
          {problem && <p>{problem}</p>}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
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
          {schemesShown.map((s) => {
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
      <h3>Loss curves</h3>
      <LinesPlot series={view.series} options={lossOptions} />
      {view.tables ? (
        <>
          <h3>
            Learned position table (step {view.tables.learned.step}) beside sinusoidal, one colour scale
          </h3>
          <div className="training-tables">
            {(
              [
                ['learned (trained)', view.tables.learned],
                ['sinusoidal', view.tables.sin],
                ['learned − sinusoidal', view.tables.diff],
              ] as const
            ).map(([title, t]) => (
              <figure key={title}>
                <figcaption>
                  {title} [{t.rows} × {t.d}]
                </figcaption>
                <Heatmap matrix={matrixOf(t)} options={view.tables!.options} />
              </figure>
            ))}
          </div>
          <Legend domain={view.tables.options.domain} title="position table colour scale" />
        </>
      ) : (
        <p className="empty">Train with “learned” among the schemes to see its position table take shape.</p>
      )}
      {view.ex && (
        <>
          <h3>Loss by position after training at L = {view.ex.trainLength}</h3>
          <p className="caption">
            Held-out loss at each position of sequences twice the training length (the ALiBi paper's Figure 1
            in miniature). A learned table has no rows past L, so its curve stops there. Copy-k-back and the
            character model mean the same thing at any length; reverse at 2L is a longer reversal, scored on
            its second half only.
          </p>
          <LinesPlot series={view.extrapolation} options={exOptions} />
        </>
      )}
    </section>
  );
}

function trainedChance(c: TrainConfig): string {
  return c.task === 'charlm' ? 'a unigram model' : '1/16 = 6.25% token accuracy';
}
