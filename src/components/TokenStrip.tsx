import { memo, useMemo } from 'react';
import type { Token } from '../protocol/messages.ts';
import { utf8Length } from '../client/utf8.ts';
import { LIMITS } from '../protocol/specs.ts';
import { download, tokensCsv } from '../client/csv.ts';
import { requestNeighbours, setHoverRow } from '../client/useEngine.ts';

interface Props {
  tokens: Token[];
  vocabSize: number | null;
  text: string;
  /** Tokens in the whole text, including those past the cap. */
  total: number;
  hoverRow: number | null;
  selectedRows: number[];
}

function visible(text: string): string {
  // Make white space and invisible characters readable inside a chip.
  return text
    .replace(/ /g, '␣')
    .replace(/\n/g, '↵')
    .replace(/\t/g, '⇥')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '◌');
}

/** A stable, readable hue per token id, so repeats of a piece share a colour (golden-angle spacing). */
export function chipHue(id: number): number {
  return (id * 137.508) % 360;
}

/** Memoised: engine messages that change only matrices must not re-render (and re-lay-out) 2,048 chips. */
export const TokenStrip = memo(function TokenStrip({
  tokens,
  vocabSize,
  text,
  total,
  hoverRow,
  selectedRows,
}: Props) {
  const unknown = tokens.filter((t) => t.unknown).length;
  const bytes = useMemo(() => utf8Length(text), [text]);
  const selected = new Set(selectedRows);
  const cut = total > tokens.length && tokens.length > 0 ? tokens[tokens.length - 1].end : null;
  return (
    <section className="panel tokens" aria-labelledby="tokens-title">
      <header className="panel-head">
        <h2 id="tokens-title">Tokens</h2>
        <span className="shape" data-testid="token-count">
          {total.toLocaleString('en')} tokens · {text.length.toLocaleString('en')} characters ·{' '}
          {bytes.toLocaleString('en')} bytes
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
      <p className="hint">Hover a chip to find its row in every view; click it for its nearest neighbours.</p>
      <ol className="chips" aria-label="token strip">
        {tokens.map((t, p) => (
          <li key={p} style={{ borderTopColor: `hsl(${chipHue(t.id)} 65% 45%)` }}>
            <button
              type="button"
              className={`chip${t.unknown ? ' unk' : ''}${hoverRow === p ? ' hover' : ''}${selected.has(p) ? ' selected' : ''}`}
              onPointerEnter={() => setHoverRow(p)}
              onPointerLeave={() => setHoverRow(null)}
              onFocus={() => setHoverRow(p)}
              onBlur={() => setHoverRow(null)}
              onClick={() => requestNeighbours(t.id)}
              title={`position ${p} · id ${t.id} · characters ${t.start}–${t.end} · bytes ${t.byteStart}–${t.byteEnd}`}
            >
              <span className="chip-text">{visible(t.text)}</span>
              <span className="chip-meta">
                {t.unknown ? <b className="unk-tag">[UNK]</b> : null} id {t.id} · p{p} · b{t.byteStart}–
                {t.byteEnd}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {cut !== null && (
        <p className="capped" data-testid="capped">
          Only the first {LIMITS.maxTokens.toLocaleString('en')} of {total.toLocaleString('en')} tokens are
          computed (the max-tokens cap). The text after character {cut.toLocaleString('en')} is kept but not
          used:{' '}
          <span className="greyed">
            {text.slice(cut, cut + 200)}
            {text.length > cut + 200 ? '…' : ''}
          </span>
        </p>
      )}
    </section>
  );
});
