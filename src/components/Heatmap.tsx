import { useContext, useEffect, useMemo, useRef } from 'react';
import { drawHeatmap, type HeatmapData, type HeatmapOptions } from '../plots/heatmap.ts';
import { ColormapContext } from './colormapContext.ts';
import { useRedrawOnWidth } from './useRedrawOnWidth.ts';

/** React owns only the element and the effect; drawing is plots/heatmap.ts. */
export function Heatmap({ matrix, options }: { matrix: HeatmapData; options: HeatmapOptions }) {
  const ref = useRef<HTMLDivElement>(null);
  const colormap = useContext(ColormapContext);
  const opts = useMemo(() => ({ ...options, colormap }), [options, colormap]);
  useEffect(() => {
    if (ref.current) drawHeatmap(ref.current, matrix, opts);
  }, [matrix, opts]);
  useRedrawOnWidth(ref, (el) => drawHeatmap(el, matrix, opts));
  return <div ref={ref} className="heatmap" />;
}
