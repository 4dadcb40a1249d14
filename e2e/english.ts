// Finds English sentences left in the Chinese interface (issue #16): the text a person sees on the page, minus
// what is never translated, scanned for a run of three or more English words in a row.
//
// Never translated, so skipped: KaTeX formulas, <code>/<pre>, the text being analysed (the textarea, token chips,
// neighbour pieces), and anything marked translate="no" (the HTML attribute for "leave this as written": paper
// citations, file and tensor names, model names). Names that read as words are removed before the scan (ALLOWED).
import type { Page } from '@playwright/test';

/** Names kept as written in Chinese text: schemes, methods, formats, models, libraries. */
export const ALLOWED = [
  'RoPE',
  'ALiBi',
  'GPT-2',
  'GPT-NeoX',
  'BERT',
  'YaRN',
  'NTK',
  'PCA',
  't-SNE',
  'UMAP',
  'CSV',
  'PNG',
  'SVG',
  'NumPy',
  'Barnes–Hut',
  'Moby-Dick',
  'SwiftShader',
  'WebGPU',
  'WebGL',
];

/** Every piece of visible text on the page (text nodes, the shown option of each select), skipping the above. */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const SKIP = '.katex, code, pre, textarea, script, style, .chip, [translate="no"], option';
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!el || !text || el.closest(SKIP)) continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      out.push(text);
    }
    for (const s of Array.from(document.querySelectorAll('select'))) {
      if (!s.checkVisibility() || s.closest('[translate="no"]')) continue;
      const o = s.selectedOptions[0];
      if (o && !o.closest('[translate="no"]')) out.push(o.text.trim());
    }
    return out;
  });
}

/**
 * Three or more English words in a row, separated by spaces alone (a comma-separated list of URL values such as
 * "sinusoidal, learned, rope" is a list of names, not a sentence), none of them part of a longer token (d_model,
 * p0, rope:yarn …).
 */
const SENTENCE =
  /(?<![\w\-.:/])[A-Za-z]+(?:[’'][A-Za-z]+)?(?:\s+\(?[A-Za-z]+(?:[’'][A-Za-z]+)?){2,}(?![\w-])/;
/** A citation: "Vaswani et al. 2017", "Su et al. 2021". */
const CITATION = /\b[A-Z][a-z]+ et al\. \d{4}/g;

/** The texts that hold an English run of ≥ 3 words once the allowed names are taken out. */
export function englishRuns(texts: readonly string[]): string[] {
  const names = new RegExp(ALLOWED.map((n) => n.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|'), 'g');
  return [...new Set(texts)].filter((t) => SENTENCE.test(t.replace(CITATION, '·').replace(names, '·')));
}
