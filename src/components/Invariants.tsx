import type { Check } from '../protocol/messages.ts';

/** Live pass/fail badges computed in the engine from the matrices on screen. */
export function Invariants({ checks }: { checks: Check[] }) {
  return (
    <section className="panel" aria-labelledby="invariants-title">
      <header className="panel-head">
        <h2 id="invariants-title">Invariants</h2>
      </header>
      {checks.length === 0 ? (
        <p className="empty">No invariant applies to this scheme's views.</p>
      ) : (
        <ul className="checks">
          {checks.map((c) => (
            <li key={c.name} className={c.pass ? 'pass' : 'fail'} data-testid="check">
              <span className="verdict">{c.pass ? 'pass' : 'fail'}</span>
              <span className="check-name">{c.name}</span>
              <span className="check-detail">{c.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
