// The 10 nearest vocabulary entries of a clicked token, by cosine similarity over the whole token table
// (computed on the device in the worker).
import { useAppState } from '../client/useEngine.ts';

export function Neighbours() {
  const nb = useAppState((s) => s.neighbours);
  const error = useAppState((s) => s.requestError);
  const embedding = useAppState((s) => s.view.spec.embedding);
  return (
    <section className="panel" aria-labelledby="nb-title" role="region">
      <header className="panel-head">
        <h2 id="nb-title">Nearest neighbours</h2>
        <span className="shape">cosine similarity over the whole {embedding} table</span>
      </header>
      {error && !nb && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!nb && !error && (
        <p className="empty">Click a token chip to list its 10 nearest vocabulary entries.</p>
      )}
      {nb && (
        <>
          <p>
            Nearest to <b>{nb.piece}</b> (id {nb.id}):
          </p>
          <ol className="neighbours" aria-label={`nearest neighbours of ${nb.piece}`}>
            {nb.list.map((n) => (
              <li key={n.id}>
                <span className="nb-piece">{n.piece}</span>{' '}
                <span className="shape">{n.cosine.toFixed(3)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
