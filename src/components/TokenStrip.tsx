import type { Token } from '../protocol/messages.ts';
import { download, tokensCsv } from '../client/csv.ts';
import { setHoverRow } from '../client/useEngine.ts';

interface Props {
  tokens: Token[];
  vocabSize: number | null;
  textLength: number;
  hoverRow: number | null;
}

function visible(text: string): string {
  // Make white space and invisible characters readable inside a chip.
  return text.replace(/ /g, '␣').replace(/\n/g, '↵').replace(/\t/g, '⇥');
}

export function TokenStrip({ tokens, vocabSize, textLength, hoverRow }: Props) {
  const unknown = tokens.filter((t) => t.unknown).length;
  return (
    <section className="panel tokens" aria-labelledby="tokens-title">
      <header className="panel-head">
        <h2 id="tokens-title">Tokens</h2>
        <span className="shape" data-testid="token-count">
          {tokens.length} tokens · {textLength} characters
          {vocabSize !== null && ` · vocabulary ${vocabSize.toLocaleString('en')}`}
          {unknown > 0 && ` · ${unknown} unknown`}
        </span>
        <button
          type="button"
          disabled={tokens.length === 0}
          onClick={() => download('tokens.csv', tokensCsv(tokens))}
        >
          Export CSV
        </button>
      </header>
      <ol className="chips" aria-label="token strip">
        {tokens.map((t, p) => (
          <li
            key={p}
            className={`chip${t.unknown ? ' unk' : ''}${hoverRow === p ? ' hover' : ''}`}
            onPointerEnter={() => setHoverRow(p)}
            onPointerLeave={() => setHoverRow(null)}
            title={`position ${p} · id ${t.id} · characters ${t.start}–${t.end}`}
          >
            <span className="chip-text">{visible(t.text)}</span>
            <span className="chip-meta">
              {t.unknown ? <b className="unk-tag">[UNK]</b> : null} id {t.id} · p{p}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
