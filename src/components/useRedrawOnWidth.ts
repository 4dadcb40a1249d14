import { useEffect, useRef, type RefObject } from 'react';
import { onWidthChange } from '../plots/width.ts';

/**
 * Calls the latest `redraw` when the element's width changes (plots/width.ts keeps the width from one shared
 * ResizeObserver). Watched once per mount, so a new matrix or series does not re-observe the element.
 */
export function useRedrawOnWidth(
  ref: RefObject<HTMLElement | null>,
  redraw: (el: HTMLElement) => void,
): void {
  const latest = useRef(redraw);
  useEffect(() => {
    latest.current = redraw;
  });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    return onWidthChange(el, () => latest.current(el));
  }, [ref]);
}
