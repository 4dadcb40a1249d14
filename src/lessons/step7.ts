// Lesson step 7: the tutorials' third flawed formula, word_embedding(w) = sigmoid(W·v(w) + b) (embedding source
// 'pitfall-sigmoid'), beside a plain lookup W·v(w). Every value lies in (0, 1), so every row points into the
// positive orthant and the cosine of two rows crowds near E[σ(x)]²/E[σ(x)²] = 0.25/0.2934 ≈ 0.852 (x ~ N(0, 1));
// the neighbours list on the Data tab stops meaning anything. The setup fixes the random N(0, 1) table at d = 64
// so the numbers in the prose hold.
import type { LessonStep } from './lessons.ts';

export const STEP_7: LessonStep = {
  id: 7,
  title: 's7.title',
  body: 's7.body',
  look: 's7.look',
  formulaLabel: 's7.formula',
  formula: ({ view }) =>
    String.raw`e(w) = \sigma\big(W\,v(w) + b\big) \in (0, 1)^{${view.spec.d}},\quad ` +
    String.raw`\sigma(x) = \frac{1}{1 + e^{-x}},\qquad ` +
    String.raw`\cos\big(e(a), e(b)\big) \approx \frac{\mathbb{E}[\sigma(x)]^2}{\mathbb{E}[\sigma(x)^2]} = \frac{0.25}{0.2934} \approx 0.852`,
  setup: {
    spec: { tokenizer: 'word', embedding: 'pitfall-sigmoid', init: 'normal', d: 64, scaleEmbeddings: false },
    view: { tab: 'explore' },
  },
  tryThis: [
    {
      id: 'plain',
      label: 's7.try.plain',
      note: 's7.note.plain',
      patch: { spec: { embedding: 'random' } },
    },
    {
      id: 'sigmoid',
      label: 's7.try.sigmoid',
      note: 's7.note.sigmoid',
      patch: { spec: { embedding: 'pitfall-sigmoid' } },
    },
    {
      id: 'neighbours',
      label: 's7.try.neighbours',
      note: 's7.note.neighbours',
      patch: { view: { tab: 'data' } },
    },
  ],
};
