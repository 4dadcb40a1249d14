// A titled panel of the lab (Formula, Curves, Offset profile …) with PNG/SVG export of its body; its title is
// the accessible name of the region.
import { useRef } from 'react';
import { ExportButtons } from './ExportButtons.tsx';

/** `name`: a stable English name for the element id and exported files (the title may be translated). */
export function Region({
  title,
  name = title,
  children,
}: {
  title: string;
  name?: string;
  children: React.ReactNode;
}) {
  const slugged = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const id = `region-${slugged}`;
  const body = useRef<HTMLDivElement>(null);
  return (
    <section className="panel" aria-labelledby={id}>
      <header className="panel-head">
        <h2 id={id}>{title}</h2>
        <ExportButtons target={body} name={slugged} />
      </header>
      <div ref={body} className="plot-export-root">
        {children}
      </div>
    </section>
  );
}
