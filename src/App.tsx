import { useEffect, useMemo, useState } from 'react';
import { Training } from './components/Training.tsx';
import { Toolbar } from './components/Toolbar.tsx';
import { Lessons } from './components/Lessons.tsx';
import { CATALOG } from './encodings/catalog.ts';
import { domainOf } from './plots/scales.ts';
import { cancelRun, rerun, showTrainedTable, updateSpec, useAppState } from './client/useEngine.ts';
import { Controls } from './components/Controls.tsx';
import { MatrixPanel } from './components/MatrixPanel.tsx';
import { TokenStrip } from './components/TokenStrip.tsx';
import { BackendBadge, Notices, Progress } from './components/StatusBar.tsx';
import { Checkpoint, useFileDrop } from './components/Checkpoint.tsx';
import { TableSize } from './components/TableSize.tsx';
import { Neighbours } from './components/Neighbours.tsx';
import { Projection } from './components/Projection.tsx';
import { EMBEDDING_LABELS } from './components/Controls.tsx';
import { Lab } from './components/Lab.tsx';
import { ModelBadge } from './components/ModelBadge.tsx';
import { ColormapContext } from './components/colormapContext.ts';
import type { PresentView } from './client/urlState.ts';

const PANELS = [
  { name: 'embeddings', title: 'Token embeddings' },
  { name: 'pe', title: 'Positional encoding' },
  { name: 'input', title: 'Input (token + position)' },
] as const;

export function App() {
  const view = useAppState((s) => s.view);
  const backend = useAppState((s) => s.backend);
  const tokens = useAppState((s) => s.tokens);
  const vocabSize = useAppState((s) => s.vocabSize);
  const matrices = useAppState((s) => s.matrices);
  const notices = useAppState((s) => s.notices);
  const error = useAppState((s) => s.error);
  const hoverRow = useAppState((s) => s.hoverRow);
  const tokenTotal = useAppState((s) => s.tokenTotal);
  const busy = useAppState((s) => s.busy);
  const cancelled = useAppState((s) => s.cancelled);
  const precomputed = useAppState((s) => s.precomputed);
  const lastRun = useAppState((s) => s.lastRun);
  const progress = useAppState((s) => s.progress);
  const dropping = useFileDrop();
  const { spec, sharedScale } = view;
  const [followTraining, setFollowTraining] = useState(true);
  // Cancel appears only for a run that is slow (not on every keystroke, where it would flash in the header).
  const busySince = useAppState((s) => s.busySince);
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (busySince === null) return;
    const t = setTimeout(() => setNow(performance.now()), 700);
    return () => clearTimeout(t);
  }, [busySince]);
  const slow = busy && busySince !== null && now - busySince >= 700;
  useEffect(() => {
    document.documentElement.dataset.theme = view.theme;
  }, [view.theme]);

  const { embeddings: mE, pe: mPE, input: mX } = matrices;
  const domains = useMemo(() => {
    // The shared scale is the widest of the three kept domains (each computed once per matrix).
    const widest = Math.max(1e-12, ...[mE, mPE, mX].map((m) => (m ? domainOf(m.data)[1] : 0)));
    const shared: [number, number] = [-widest, widest];
    const own = (m: typeof mE) => (sharedScale || !m ? shared : domainOf(m.data));
    return { embeddings: own(mE), pe: own(mPE), input: own(mX) };
  }, [mE, mPE, mX, sharedScale]);

  const selectedRows = view.selected;
  const selectedExtra = useMemo(() => ({ selectedRows }), [selectedRows]);
  const scheme = CATALOG[spec.pe];
  /** Presentation mode shows only the views the teacher picked; otherwise everything. */
  const shown = (v: PresentView) => !view.present || view.views.includes(v);
  const captions = {
    embeddings: `Rows of the ${spec.embedding === 'random' ? `seeded ${spec.init === 'normal' ? 'N(0, 1)' : 'Xavier-uniform'}` : EMBEDDING_LABELS[spec.embedding]} table of ${vocabSize ?? '…'} × ${spec.d}, gathered by token id${
      spec.scaleEmbeddings ? `, times √${spec.d} = ${Math.sqrt(spec.d).toFixed(3)}` : ''
    }.`,
    pe: `${scheme.label} — ${scheme.blurb}`,
    input: 'X = E + PE: what the first transformer layer actually sees.',
  };

  return (
    <ColormapContext.Provider value={view.colormap}>
      <div className={`app${dropping ? ' drop-active' : ''}${view.present ? ' present' : ''}`}>
        <header className="top">
          <h1>Embedscope</h1>
          <p className="tagline">The input layer of a transformer, live: tokens → embeddings + positions.</p>
          <ModelBadge />
          <BackendBadge backend={backend} />
          {precomputed && (
            <span className="run-status" role="status">
              precomputed at build time; the engine is starting…
            </span>
          )}
          <span className="run-status" aria-live="off">
            {busy
              ? 'computing…'
              : cancelled
                ? 'run cancelled: the views show what had arrived'
                : lastRun
                  ? `last run ${lastRun.ms.toFixed(1)} ms · ${lastRun.numTensors} tensors`
                  : ''}
          </span>
          {slow && (
            <button type="button" className="run-control" onClick={cancelRun}>
              Cancel run
            </button>
          )}
          {!busy && cancelled && (
            <button type="button" className="run-control" onClick={rerun}>
              Run again
            </button>
          )}
          <Toolbar view={view} />
        </header>
        <Notices state={{ notices, error, backend }} />
        <Progress progress={progress} />
        <main>
          <Lessons />
          <label className="text-input" htmlFor="text-input">
            <span>Text</span>
            <textarea
              id="text-input"
              value={spec.text}
              rows={3}
              spellCheck={false}
              onChange={(e) => {
                performance.mark('embedscope:input');
                updateSpec({ text: e.target.value });
              }}
            />
          </label>
          <Controls spec={spec} sharedScale={sharedScale} />
          {shown('tokens') && (
            <TokenStrip
              tokens={tokens}
              vocabSize={vocabSize}
              text={spec.text}
              total={tokenTotal}
              hoverRow={hoverRow}
              selectedRows={selectedRows}
            />
          )}
          <div className="matrices">
            {PANELS.filter((p) => shown(p.name)).map((p) => (
              <MatrixPanel
                key={p.name}
                title={p.title}
                matrix={matrices[p.name]}
                domain={domains[p.name]}
                hoverRow={hoverRow}
                caption={captions[p.name]}
                extra={selectedExtra}
              />
            ))}
          </div>
          {shown('projection') && <Projection />}
          {shown('lab') && <Lab />}
          {/* Kept mounted when hidden: a training run must survive a switch to presentation mode. */}
          <div className="training-wrap" hidden={!shown('training')}>
            <label className="check">
              <input
                type="checkbox"
                checked={followTraining}
                onChange={(e) => setFollowTraining(e.target.checked)}
              />{' '}
              Show the learned table in every view above while it trains (switches the scheme to learned)
            </label>
            <Training onSnapshot={(t) => showTrainedTable(t, followTraining)} />
          </div>
          {shown('tables') && (
            <div className="side-by-side">
              <Neighbours />
              <TableSize spec={spec} vocabSize={vocabSize} />
            </div>
          )}
          {shown('checkpoint') && (
            <div>
              <Checkpoint spec={spec} />
            </div>
          )}
        </main>
      </div>
    </ColormapContext.Provider>
  );
}
