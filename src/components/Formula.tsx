import { useEffect, useRef } from 'react';
import katex from 'katex';
import 'katex/dist/katex.min.css';

/** KaTeX display maths; trust is off, so no \href, \url or HTML ever comes out of a formula. */
export function Formula({ tex, label }: { tex: string; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) katex.render(tex, ref.current, { displayMode: true, throwOnError: false, trust: false });
  }, [tex]);
  // focusable: a long formula scrolls sideways, and keyboard users must be able to scroll it
  return <div ref={ref} className="formula" role="math" aria-label={label} tabIndex={0} />;
}
