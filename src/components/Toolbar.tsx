// Share and look: copy the link, save/open a session file, lessons, theme, colour map, presentation mode and the
// interface's language (中文 / English: two toggle buttons, each named in its own language).
import { useRef, useState } from 'react';
import { download } from '../client/csv.ts';
import { parseSession, sessionJson } from '../client/session.ts';
import { COLORMAPS, PRESENT_VIEWS, THEMES, type PresentView, type ViewState } from '../client/urlState.ts';
import { openSession, updateView } from '../client/useEngine.ts';
import { isOneOf } from '../protocol/specs.ts';
import { useT } from '../i18n/useT.ts';
import type { Key } from '../i18n/t.ts';
import { HTML_LANG, LANGS, type Lang } from '../i18n/lang.ts';

/** String keys, or a colour map's own name (viridis, cividis are names in every language). */
const COLORMAP_LABELS: Record<(typeof COLORMAPS)[number], Key | null> = {
  auto: 'toolbar.colormap.auto',
  viridis: null,
  cividis: null,
  rdbu: 'toolbar.colormap.rdbu',
};

const VIEW_LABELS: Record<PresentView, Key> = {
  tokens: 'view.tokens',
  embeddings: 'view.embeddings',
  pe: 'view.pe',
  input: 'view.input',
  projection: 'view.projection',
  lab: 'view.lab',
  training: 'view.training',
  tables: 'view.tables',
  checkpoint: 'view.checkpoint',
};

/** Each language named in itself, so a reader of either finds the switch. */
const LANG_NAMES: Record<Lang, string> = { zh: '中文', en: 'English' };

export function Toolbar({ view }: { view: ViewState }) {
  const [status, setStatus] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const t = useT();

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setStatus(t('toolbar.copied'));
    } catch {
      // no clipboard permission (e.g. an insecure origin): show the link to copy by hand
      window.prompt(t('toolbar.copyPrompt'), location.href);
    }
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <button type="button" onClick={copyLink}>
        {t('toolbar.copyLink')}
      </button>
      <button
        type="button"
        onClick={() => download('embedscope-session.json', sessionJson(view), 'application/json')}
      >
        {t('toolbar.save')}
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        {t('toolbar.open')}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={t('toolbar.sessionFile')}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          try {
            const { view: next, notices } = parseSession(await file.text(), t.lang);
            openSession(next, notices);
            setStatus(t('toolbar.opened', { file: file.name }));
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
        {t('toolbar.lessons')}
      </button>
      <label className="field inline">
        <span>{t('toolbar.theme')}</span>
        <select
          value={view.theme}
          onChange={(e) => isOneOf(THEMES, e.target.value) && updateView({ theme: e.target.value })}
        >
          {THEMES.map((k) => (
            <option key={k} value={k}>
              {t(`toolbar.theme.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field inline">
        <span>{t('toolbar.colormap')}</span>
        <select
          value={view.colormap}
          onChange={(e) => isOneOf(COLORMAPS, e.target.value) && updateView({ colormap: e.target.value })}
        >
          {COLORMAPS.map((k) => {
            const label = COLORMAP_LABELS[k];
            return (
              <option key={k} value={k}>
                {label ? t(label) : k}
              </option>
            );
          })}
        </select>
      </label>
      <button
        type="button"
        aria-pressed={view.present}
        onClick={() => updateView({ present: !view.present })}
      >
        {t('toolbar.presentation')}
      </button>
      <span className="lang-switch" role="group" aria-label={t('toolbar.language')}>
        {LANGS.slice()
          .reverse()
          .map((l, i) => (
            <span key={l}>
              {i > 0 && <span aria-hidden="true"> / </span>}
              <button
                type="button"
                className="link"
                lang={HTML_LANG[l]}
                aria-pressed={view.lang === l}
                onClick={() => updateView({ lang: l })}
              >
                {LANG_NAMES[l]}
              </button>
            </span>
          ))}
      </span>
      {view.present && (
        <fieldset className="present-views">
          <legend>{t('toolbar.show')}</legend>
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
              {t(VIEW_LABELS[v])}
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
