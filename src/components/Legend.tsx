import { useContext, useEffect, useRef } from 'react';
import { drawLegend } from '../plots/heatmap.ts';
import type { ColorKind } from '../plots/scales.ts';
import { ColormapContext } from './colormapContext.ts';
import { useLang } from '../i18n/useT.ts';

interface Props {
  domain: [number, number];
  title: string;
  colors?: ColorKind;
}

export function Legend({ domain, title, colors = 'diverging' }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const colormap = useContext(ColormapContext);
  const lang = useLang();
  // By value: a recomputed domain with the same ends (every keystroke) leaves the legend alone.
  const [lo, hi] = domain;
  useEffect(() => {
    if (ref.current) drawLegend(ref.current, [lo, hi], title, colors, colormap, lang);
  }, [lo, hi, title, colors, colormap, lang]);
  return <div ref={ref} className="legend-wrap" />;
}
