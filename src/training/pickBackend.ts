// The trainer's "auto" choice as a pure function of what was measured: the backend with the most steps per
// second. A backend that failed (or gave a rate that is not a positive finite number) is never chosen; equal rates
// go to the one measured first, i.e. earlier in the engine's order webgpu → webgl → wasm → cpu (a GPU backend
// grows better than the CPU ones with a larger model). No tfjs here, so the rule is tested with hand-made inputs.
import type { BackendTrial } from '../protocol/training.ts';

/** A rate that can be compared: positive and finite. */
export function usableRate(t: BackendTrial): number | null {
  const r = t.stepsPerSecond;
  return t.problem === null && r !== null && Number.isFinite(r) && r > 0 ? r : null;
}

/** The fastest trial that ran, or null when none did. */
export function pickFastest(trials: readonly BackendTrial[]): BackendTrial | null {
  let best: BackendTrial | null = null;
  let bestRate = 0;
  for (const t of trials) {
    const r = usableRate(t);
    if (r !== null && r > bestRate) {
      best = t;
      bestRate = r;
    }
  }
  return best;
}
