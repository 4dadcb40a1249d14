// First paint (issue 9): the default run's first messages, computed at build time in Node on the tfjs CPU
// backend by the worker's own Pipeline, so the page can show real tokens and matrices before the engine is ready.
// The run is stopped right after the 'input' matrix (the first three matrices are all the page needs); the
// captured messages are exactly the ones the worker posts for the same spec. See vite-first-paint.ts.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { FromEngine, Matrix, Token } from '../protocol/messages.ts';
import { DEFAULT_SPEC, type RunSpec } from '../protocol/specs.ts';
import { Cancelled, Pipeline } from './pipeline.ts';
import { MsgError } from '../protocol/msg.ts';

/** The matrices a first paint holds, in the order the pipeline posts them. */
export const FIRST_PAINT_MATRICES = ['embeddings', 'pe', 'input'] as const;

export interface FirstPaint {
  spec: RunSpec;
  tokens: Token[];
  vocabSize: number;
  total: number;
  matrices: Matrix[];
}

/** The default run needs no data files (word tokenizer, random table); any other file is a mistake here. */
const noData = async (file: string): Promise<Uint8Array> => {
  throw new Error(`first paint: ${file} is not available at build time`);
};

/** Runs `spec` through the Pipeline on the CPU backend and keeps its tokens and its first three matrices. */
export async function computeFirstPaint(spec: RunSpec = DEFAULT_SPEC): Promise<FirstPaint> {
  if (tf.getBackend() !== 'cpu' && !(await tf.setBackend('cpu'))) {
    throw new Error('first paint: the tfjs CPU backend did not initialise');
  }
  // PROD silences tfjs's one-time "install the node backend" banner in the build's output.
  const prod = tf.env().getBool('PROD');
  tf.env().set('PROD', true);
  const pipeline = new Pipeline(noData);
  let tokens: Extract<FromEngine, { type: 'tokens' }> | null = null;
  const matrices: Matrix[] = [];
  const post = (msg: FromEngine) => {
    if (msg.type === 'tokens') tokens = msg;
    else if (msg.type === 'matrix') matrices.push(msg.matrix);
    else if (msg.type === 'error') throw new MsgError(msg.message);
  };
  try {
    // Stale once the three matrices are in: the pipeline then stops before the text-independent views.
    await pipeline.run(1, spec, post, () => matrices.length >= FIRST_PAINT_MATRICES.length);
  } catch (err) {
    if (!(err instanceof Cancelled)) throw err;
  } finally {
    pipeline.dispose();
    tf.env().set('PROD', prod);
  }
  const t = tokens as Extract<FromEngine, { type: 'tokens' }> | null;
  if (!t) throw new Error('first paint: the pipeline posted no tokens');
  const names = matrices.map((m) => m.name);
  if (names.join() !== FIRST_PAINT_MATRICES.join()) {
    throw new Error(`first paint: expected ${FIRST_PAINT_MATRICES.join(', ')}, got ${names.join(', ')}`);
  }
  return { spec, tokens: t.tokens, vocabSize: t.vocabSize, total: t.total, matrices };
}
