import { useEffect, useRef } from 'react';
import { drawHeatmap, type HeatmapData, type HeatmapOptions } from '../plots/heatmap.ts';

/**
 * React owns only the element and the effects; drawing is plots/heatmap.ts, which repaints the cells only when
 * the matrix, domain or colours changed. One ResizeObserver lives as long as the element and redraws (axes and
 * layout) when the width changes, with the latest props.
 */
export function Heatmap({ matrix, options }: { matrix: HeatmapData; options: HeatmapOptions }) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef({ matrix, options });
  useEffect(() => {
    latest.current = { matrix, options };
    if (ref.current) drawHeatmap(ref.current, matrix, options);
  }, [matrix, options]);
  useEffect(() => {
    const el = ref.current;
    const watched = el?.parentElement ?? el;
    if (!el || !watched) return;
    let width = watched.clientWidth;
    const ro = new ResizeObserver(() => {
      if (watched.clientWidth === width) return;
      width = watched.clientWidth;
      drawHeatmap(el, latest.current.matrix, latest.current.options);
    });
    ro.observe(watched);
    return () => ro.disconnect();
  }, []);
  return <div ref={ref} className="heatmap" />;
}
