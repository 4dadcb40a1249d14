import { useContext, useEffect, useMemo, useRef } from 'react';
import {
  drawScatter,
  type ScatterData,
  type ScatterHandle,
  type ScatterOptions,
} from '../plots/scatter/index.ts';
import { ColormapContext } from './colormapContext.ts';
import { useRedrawOnWidth } from './useRedrawOnWidth.ts';

/** React owns the element; the plot function owns everything in it. Highlight updates skip a redraw. */
export function Scatter({
  data,
  options,
  highlight,
}: {
  data: ScatterData;
  options: ScatterOptions;
  highlight: number[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const handle = useRef<ScatterHandle | null>(null);
  const colormap = useContext(ColormapContext);
  const opts = useMemo(() => ({ ...options, colormap }), [options, colormap]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    handle.current = drawScatter(el, data, opts);
  }, [data, opts]);
  // A new width (window, panel or presentation mode) redraws the points at the new size.
  useRedrawOnWidth(ref, (el) => {
    handle.current = drawScatter(el, data, opts);
  });
  useEffect(() => {
    handle.current?.setHighlight(highlight);
  }, [highlight, data]);
  useEffect(
    () => () => {
      handle.current?.destroy();
      handle.current = null;
    },
    [],
  );
  return <div ref={ref} className="scatter-wrap" />;
}
