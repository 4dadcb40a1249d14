// The tfjs wasm backend, set up to load its binaries from the app's own origin. Vite emits the three .wasm files
// of @tensorflow/tfjs-backend-wasm as hashed assets (the `?url` imports) and setWasmPaths points the loader at
// them, so nothing is fetched from a CDN (offline; CSP connect-src 'self'). Compiling WebAssembly under the CSP
// needs 'wasm-unsafe-eval' in script-src (vite-csp.ts), which allows no JS eval. The binaries are fetched only
// when the backend is first set, never on a page that runs on webgpu.
// SIMD is used where WebAssembly.validate accepts it (tfjs's own check). Threads are used only where the page is
// cross-origin isolated (SharedArrayBuffer needs COOP/COEP headers): the app is not by default, so it runs one
// thread. An isolated deployment would also have to allow blob: in worker-src, where emscripten starts its pool.
import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { wasmLabel } from './adapterInfo.ts';

// In Node (unit tests, bench/) the package reads its binaries from node_modules itself; the asset URLs are the
// browser's.
if (!tf.env().getBool('IS_NODE')) {
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plainUrl,
    'tfjs-backend-wasm-simd.wasm': simdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdUrl,
  });
}
// tfjs would pick threads wherever SharedArrayBuffer can be posted; say outright that isolation is the condition.
const isolated = globalThis.crossOriginIsolated === true;
if (!isolated) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

/** The running wasm build, e.g. "SIMD · 1 thread (page not cross-origin isolated)"; call after setBackend('wasm'). */
export async function describeWasm(): Promise<string> {
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  return wasmLabel(simd === true, getThreadsCount(), isolated);
}
