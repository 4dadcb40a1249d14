import { useContext, useEffect, useMemo, useRef } from 'react';
import { drawHeatmap, type HeatmapData, type HeatmapOptions } from '../plots/heatmap.ts';
import { onWidthChange } from '../plots/width.ts';
import { ColormapContext } from './colormapContext.ts';

/** React owns only the element and the effect; drawing is plots/heatmap.ts. */
export function Heatmap({ matrix, options }: { matrix: HeatmapData; options: HeatmapOptions }) {
  const ref = useRef<HTMLDivElement>(null);
  const colormap = useContext(ColormapContext);
  const opts = useMemo(() => ({ ...options, colormap }), [options, colormap]);
  const latest = useRef({ matrix, opts });
  useEffect(() => {
    latest.current = { matrix, opts };
    if (ref.current) drawHeatmap(ref.current, matrix, opts);
  }, [matrix, opts]);
  // Watched once per mount: a new width redraws the latest matrix (plots/width.ts keeps the width cached).
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    return onWidthChange(el, () => drawHeatmap(el, latest.current.matrix, latest.current.opts));
  }, []);
  return <div ref={ref} className="heatmap" />;
}
