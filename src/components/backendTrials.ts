// The one line under the Training panel's header that says which backend "auto" kept and why: each backend it
// timed, fastest first, with its steps per second on this model, then those that could not train and why. A GPU
// backend on a software adapter is named as such ("webgpu (software adapter SwiftShader)"). In the interface's
// language: `t` renders the words and the trainer's reasons (messages).
import type { BackendName } from '../protocol/messages.ts';
import type { BackendTrial } from '../protocol/training.ts';
import type { Key, Message, Params } from '../i18n/t.ts';

const PROBLEM_CHARS = 80;

/** What the line needs of a language: its words and its rendering of messages (useT() gives both). */
export interface Words {
  (key: Key, params?: Params): string;
  say(m: Message): string;
}

function rate(r: number): string {
  return r >= 10 ? r.toFixed(0) : r.toFixed(1);
}

function shorten(text: string): string {
  return text.length > PROBLEM_CHARS ? `${text.slice(0, PROBLEM_CHARS - 1)}…` : text;
}

/** e.g. "auto kept wasm: wasm 6.1 steps/s, webgpu (software adapter SwiftShader) 1.2 steps/s; webgl failed: …". */
export function describeTrials(trials: readonly BackendTrial[], chosen: BackendName, t: Words): string {
  const name = (b: BackendTrial) =>
    b.software ? t('trials.software', { backend: b.backend, software: b.software }) : b.backend;
  const ran: { b: BackendTrial; r: number }[] = [];
  const failed: string[] = [];
  for (const b of trials) {
    if (b.problem === null && b.stepsPerSecond !== null) ran.push({ b, r: b.stepsPerSecond });
    else
      failed.push(
        t('cmp.column', {
          name: name(b),
          reason: shorten(b.problem ? t.say(b.problem) : t('trials.noRate')),
        }),
      );
  }
  ran.sort((a, b) => b.r - a.r); // stable: equal rates stay in the order measured
  const list = ran.map(({ b, r }) => t('trials.rate', { name: name(b), rate: rate(r) })).join(', ');
  const sep = t('msg.join', { a: '', b: '' }); // "; " or "；"
  const parts = [t('trials.kept', { chosen, list })];
  if (failed.length > 0) parts.push(t('trials.notUsed', { list: failed.join(sep) }));
  return parts.join(sep);
}
