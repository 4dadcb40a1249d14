// PNG / SVG export of a plot element, and NPY of a matrix: the formats a slide, a paper or numpy wants.
import { useState, type RefObject } from 'react';
import type { Matrix } from '../protocol/messages.ts';
import { writeNpy } from '../checkpoints/npy.ts';
import { download } from '../client/csv.ts';
import { plotPng, plotSvg } from '../plots/exportPlot.ts';
import { useT } from '../i18n/useT.ts';

export function ExportButtons({
  target,
  name,
  matrix,
}: {
  target: RefObject<HTMLElement | null>;
  name: string;
  matrix?: Matrix;
}) {
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  const run = (f: () => Promise<void> | void) => async () => {
    setError(null);
    try {
      await f();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const el = () => {
    if (!target.current) throw new Error(t('export.nothing'));
    return target.current;
  };
  return (
    <span className="export-buttons">
      {matrix && (
        <button
          type="button"
          title={t('export.npyTitle')}
          onClick={run(() =>
            download(
              `${name}.npy`,
              new Blob([writeNpy([matrix.shape[0], matrix.shape[1]], matrix.data)], {
                type: 'application/octet-stream',
              }),
            ),
          )}
        >
          NPY
        </button>
      )}
      <button type="button" onClick={run(async () => download(`${name}.png`, await plotPng(el())))}>
        PNG
      </button>
      <button
        type="button"
        onClick={run(() => download(`${name}.svg`, new Blob([plotSvg(el())], { type: 'image/svg+xml' })))}
      >
        SVG
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
