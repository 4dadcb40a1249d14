import { useEffect, useRef } from 'react';
import { drawLines, type LinesOptions, type Series } from '../plots/lines.ts';
import { onWidthChange } from '../plots/width.ts';

export function LinesPlot({ series, options }: { series: Series[]; options: LinesOptions }) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef({ series, options });
  useEffect(() => {
    latest.current = { series, options };
    if (ref.current) drawLines(ref.current, series, options);
  }, [series, options]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    return onWidthChange(el, () => drawLines(el, latest.current.series, latest.current.options));
  }, []);
  return <div ref={ref} className="lines-wrap" />;
}
