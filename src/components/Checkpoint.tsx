// Bring your own checkpoint: a file input and page-wide drop target. The worker reads only the headers, lists
// the tensors (with their shard when several files were dropped: safetensors shards and their
// model.safetensors.index.json), and proposes a token table and a position table; the user can override either.
import { useEffect, useState } from 'react';
import type { RunSpec } from '../protocol/specs.ts';
import { applyCheckpoint } from '../client/checkpoint.ts';
import { addNotice, loadCheckpoint, openSession, updateSpec, useAppState } from '../client/useEngine.ts';
import { parseSession } from '../client/session.ts';
import { useT } from '../i18n/useT.ts';
import { message } from '../i18n/t.ts';
import { store } from '../client/useEngine.ts';

function bytes(n: number, t: ReturnType<typeof useT>): string {
  return n >= 1e9
    ? `${(n / 1e9).toFixed(2)} GB`
    : n >= 1e6
      ? `${(n / 1e6).toFixed(1)} MB`
      : t('ckpt.bytes', { n });
}

export function Checkpoint({ spec }: { spec: RunSpec }) {
  const info = useAppState((s) => s.checkpoint);
  const error = useAppState((s) => s.checkpointError);
  const tr = useT();

  const tables = info?.tensors.filter((t) => t.shape.length === 2) ?? [];
  const shards = info?.tensors.some((t) => t.shard !== undefined) ?? false;
  const pick = (key: 'token' | 'position', name: string) => {
    if (!info) return;
    const choice = { ...spec.checkpoint, [key]: name === '' ? null : name };
    updateSpec(applyCheckpoint(spec, info, choice));
  };

  return (
    <section className="panel" aria-labelledby="ckpt-title" role="region">
      <header className="panel-head">
        <h2 id="ckpt-title">{tr('ckpt.title')}</h2>
        <span className="shape">{tr('ckpt.formats')}</span>
      </header>
      <label className="field file">
        <span>{tr('ckpt.load')}</span>
        <input
          type="file"
          accept=".safetensors,.npy,.json"
          multiple
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            if (files.length) loadCheckpoint(files);
            e.target.value = '';
          }}
        />
      </label>
      <p className="hint">{tr('ckpt.drop')}</p>
      {error && (
        <p className="error" role="alert">
          {tr.say(error)}
        </p>
      )}
      {info && (
        <>
          <p>
            <b>{info.file}</b> ·{' '}
            {tr('ckpt.summary', {
              bytes: bytes(info.bytes, tr),
              format: info.format,
              n: info.tensors.length,
            })}
          </p>
          {info.notes?.map((note) => (
            <p className="hint" key={note}>
              {note}
            </p>
          ))}
          <div className="controls">
            {(['token', 'position'] as const).map((key) => (
              <label className="field" key={key}>
                <span>{key === 'token' ? tr('ckpt.token') : tr('ckpt.position')}</span>
                <select value={spec.checkpoint[key] ?? ''} onChange={(e) => pick(key, e.target.value)}>
                  <option value="">{tr('ckpt.none')}</option>
                  {tables.map((t) => (
                    <option key={t.name} value={t.name}>
                      {t.name} [{t.shape.join(' × ')}]
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <table className="tensor-list" aria-label={tr('ckpt.tensors')}>
            <thead>
              <tr>
                <th>{tr('ckpt.name')}</th>
                <th>{tr('ckpt.shape')}</th>
                <th>dtype</th>
                {shards && <th>shard</th>}
              </tr>
            </thead>
            <tbody>
              {info.tensors.slice(0, 500).map((t) => (
                <tr key={t.name}>
                  <td>{t.name}</td>
                  <td>[{t.shape.join(', ')}]</td>
                  <td>{t.dtype}</td>
                  {shards && <td>{t.shard}</td>}
                </tr>
              ))}
            </tbody>
          </table>
          {info.tensors.length > 500 && (
            <p className="hint">{tr('ckpt.first500', { n: info.tensors.length })}</p>
          )}
        </>
      )}
    </section>
  );
}

/** Page-wide drop target: any file dropped on the page goes to the checkpoint loader. */
export function useFileDrop(): boolean {
  const [active, setActive] = useState(false);
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) {
        e.preventDefault();
        setActive(true);
      }
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setActive(false);
    };
    const drop = (e: DragEvent) => {
      const files = [...(e.dataTransfer?.files ?? [])];
      const file = files[0];
      if (!file) return;
      e.preventDefault();
      setActive(false);
      if (files.length === 1 && /\.json$/i.test(file.name) && !/\.index\.json$/i.test(file.name)) {
        // a saved session dropped on the page opens like "Open session"
        void file.text().then(
          (text) => {
            try {
              const { view, notices } = parseSession(text, store.get().view.lang);
              openSession(view, notices);
            } catch (err) {
              const why = err instanceof Error ? err.message : String(err);
              addNotice(message('ckpt.error', { file: file.name, why }));
            }
          },
          () => addNotice(message('ckpt.unreadable', { file: file.name })),
        );
        return;
      }
      loadCheckpoint(files); // one file, or shards dropped together with their index
    };
    addEventListener('dragover', over);
    addEventListener('dragleave', leave);
    addEventListener('drop', drop);
    return () => {
      removeEventListener('dragover', over);
      removeEventListener('dragleave', leave);
      removeEventListener('drop', drop);
    };
  }, []);
  return active;
}
