// Plot widths without layout thrashing. Reading `clientWidth` after React or D3 has written to the DOM forces a
// synchronous layout of the whole page; with a dozen plots redrawn per keystroke that was most of the main
// thread's time (a CPU profile of typing at T = 128, d = 768 showed `get clientWidth` at ~290 ms per keystroke).
// One ResizeObserver records each plot element's width as the browser's own layout finds it; a plot reads the
// cached number, and only its first draw measures. A width change calls the element's redraw.

const widths = new WeakMap<Element, number>();
const redraws = new WeakMap<Element, () => void>();
let observer: ResizeObserver | null = null;

function watch(): ResizeObserver {
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) {
      const width = Math.round(entry.contentRect.width);
      const before = widths.get(entry.target);
      widths.set(entry.target, width);
      // Height changes (a plot setting its own height) come here too; only a new width needs a redraw.
      if (before !== undefined && before !== width) redraws.get(entry.target)?.();
    }
  });
  return observer;
}

/** The element's content width in CSS pixels: measured once, then kept current by the shared observer. */
export function widthOf(el: HTMLElement): number {
  let width = widths.get(el);
  if (width === undefined) {
    width = el.clientWidth;
    widths.set(el, width);
    watch().observe(el);
  }
  return width;
}

/**
 * Calls `redraw` when the element's width changes, for as long as it is mounted; returns the function that stops
 * watching it (an observed element would otherwise stay alive after it leaves the page).
 */
export function onWidthChange(el: HTMLElement, redraw: () => void): () => void {
  redraws.set(el, redraw);
  widthOf(el);
  return () => {
    redraws.delete(el);
    widths.delete(el);
    observer?.unobserve(el);
  };
}
