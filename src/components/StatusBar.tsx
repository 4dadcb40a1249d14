import type { AppState } from '../client/store.ts';
import { dismissNotice } from '../client/useEngine.ts';
import { useT } from '../i18n/useT.ts';
import { list } from '../protocol/msg.ts';

export function BackendBadge({ backend }: { backend: AppState['backend'] }) {
  const t = useT();
  if (!backend) return <span className="badge pending">{t('status.backendStarting')}</span>;
  const fellBack = backend.fallbacks.length > 0;
  return (
    <span className={`badge ${backend.name}${fellBack ? ' fallback' : ''}`} data-testid="backend-badge">
      {t('status.backend', { name: backend.name })}
      {backend.adapter && <span className="adapter"> · {backend.adapter}</span>}
    </span>
  );
}

export function Notices({ state }: { state: Pick<AppState, 'notices' | 'error' | 'backend'> }) {
  const { notices, error, backend } = state;
  const fallbacks = backend?.fallbacks ?? [];
  const t = useT();
  return (
    <div className="notices" aria-live="polite">
      {error && (
        <p className="error" role="alert">
          {t.say(error)}
        </p>
      )}
      {fallbacks.length > 0 && backend && (
        <p className="notice">{t('status.fallback', { name: backend.name, why: list(fallbacks) })}</p>
      )}
      {notices.map((n, i) => (
        <p className="notice" key={`${i}-${n.key}`}>
          {t.say(n)}{' '}
          <button
            type="button"
            className="link"
            onClick={() => dismissNotice(i)}
            aria-label={t('status.dismiss')}
          >
            ✕
          </button>
        </p>
      ))}
    </div>
  );
}

/** Progress of a slow step (a data download, a long tokenisation), announced politely. */
export function Progress({ progress }: { progress: AppState['progress'] }) {
  const t = useT();
  if (!progress) return null;
  const { done, total } = progress;
  const task = t.say(progress.task);
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  return (
    <div className="progress" role="status" aria-live="polite">
      <span>{task}</span>
      <progress max={total ?? undefined} value={total ? done : undefined} aria-label={task} />
      <span>{total ? t('status.mbOf', { done: mb(done), total: mb(total) }) : mb(done)}</span>
    </div>
  );
}
