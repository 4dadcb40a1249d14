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
