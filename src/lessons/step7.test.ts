// Lesson step 7 (the sigmoid embedding pitfall): its setup shows the pitfall source, one try-this the plain
// lookup beside it, and the numbers in its prose (0.25, 0.2934, 0.852) are E[σ(x)]², E[σ(x)²] and their ratio
// for x ~ N(0, 1), integrated here in float64 with Simpson's rule.
import { describe, expect, test } from 'vitest';
import { applyPatch, stepAt } from './lessons.ts';
import { STRINGS } from './strings.ts';
import { DEFAULT_VIEW } from '../client/urlState.ts';

/** ∫ f(x) φ(x) dx over [−12, 12], Simpson's rule on 24,000 intervals. */
function gaussianMean(f: (x: number) => number): number {
  const n = 24_000;
  const h = 24 / n;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const x = -12 + i * h;
    const w = i === 0 || i === n ? 1 : i % 2 ? 4 : 2;
    s += w * f(x) * Math.exp((-x * x) / 2);
  }
  return (s * h) / 3 / Math.sqrt(2 * Math.PI);
}

const sigma = (x: number) => 1 / (1 + Math.exp(-x));

describe('lesson step 7', () => {
  test('the setup shows the sigmoid source on Explore; a try-this shows the plain lookup, another the neighbours', () => {
    const step = stepAt(7);
    if (!step) throw new Error('no step 7');
    const view = applyPatch(DEFAULT_VIEW, step.setup);
    expect(view.spec.embedding).toBe('pitfall-sigmoid');
    expect(view.tab).toBe('explore');
    const plain = step.tryThis.find((t) => t.id === 'plain');
    expect(plain && applyPatch(view, plain.patch).spec.embedding).toBe('random');
    const nb = step.tryThis.find((t) => t.id === 'neighbours');
    expect(nb && applyPatch(view, nb.patch).tab).toBe('data');
  });

  test('0.25, 0.2934 and 0.852 are E[σ(x)]², E[σ(x)²] and their ratio, in both languages and the formula', () => {
    const m1 = gaussianMean(sigma);
    const m2 = gaussianMean((x) => sigma(x) ** 2);
    expect(m1 ** 2).toBeCloseTo(0.25, 10);
    expect(m2.toFixed(4)).toBe('0.2934');
    expect((m1 ** 2 / m2).toFixed(3)).toBe('0.852');
    for (const lang of ['en', 'zh'] as const) {
      const body = STRINGS[lang]['s7.body'];
      for (const n of ['0.25', '0.2934', '0.852']) expect(body).toContain(n);
    }
    const tex = stepAt(7)?.formula({ view: DEFAULT_VIEW, vocabSize: null }) ?? '';
    expect(tex).toContain(String.raw`\frac{0.25}{0.2934} \approx 0.852`);
  });
});
