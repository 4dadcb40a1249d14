import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspPlugin } from './vite-csp.ts';
import { firstPaintPlugin } from './vite-first-paint.ts';

// The engine lives in a module worker; tfjs is only ever imported from there, so it never enters the main bundle.
export default defineConfig({
  // cspPlugin: a strict Content-Security-Policy for the built app (meta tag, and a header under vite preview)
  // firstPaintPlugin: virtual:first-paint, the default run's tokens and matrices computed at build time (issue 9)
  plugins: [react(), cspPlugin(), firstPaintPlugin()],
  base: './',
  server: { port: 5173, strictPort: false },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
