// ALiBi's head slopes as a table (head, m, log₂ m) with CSV export: a geometric sequence reads best as numbers.
import type { Matrix } from '../protocol/messages.ts';
import { download, matrixCsv } from '../client/csv.ts';
import { useT } from '../i18n/useT.ts';

export function SlopesTable({ slopes }: { slopes: Matrix }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="alibi-slopes-title">
      <header className="panel-head">
        <h2 id="alibi-slopes-title">{t('slopes.title')}</h2>
        <span className="shape">{t('slopes.heads', { n: slopes.shape[0] })}</span>
        <button type="button" onClick={() => download('alibi-slopes.csv', matrixCsv(slopes))}>
          {t('matrix.exportCsv')}
        </button>
      </header>
      <table className="slopes">
        <thead>
          <tr>
            <th>{t('slopes.head')}</th>
            <th>{t('slopes.slope')}</th>
            <th>log₂ m</th>
          </tr>
        </thead>
        <tbody>
          {Array.from(slopes.data, (m, h) => (
            <tr key={h}>
              <td>{h}</td>
              <td>{m.toPrecision(6)}</td>
              <td>{Math.log2(m).toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
