import { useEffect, useRef } from 'react';
import { drawHeatmap, type HeatmapData, type HeatmapOptions } from '../plots/heatmap.ts';

/**
 * React owns only the element and the effect; drawing is plots/heatmap.ts, which repaints the cells only when
 * the matrix, domain or colours changed, and redraws by itself when the element's width changes.
 */
export function Heatmap({ matrix, options }: { matrix: HeatmapData; options: HeatmapOptions }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) drawHeatmap(ref.current, matrix, options);
  }, [matrix, options]);
  return <div ref={ref} className="heatmap" />;
}
