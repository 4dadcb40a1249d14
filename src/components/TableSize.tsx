// Size, parameters and quantisation of the token (and learned position) table: counts, bytes per storage
// type, and — on request — the absolute error of an f16 and a symmetric per-row int8 round trip.
import { CATALOG } from '../encodings/catalog.ts';
import { memo, useEffect, useState } from 'react';
import type { RunSpec } from '../protocol/specs.ts';
import { extentOf } from '../plots/scales.ts';
import { requestQuantisation, useAppState } from '../client/useEngine.ts';
import { MatrixPanel } from './MatrixPanel.tsx';
import { useT } from '../i18n/useT.ts';

const BYTES = { f32: 4, f16: 2, int8: 1 } as const;

function size(n: number): string {
  return n >= 1e9
    ? `${(n / 1e9).toFixed(2)} GB`
    : n >= 1e6
      ? `${(n / 1e6).toFixed(2)} MB`
      : `${(n / 1e3).toFixed(1)} kB`;
}

/** Memoised: it depends on the spec and the vocabulary size, not on each matrix message. */
export const TableSize = memo(function TableSize({
  spec,
  vocabSize,
}: {
  spec: RunSpec;
  vocabSize: number | null;
}) {
  const [on, setOn] = useState(false);
  const quant = useAppState((s) => s.quant);
  const error = useAppState((s) => s.requestError);
  const hoverRow = useAppState((s) => s.hoverRow);
  const learnedRows = useAppState((s) => s.matrices.table?.shape[0] ?? null);
  const key = JSON.stringify({ ...spec, params: null });
  const t = useT();

  useEffect(() => {
    if (on) requestQuantisation();
  }, [on, key]);

  const V = vocabSize ?? 0;
  const tokenParams = V * spec.d;
  const positionParams = CATALOG[spec.pe].learnedTable ? (learnedRows ?? spec.params.positions) * spec.d : 0;
  const rows: ['size.tokenTable' | 'size.positionTable', number][] = [
    ['size.tokenTable', tokenParams],
    ['size.positionTable', positionParams],
  ];
  return (
    <section className="panel" aria-labelledby="size-title" role="region">
      <header className="panel-head">
        <h2 id="size-title">{t('size.title')}</h2>
        <span className="shape">{t('size.note')}</span>
      </header>
      <table className="stats" aria-label={t('size.counts')}>
        <thead>
          <tr>
            <th>{t('size.table')}</th>
            <th>{t('size.parameters')}</th>
            <th>f32</th>
            <th>f16</th>
            <th>int8</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, n]) => {
            const r = name === 'size.tokenTable' ? V : n / spec.d;
            return (
              <tr key={name}>
                <th>{t(name)}</th>
                <td>{t.num(n)}</td>
                <td>{size(n * BYTES.f32)}</td>
                <td>{size(n * BYTES.f16)}</td>
                <td>{size(n * BYTES.int8 + r * 4)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label className="check">
        <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} /> {t('size.quantise')}
      </label>
      {on && error && (
        <p className="error" role="alert">
          {t.say(error)}
        </p>
      )}
      {on && quant && (
        <>
          <table className="stats" aria-label={t('size.errors')}>
            <thead>
              <tr>
                <th>{t('size.roundTrip')}</th>
                <th>{t('size.max')}</th>
                <th>{t('size.mean')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th>f16</th>
                <td data-testid="f16-max">{quant.stats.f16.max.toExponential(3)}</td>
                <td>{quant.stats.f16.mean.toExponential(3)}</td>
              </tr>
              <tr>
                <th>{t('size.perRow')}</th>
                <td data-testid="int8-max">{quant.stats.int8.max.toExponential(3)}</td>
                <td>{quant.stats.int8.mean.toExponential(3)}</td>
              </tr>
            </tbody>
          </table>
          <div className="matrices">
            {[quant.f16, quant.int8].map((m) => (
              <MatrixPanel
                key={m.name}
                name={m.title}
                title={t.title(m.name, m.title)}
                matrix={m}
                domain={[0, Math.max(extentOf(m.data)[1], 1e-12)]}
                hoverRow={hoverRow}
                extra={{ colors: 'sequential' }}
                caption={t('size.caption', { max: extentOf(m.data)[1].toExponential(2) })}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
});
