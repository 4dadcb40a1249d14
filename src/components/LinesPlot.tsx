import { useEffect, useRef } from 'react';
import { drawLines, type LinesOptions, type Series } from '../plots/lines.ts';

export function LinesPlot({ series, options }: { series: Series[]; options: LinesOptions }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    drawLines(el, series, options);
    const ro = new ResizeObserver(() => drawLines(el, series, options));
    ro.observe(el);
    return () => ro.disconnect();
  }, [series, options]);
  return <div ref={ref} className="lines-wrap" />;
}
