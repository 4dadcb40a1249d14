// The one line under the Training panel's header that says which backend "auto" kept and why: each backend it
// timed, fastest first, with its steps per second on this model, then those that could not train and why. A GPU
// backend on a software adapter is named as such ("webgpu (software adapter SwiftShader)").
import type { BackendName } from '../protocol/messages.ts';
import type { BackendTrial } from '../protocol/training.ts';

const PROBLEM_CHARS = 80;

function rate(r: number): string {
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(1)} steps/s`;
}

function name(t: BackendTrial): string {
  return t.software ? `${t.backend} (software adapter ${t.software})` : t.backend;
}

function shorten(text: string): string {
  return text.length > PROBLEM_CHARS ? `${text.slice(0, PROBLEM_CHARS - 1)}…` : text;
}

/** e.g. "auto kept wasm: wasm 6.1 steps/s, webgpu (software adapter SwiftShader) 1.2 steps/s; webgl failed: …". */
export function describeTrials(trials: readonly BackendTrial[], chosen: BackendName): string {
  const ran: { t: BackendTrial; r: number }[] = [];
  const failed: string[] = [];
  for (const t of trials) {
    if (t.problem === null && t.stepsPerSecond !== null) ran.push({ t, r: t.stepsPerSecond });
    else failed.push(`${name(t)}: ${shorten(t.problem ?? 'no rate')}`);
  }
  ran.sort((a, b) => b.r - a.r); // stable: equal rates stay in the order measured
  const parts = [`auto kept ${chosen}: ${ran.map(({ t, r }) => `${name(t)} ${rate(r)}`).join(', ')}`];
  if (failed.length > 0) parts.push(`not used: ${failed.join('; ')}`);
  return parts.join('; ');
}
