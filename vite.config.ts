import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The engine lives in a module worker; tfjs is only ever imported from there, so it never enters the main bundle.
export default defineConfig({
  plugins: [react()],
  base: './',
  server: { port: 5173, strictPort: false },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
