// Reading tensors back for streaming. Always async: dataSync()/arraySync() destroy the WebGPU device in
// Chromium. What data() resolves to is never ours to give away: the CPU backend hands out the tensor's own
// storage, and the WebGPU and WebGL backends cache the array they return on the tensor (convertAndCacheOnCPU),
// as they also keep the array a tensor was made from. A transfer detaches the buffer, so a later read of the
// same tensor, or of a table made from a caller's array, would fail ("Cannot perform Construct on a detached
// ArrayBuffer"). So the caller gets a copy, which it may transfer.
import * as tf from '@tensorflow/tfjs-core';

export async function readOwned(t: tf.Tensor): Promise<Float32Array> {
  const data = await t.data();
  return data instanceof Float32Array ? data.slice() : Float32Array.from(data);
}
