import { useEffect, useRef } from 'react';
import { drawHeatmap, type HeatmapData, type HeatmapOptions } from '../plots/heatmap.ts';

/** React owns only the element and the effect; drawing is plots/heatmap.ts. */
export function Heatmap({ matrix, options }: { matrix: HeatmapData; options: HeatmapOptions }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) drawHeatmap(ref.current, matrix, options);
  }, [matrix, options]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => drawHeatmap(el, matrix, options));
    ro.observe(el.parentElement ?? el);
    return () => ro.disconnect();
  }, [matrix, options]);
  return <div ref={ref} className="heatmap" />;
}
