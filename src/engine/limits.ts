// GPU buffer limits: a table the device cannot hold is refused up front with a message naming the adapter's
// limit, instead of failing inside a kernel (WebGPU guarantees only 256 MiB maxBufferSize and 128 MiB
// maxStorageBufferBindingSize; SwiftShader offers 1 GiB, desktop GPUs usually 2–4 GiB).
import * as tf from '@tensorflow/tfjs-core';
import { msg, type Msg } from '../protocol/msg.ts';

export interface BufferLimits {
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
}

/** The limits of the WebGPU device tfjs is using, or null on another backend. */
export function deviceLimits(): BufferLimits | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const device = (tf.backend() as unknown as { device?: { limits?: BufferLimits } }).device;
  return device?.limits ?? null;
}

/**
 * Why a float32 tensor of `rows` × `cols` cannot live in one buffer under `limits`, or null when it fits.
 * `what` names the tensor; `fix` says what to change (e.g. "use d ≤ 512").
 */
export function bufferProblem(
  rows: number,
  cols: number,
  limits: BufferLimits | null,
  what: Msg,
  fix: (maxRows: number, maxCols: number) => Msg,
): Msg | null {
  if (!limits) return null;
  const bytes = rows * cols * 4;
  const [name, limit] =
    limits.maxStorageBufferBindingSize <= limits.maxBufferSize
      ? ['maxStorageBufferBindingSize', limits.maxStorageBufferBindingSize]
      : ['maxBufferSize', limits.maxBufferSize];
  if (bytes <= limit) return null;
  const maxCols = Math.floor(limit / 4 / rows);
  const maxRows = Math.floor(limit / 4 / cols);
  return msg('err.buffer', {
    what,
    rows,
    cols,
    mib: Math.round(bytes / 2 ** 20),
    limitName: name,
    limit: Math.round(limit / 2 ** 20),
    fix: fix(maxRows, maxCols),
  });
}
