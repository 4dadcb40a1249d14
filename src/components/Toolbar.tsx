// Share and look: copy the link, save/open a session file, lessons, theme, colour map and presentation mode.
import { useRef, useState } from 'react';
import { download } from '../client/csv.ts';
import { parseSession, sessionJson } from '../client/session.ts';
import { COLORMAPS, PRESENT_VIEWS, THEMES, type PresentView, type ViewState } from '../client/urlState.ts';
import { openSession, updateView } from '../client/useEngine.ts';
import { isOneOf } from '../protocol/specs.ts';

const COLORMAP_LABELS: Record<(typeof COLORMAPS)[number], string> = {
  auto: 'auto (RdBu signed, viridis ≥ 0)',
  viridis: 'viridis',
  cividis: 'cividis',
  rdbu: 'RdBu diverging',
};

const VIEW_LABELS: Record<PresentView, string> = {
  tokens: 'Tokens',
  embeddings: 'Token embeddings',
  pe: 'Positional encoding',
  input: 'Input',
  projection: 'Projection',
  lab: 'Lab',
  training: 'Training',
  tables: 'Neighbours & size',
  checkpoint: 'Checkpoint',
};

export function Toolbar({ view }: { view: ViewState }) {
  const [status, setStatus] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setStatus('Link copied: it holds the whole state, lesson and projection included.');
    } catch {
      // no clipboard permission (e.g. an insecure origin): show the link to copy by hand
      window.prompt('Copy this link:', location.href);
    }
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Share and display">
      <button type="button" onClick={copyLink}>
        Copy link
      </button>
      <button
        type="button"
        onClick={() => download('embedscope-session.json', sessionJson(view), 'application/json')}
      >
        Save session
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Open session
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Session file"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          try {
            const { view: next, notices } = parseSession(await file.text());
            openSession(next, notices);
            setStatus(`Opened ${file.name}.`);
          } catch (err) {
            setStatus(`${file.name}: ${err instanceof Error ? err.message : String(err)}`);
          }
        }}
      />
      <button
        type="button"
        aria-pressed={view.lesson !== null}
        onClick={() => updateView({ lesson: view.lesson === null ? 1 : null })}
      >
        Lessons
      </button>
      <label className="field inline">
        <span>Theme</span>
        <select
          value={view.theme}
          onChange={(e) => isOneOf(THEMES, e.target.value) && updateView({ theme: e.target.value })}
        >
          {THEMES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <label className="field inline">
        <span>Colour map</span>
        <select
          value={view.colormap}
          onChange={(e) => isOneOf(COLORMAPS, e.target.value) && updateView({ colormap: e.target.value })}
        >
          {COLORMAPS.map((t) => (
            <option key={t} value={t}>
              {COLORMAP_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        aria-pressed={view.present}
        onClick={() => updateView({ present: !view.present })}
      >
        Presentation
      </button>
      {view.present && (
        <fieldset className="present-views">
          <legend>Show</legend>
          {PRESENT_VIEWS.map((v) => (
            <label key={v} className="check">
              <input
                type="checkbox"
                checked={view.views.includes(v)}
                disabled={view.views.length === 1 && view.views[0] === v}
                onChange={(e) =>
                  updateView({
                    views: PRESENT_VIEWS.filter((w) => (w === v ? e.target.checked : view.views.includes(w))),
                  })
                }
              />{' '}
              {VIEW_LABELS[v]}
            </label>
          ))}
        </fieldset>
      )}
      {status && (
        <span className="toolbar-status" role="status">
          {status}
        </span>
      )}
    </div>
  );
}
