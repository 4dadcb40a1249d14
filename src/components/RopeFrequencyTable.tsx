// The RoPE frequencies as a table (pair, θ, θ′, wavelengths, region), folded under the plot: the matrix carries the
// region as a code (its index in FREQUENCY_REGIONS), shown here by name.
import type { Matrix } from '../protocol/messages.ts';
import { FREQUENCY_REGIONS } from '../protocol/rope.ts';
import { useT } from '../i18n/useT.ts';

export function RopeFrequencyTable({ m }: { m: Matrix }) {
  const [rows, cols] = m.shape;
  const t = useT();
  const head = [t('ropelab.pairHead'), 'θ_i', 'θ′_i', 'λ_i', 'λ′_i', t('ropelab.regionHead')];
  const region = (code: number) => {
    const r = FREQUENCY_REGIONS[code];
    return r ? t(`region.${r}`) : '?';
  };
  return (
    <details className="rope-frequency-table">
      <summary>{t('ropelab.tablePairs', { n: rows })}</summary>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, i) => (
              <tr key={i}>
                <td>{m.data[i * cols]}</td>
                {[1, 2, 3, 4].map((j) => (
                  <td key={j}>{m.data[i * cols + j].toPrecision(6)}</td>
                ))}
                <td>{region(m.data[i * cols + 5])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
