/**
 * Vite build of the operations map. Run from the repository root:
 *   npx vite build --config web/vite.config.ts      → web/dist (served by the API on the same origin)
 *   npx vite --config web/vite.config.ts            → dev server; /api and /tiles go to the API on :8080
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.FLUX_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // maplibre-gl and deck.gl are large single modules; splitting them further gains nothing.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/tiles': { target: api, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/tiles': { target: api, changeOrigin: false },
    },
  },
});
