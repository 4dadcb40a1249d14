// Frame timing in the page. "Painted" means: the next requestAnimationFrame has run and so has the frame's
// rendering (style, layout, paint, commit), which is observed as the first task after the rAF callback — a
// MessageChannel message posted from inside it. On a 60 Hz display a frame starts every 16.7 ms.

/** Resolves at the next frame's rAF callback. */
export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Resolves (with performance.now()) in the first task after the next frame has been rendered. */
export function afterNextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve(performance.now());
      };
      ch.port2.postMessage(null);
    }),
  );
}

/** Waits for a frame, then a uniformly random 0–16 ms, so data "arrive" at a random point of the frame. */
export async function randomPhase(): Promise<void> {
  await nextFrame();
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 16));
}

/** Resolves at a rAF callback, i.e. at the start of a frame (data arriving just in time for it). */
export const frameStart = nextFrame;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
