// Reading tensors back for streaming. Always async: dataSync()/arraySync() destroy the WebGPU device in
// Chromium. On the CPU backend data() hands out the tensor's own storage, so it is copied there before its
// buffer is transferred to the main thread (a transfer detaches the buffer).
import * as tf from '@tensorflow/tfjs-core';

export async function readOwned(t: tf.Tensor): Promise<Float32Array> {
  const data = await t.data();
  const f32 = data instanceof Float32Array ? data : Float32Array.from(data);
  return tf.getBackend() === 'cpu' && f32 === data ? f32.slice() : f32;
}
