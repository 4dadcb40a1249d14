// ALiBi's head slopes as a table (head, m, log₂ m) with CSV export: a geometric sequence reads best as numbers.
import type { Matrix } from '../protocol/messages.ts';
import { download, matrixCsv } from '../client/csv.ts';

export function SlopesTable({ slopes }: { slopes: Matrix }) {
  return (
    <section className="panel" aria-labelledby="alibi-slopes-title">
      <header className="panel-head">
        <h2 id="alibi-slopes-title">ALiBi slopes</h2>
        <span className="shape">{slopes.shape[0]} heads</span>
        <button type="button" onClick={() => download('alibi-slopes.csv', matrixCsv(slopes))}>
          Export CSV
        </button>
      </header>
      <table className="slopes">
        <thead>
          <tr>
            <th>head</th>
            <th>slope m</th>
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
