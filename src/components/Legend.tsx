import { useEffect, useRef } from 'react';
import { drawLegend } from '../plots/heatmap.ts';

export function Legend({ domain, title }: { domain: [number, number]; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) drawLegend(ref.current, domain, title);
  }, [domain, title]);
  return <div ref={ref} className="legend-wrap" />;
}
