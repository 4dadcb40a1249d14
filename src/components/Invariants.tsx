import type { Check } from '../protocol/messages.ts';
import { useT } from '../i18n/useT.ts';

/** Live pass/fail badges computed in the engine from the matrices on screen. */
export function Invariants({ checks }: { checks: Check[] }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="invariants-title">
      <header className="panel-head">
        <h2 id="invariants-title">{t('inv.title')}</h2>
      </header>
      {checks.length === 0 ? (
        <p className="empty">{t('inv.none')}</p>
      ) : (
        <ul className="checks">
          {checks.map((c) => (
            <li key={c.name.key} className={c.pass ? 'pass' : 'fail'} data-testid="check">
              <span className="verdict">{c.pass ? t('inv.pass') : t('inv.fail')}</span>
              <span className="check-name">{t.say(c.name)}</span>
              <span className="check-detail">{t.say(c.detail)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
