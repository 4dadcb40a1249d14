// Content-Security-Policy for the built app, as a small Vite plugin. `vite build` puts the policy in a
// <meta http-equiv> tag at the top of <head>, before any script, so it governs the page wherever the files are
// hosted. `vite preview` also sends it as a response header on every file: a dedicated worker does not inherit a
// page's <meta> policy (it takes the policy of its own script's response), so the header is what puts the engine
// worker (tfjs, WebGPU) under the same rules in the e2e tests. The dev server gets nothing: it injects inline
// scripts (React refresh, the Vite client) that the policy forbids.
// Conventions: no inline scripts and no eval anywhere ('self' only); connect-src 'self', so data files load from
// the app's own origin and nothing else; data: only for images and fonts (the favicon, small inlined fonts).
// 'wasm-unsafe-eval' lets the engine compile WebAssembly (the tfjs wasm backend, binaries from 'self'): without it
// Chromium refuses WebAssembly.instantiate under a script-src policy. It allows no JS eval, new Function or
// string timers (those still need 'unsafe-eval', which stays out).
import type { Plugin } from 'vite';

/** Directive → sources. Meta-delivered policies ignore frame-ancestors, report-uri and sandbox, so none are set. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'style-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-src': ["'none'"],
};

/** The policy as one header value: `directive source …; …`. */
export const CSP = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/** Adds the policy to the built index.html (meta tag) and to every response of `vite preview` (header). */
export function cspPlugin(policy: string = CSP): Plugin {
  return {
    name: 'embedscope-csp',
    // `vite preview` resolves its config as command 'serve', so it is let in by isPreview; the dev server is not.
    apply: (_config, env) => env.command === 'build' || env.isPreview === true,
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
          injectTo: 'head-prepend',
        },
      ],
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
}
