import { memo, useMemo } from 'react';
import type { Token } from '../protocol/messages.ts';
import { utf8Length } from '../client/utf8.ts';
import { LIMITS } from '../protocol/specs.ts';
import { download, tokensCsv } from '../client/csv.ts';
import { requestNeighbours, setHoverRow } from '../client/useEngine.ts';
import { useT } from '../i18n/useT.ts';

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
  const tr = useT();
  const bytes = useMemo(() => utf8Length(text), [text]);
  const selected = new Set(selectedRows);
  const cut = total > tokens.length && tokens.length > 0 ? tokens[tokens.length - 1].end : null;
  return (
    <section className="panel tokens" aria-labelledby="tokens-title">
      <header className="panel-head">
        <h2 id="tokens-title">{tr('tokens.title')}</h2>
        <span className="shape" data-testid="token-count">
          {tr('tokens.count', { tokens: tr.num(total), chars: tr.num(text.length), bytes: tr.num(bytes) })}
          {vocabSize !== null && tr('tokens.vocabulary', { v: tr.num(vocabSize) })}
          {unknown > 0 && tr('tokens.unknown', { n: unknown })}
        </span>
        <button
          type="button"
          disabled={tokens.length === 0}
          onClick={() => download('tokens.csv', tokensCsv(tokens))}
        >
          {tr('matrix.exportCsv')}
        </button>
      </header>
      <p className="hint">{tr('tokens.hint')}</p>
      <ol className="chips" aria-label={tr('tokens.strip')}>
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
              title={tr('tokens.chipTitle', {
                p,
                id: t.id,
                start: t.start,
                end: t.end,
                bstart: t.byteStart,
                bend: t.byteEnd,
              })}
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
          {tr('tokens.capped', { max: tr.num(LIMITS.maxTokens), total: tr.num(total), cut: tr.num(cut) })}{' '}
          <span className="greyed">
            {text.slice(cut, cut + 200)}
            {text.length > cut + 200 ? '…' : ''}
          </span>
        </p>
      )}
    </section>
  );
});
