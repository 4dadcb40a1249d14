// What each bench mode measures, and how often. The issue asks for ≥ 20 repetitions after warm-up for every
// figure; quick mode (a smoke run under 2 minutes) cuts sizes and repetitions, and the report says where.

export const PLANS = {
  full: {
    firstPaint: { reps: 25, warmup: 2, waitForEngine: true },
    heatmap: {
      rows: 768,
      cols: 1024,
      reps: 30,
      warmup: 5,
      svg: { rows: 768, cols: 1024, reps: 20, warmup: 1 },
    },
    keystroke: [
      { T: 128, d: 768, reps: 25, warmup: 3, scatterOff: true },
      // Each keystroke's whole run (lab views included) takes minutes here, so this reported-only case has 6 reps.
      { T: 1024, d: 2048, reps: 6, warmup: 1 },
    ],
    typing: { chars: 200, cps: 10, d: 768, attribute: true },
    typing4: { T: 128, d: 768, keys: 24, keysPerSecond: 4, rounds: 4 },
    compute: {
      pe: { P: 8192, d: 1024, reps: 20, warmup: 2, backends: ['webgpu', 'webgl', 'cpu'] },
      pca: { k: 2, reps: 20, warmup: 2 },
      tsne: { n: 2000, iters: 100, slices: 20, warmup: 1 },
      umap: { n: 2000, epochs: 100, slices: 20, warmup: 1 },
      memory: { runs: 1000, T: 32, d: 64 },
      parts: { T: 128, d: 768, reps: 20, warmup: 2 },
    },
    // Issue 14 item 7 (bench/measure/scale.mjs, scaleCompute.mjs). Every load is a fresh browser context.
    scale: {
      overview: { N: 131072, d: 128, reps: 20, warmup: 1, stageReps: 3 },
      window: { N: 1048576, d: 128, rows: 4096, reps: 20, warmup: 2 },
      run: { T: 512, d: 768, positions: 4096, loads: 20, reps: 20, warmup: 1 },
      pca: { reps: 20, warmup: 1, appReps: 20 },
      link: { reps: 20, warmup: 1 },
      dispatch: { T: 128, d: 768, keys: 20, warmup: 2 },
      readback: { P: 8192, d: 1024, reps: 20, warmup: 2 },
      training: { warmup: 10, seconds: 4, samples: 8 },
    },
  },
  quick: {
    firstPaint: { reps: 20, warmup: 1, waitForEngine: false },
    heatmap: {
      rows: 768,
      cols: 1024,
      reps: 20,
      warmup: 3,
      svg: { rows: 96, cols: 128, reps: 5, warmup: 1 },
    },
    keystroke: [{ T: 128, d: 768, reps: 2, warmup: 1 }],
    typing: { chars: 20, cps: 10, d: 768, attribute: false },
    typing4: { T: 128, d: 768, keys: 8, keysPerSecond: 4, rounds: 1 },
    compute: {
      pe: { P: 1024, d: 1024, reps: 3, warmup: 1, backends: ['webgpu', 'webgl', 'cpu'] },
      pca: { k: 2, reps: 1, warmup: 1 },
      tsne: { n: 500, iters: 100, slices: 3, warmup: 0 },
      umap: { n: 500, epochs: 100, slices: 3, warmup: 0 },
      memory: { runs: 20, T: 32, d: 64 },
      parts: null,
    },
    scale: {
      overview: { N: 16384, d: 128, reps: 2, warmup: 0, stageReps: 1 },
      window: { N: 65536, d: 128, rows: 4096, reps: 3, warmup: 1 },
      run: { T: 128, d: 768, positions: 1024, loads: 1, reps: 2, warmup: 1 },
      pca: { reps: 1, warmup: 0, appReps: 1 },
      link: { reps: 2, warmup: 0 },
      dispatch: { T: 128, d: 768, keys: 3, warmup: 1 },
      readback: { P: 1024, d: 1024, reps: 3, warmup: 1 },
      training: { warmup: 5, seconds: 6, samples: 3 },
    },
  },
};
