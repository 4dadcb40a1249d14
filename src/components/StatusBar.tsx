import type { AppState } from '../client/store.ts';
import { dismissNotice } from '../client/useEngine.ts';

export function BackendBadge({ backend }: { backend: AppState['backend'] }) {
  if (!backend) return <span className="badge pending">Backend: starting…</span>;
  const fellBack = backend.fallbacks.length > 0;
  return (
    <span className={`badge ${backend.name}${fellBack ? ' fallback' : ''}`} data-testid="backend-badge">
      Backend: {backend.name}
      {backend.adapter && <span className="adapter"> · {backend.adapter}</span>}
    </span>
  );
}

export function Notices({ state }: { state: Pick<AppState, 'notices' | 'error' | 'backend'> }) {
  const { notices, error, backend } = state;
  const fallbacks = backend?.fallbacks ?? [];
  return (
    <div className="notices" aria-live="polite">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {fallbacks.length > 0 && backend && (
        <p className="notice">
          Running on {backend.name}: {fallbacks.join('; ')}.
        </p>
      )}
      {notices.map((n, i) => (
        <p className="notice" key={`${i}-${n}`}>
          {n}{' '}
          <button type="button" className="link" onClick={() => dismissNotice(i)} aria-label="Dismiss notice">
            ✕
          </button>
        </p>
      ))}
    </div>
  );
}

/** Progress of a slow step (a data download, a long tokenisation), announced politely. */
export function Progress({ progress }: { progress: AppState['progress'] }) {
  if (!progress) return null;
  const { task, done, total } = progress;
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  return (
    <div className="progress" role="status" aria-live="polite">
      <span>{task}</span>
      <progress max={total ?? undefined} value={total ? done : undefined} aria-label={task} />
      <span>{total ? `${mb(done)} of ${mb(total)}` : mb(done)}</span>
    </div>
  );
}
