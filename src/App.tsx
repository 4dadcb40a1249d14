import { useEffect, useMemo, useState } from 'react';
import { Training } from './components/Training.tsx';
import { Toolbar } from './components/Toolbar.tsx';
import { Lessons } from './components/Lessons.tsx';
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
import { useT } from './i18n/useT.ts';
import { HTML_LANG } from './i18n/lang.ts';
import { schemeWords } from './i18n/schemes.ts';
import { TabList, TabPanel } from './components/Tabs.tsx';
import { Compare } from './components/Compare.tsx';

/** `name` (English) names the element id and exported files; `title` is shown in the interface's language. */
const PANELS = [
  { name: 'embeddings', en: 'Token embeddings', title: 'panel.embeddings' },
  { name: 'pe', en: 'Positional encoding', title: 'panel.pe' },
  { name: 'input', en: 'Input (token + position)', title: 'panel.input' },
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
  const t = useT();
  const { spec, sharedScale, tab } = view;
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
  useEffect(() => {
    document.documentElement.lang = HTML_LANG[view.lang];
  }, [view.lang]);

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
  const scheme = schemeWords(view.lang, spec.pe);
  /** Presentation mode shows only the views the teacher picked; otherwise everything. */
  const shown = (v: PresentView) => !view.present || view.views.includes(v);
  const captions = {
    embeddings: t('caption.embeddings', {
      table:
        spec.embedding === 'random'
          ? t('caption.embeddingsSeeded', { init: spec.init === 'normal' ? 'N(0, 1)' : 'Xavier-uniform' })
          : t(EMBEDDING_LABELS[spec.embedding]),
      v: vocabSize ?? '…',
      d: spec.d,
      scale: spec.scaleEmbeddings
        ? t('caption.embeddingsScale', { d: spec.d, s: Math.sqrt(spec.d).toFixed(3) })
        : '',
    }),
    pe: `${scheme.label} — ${scheme.blurb}`,
    input: t('caption.input'),
  };

  return (
    <ColormapContext.Provider value={view.colormap}>
      <div className={`app${dropping ? ' drop-active' : ''}${view.present ? ' present' : ''}`}>
        <header className="top">
          <h1>Embedscope</h1>
          <p className="tagline">{t('app.tagline')}</p>
          <ModelBadge />
          <BackendBadge backend={backend} />
          {precomputed && (
            <span className="run-status" role="status">
              {t('app.precomputed')}
            </span>
          )}
          <span className="run-status" aria-live="off">
            {busy
              ? t('app.computing')
              : cancelled
                ? t('app.cancelled')
                : lastRun
                  ? t('app.lastRun', { ms: lastRun.ms.toFixed(1), n: lastRun.numTensors })
                  : ''}
          </span>
          {slow && (
            <button type="button" className="run-control" onClick={cancelRun}>
              {t('app.cancelRun')}
            </button>
          )}
          {!busy && cancelled && (
            <button type="button" className="run-control" onClick={rerun}>
              {t('app.runAgain')}
            </button>
          )}
          <Toolbar view={view} />
        </header>
        <Notices state={{ notices, error, backend }} />
        <Progress progress={progress} />
        <main>
          <div className="top-band">
            <Lessons />
            <label className="text-input" htmlFor="text-input">
              <span>{t('app.text')}</span>
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
          </div>
          <TabList active={tab} />
          <TabPanel tab="explore" active={tab}>
            <div className="matrices">
              {PANELS.filter((p) => shown(p.name)).map((p) => (
                <MatrixPanel
                  key={p.name}
                  name={p.en}
                  title={t(p.title)}
                  matrix={matrices[p.name]}
                  domain={domains[p.name]}
                  hoverRow={hoverRow}
                  caption={captions[p.name]}
                  extra={selectedExtra}
                />
              ))}
            </div>
          </TabPanel>
          <TabPanel tab="lab" active={tab}>
            {shown('lab') && <Lab />}
          </TabPanel>
          <TabPanel tab="compare" active={tab}>
            <Compare />
          </TabPanel>
          <TabPanel tab="project" active={tab}>
            {shown('projection') && <Projection />}
          </TabPanel>
          {/* Kept mounted when hidden: a training run must survive a switch of tab or to presentation mode. */}
          <TabPanel tab="train" active={tab} keep>
            <div className="training-wrap" hidden={!shown('training')}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={followTraining}
                  onChange={(e) => setFollowTraining(e.target.checked)}
                />{' '}
                {t('app.followTraining')}
              </label>
              <Training onSnapshot={(t) => showTrainedTable(t, followTraining)} />
            </div>
          </TabPanel>
          <TabPanel tab="data" active={tab}>
            {shown('checkpoint') && <Checkpoint spec={spec} />}
            {shown('tables') && (
              <div className="side-by-side">
                <Neighbours />
                <TableSize spec={spec} vocabSize={vocabSize} />
              </div>
            )}
          </TabPanel>
        </main>
      </div>
    </ColormapContext.Provider>
  );
}
