// The guided Lessons mode: seven short steps, each a paragraph, a live formula and "try this" buttons that set
// the views. The open step lives in the view state (URL key `lesson`); opening a step, by Next/Back, by the
// step list, by a link or by the toolbar, applies its setup once. Renders nothing while no lesson is open.
// Keyboard: every control is a button; with focus inside the region, ←/→ and PageUp/PageDown (what
// presentation clickers send) go back and forward. All text comes from lessons/strings.ts, in the interface's
// language (view.lang); the language button here switches the whole interface.
import { useEffect, useRef, useState } from 'react';
import { useLang } from '../i18n/useT.ts';
import { LESSON_COUNT } from '../client/urlState.ts';
import { store, updateView, useAppState } from '../client/useEngine.ts';
import { LESSONS, applyPatch, stepAt, type TryThis } from '../lessons/lessons.ts';
import { STRINGS, fill, type Lang } from '../lessons/strings.ts';
import { Formula } from './Formula.tsx';
import './lessons.css';

export function Lessons() {
  const lesson = useAppState((s) => s.view.lesson);
  const view = useAppState((s) => s.view);
  const vocabSize = useAppState((s) => s.vocabSize);
  const lang = useLang(); // the interface's language (view.lang, the switch in the header)
  const [note, setNote] = useState<{ step: number; tryId: string } | null>(null);
  const applied = useRef<number | null>(null);

  // Opening a step (from any source) applies its setup once; the step's own try-this buttons then rule.
  useEffect(() => {
    if (lesson === null) {
      applied.current = null;
      return;
    }
    if (applied.current === lesson) return;
    applied.current = lesson;
    const step = stepAt(lesson);
    if (step) updateView(applyPatch(store.get().view, step.setup));
  }, [lesson]);

  const step = stepAt(lesson);
  if (!step) return null;
  const S = STRINGS[lang];
  const goTo = (id: number) => {
    if (id >= 1 && id <= LESSON_COUNT && id !== step.id) updateView({ lesson: id });
  };
  const tryIt = (t: TryThis) => {
    updateView(applyPatch(store.get().view, t.patch));
    setNote({ step: step.id, tryId: t.id });
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const delta =
      e.key === 'ArrowRight' || e.key === 'PageDown'
        ? 1
        : e.key === 'ArrowLeft' || e.key === 'PageUp'
          ? -1
          : 0;
    if (delta === 0) return;
    e.preventDefault();
    goTo(step.id + delta);
  };
  const switchLang = () => {
    const next: Lang = lang === 'en' ? 'zh' : 'en';
    updateView({ lang: next }); // the whole interface follows (and the link and local storage keep it)
  };
  const shownNote = note?.step === step.id ? step.tryThis.find((t) => t.id === note.tryId) : undefined;
  const first = step.id === 1;
  const last = step.id === LESSON_COUNT;

  return (
    <section
      className="panel lessons"
      role="region"
      aria-labelledby="lessons-title"
      lang={lang === 'zh' ? 'zh-Hans' : 'en'}
      onKeyDown={onKeyDown}
    >
      <header className="panel-head lessons-head">
        <h2 id="lessons-title">{S['ui.region']}</h2>
        <nav aria-label={S['ui.steps']} className="lessons-steps">
          <ol>
            {LESSONS.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  aria-current={s.id === step.id ? 'step' : undefined}
                  aria-label={fill(S['ui.goTo'], { k: s.id, title: S[s.title] })}
                  title={S[s.title]}
                  onClick={() => goTo(s.id)}
                >
                  {s.id}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <button
          type="button"
          onClick={switchLang}
          title={S['ui.otherLangLabel']}
          lang={lang === 'en' ? 'zh-Hans' : 'en'}
        >
          {S['ui.otherLang']}
        </button>
        <button type="button" onClick={() => updateView({ lesson: null })}>
          {S['ui.close']}
        </button>
      </header>

      <div aria-live="polite" aria-atomic="true">
        <p className="lessons-progress">{fill(S['ui.stepOf'], { k: step.id, n: LESSON_COUNT })}</p>
        <h3 className="lessons-title">{S[step.title]}</h3>
      </div>
      <p className="lessons-body">{S[step.body]}</p>
      <Formula tex={step.formula({ view, vocabSize })} label={S[step.formulaLabel]} />
      <p className="lessons-look">
        <b>{S['ui.look']}:</b> {S[step.look]}
      </p>

      <div className="lessons-try" role="group" aria-labelledby="lessons-try-title">
        <h4 id="lessons-try-title">{S['ui.tryThis']}</h4>
        <ul>
          {step.tryThis.map((t) => (
            <li key={t.id}>
              <button type="button" onClick={() => tryIt(t)}>
                {S[t.label]}
              </button>
            </li>
          ))}
        </ul>
        <p className="lessons-note" role="status">
          {shownNote ? S[shownNote.note] : ''}
        </p>
      </div>

      <div className="lessons-nav">
        {/* aria-disabled rather than disabled: a disabled button drops keyboard focus at the first/last step. */}
        <button type="button" aria-disabled={first} onClick={() => goTo(step.id - 1)}>
          ← {S['ui.back']}
        </button>
        <button type="button" aria-disabled={last} onClick={() => goTo(step.id + 1)}>
          {S['ui.next']} →
        </button>
      </div>
    </section>
  );
}
