import { useEffect, useRef } from 'react';
import { drawLines, type LinesOptions, type Series } from '../plots/lines.ts';
import { useRedrawOnWidth } from './useRedrawOnWidth.ts';

export function LinesPlot({ series, options }: { series: Series[]; options: LinesOptions }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) drawLines(ref.current, series, options);
  }, [series, options]);
  useRedrawOnWidth(ref, (el) => drawLines(el, series, options));
  return <div ref={ref} className="lines-wrap" />;
}
