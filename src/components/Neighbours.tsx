// The 10 nearest vocabulary entries of a clicked token, by cosine similarity over the whole token table
// (computed on the device in the worker).
import { useAppState } from '../client/useEngine.ts';
import { useT } from '../i18n/useT.ts';

export function Neighbours() {
  const nb = useAppState((s) => s.neighbours);
  const error = useAppState((s) => s.requestError);
  const embedding = useAppState((s) => s.view.spec.embedding);
  const t = useT();
  return (
    <section className="panel" aria-labelledby="nb-title" role="region">
      <header className="panel-head">
        <h2 id="nb-title">{t('nb.title')}</h2>
        <span className="shape">{t('nb.over', { table: embedding })}</span>
      </header>
      {error && !nb && (
        <p className="error" role="alert">
          {t.say(error)}
        </p>
      )}
      {!nb && !error && <p className="empty">{t('nb.empty')}</p>}
      {nb && (
        <>
          <p>
            {t('nb.nearestTo')} <b>{nb.piece}</b> {t('nb.id', { id: nb.id })}
          </p>
          <ol className="neighbours" aria-label={t('nb.listLabel', { piece: nb.piece })}>
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
