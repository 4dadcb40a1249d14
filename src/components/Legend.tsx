import { useEffect, useRef } from 'react';
import { drawLegend } from '../plots/heatmap.ts';
import type { ColorKind } from '../plots/scales.ts';

interface Props {
  domain: [number, number];
  title: string;
  colors?: ColorKind;
}

export function Legend({ domain, title, colors = 'diverging' }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) drawLegend(ref.current, domain, title, colors);
  }, [domain, title, colors]);
  return <div ref={ref} className="legend-wrap" />;
}
