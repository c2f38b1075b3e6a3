import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs so Electron can load the build from file:// as well as over HTTP.
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Inline nothing: the CSP allows scripts and images from 'self' only.
    assetsInlineLimit: 0,
    sourcemap: true,
    target: 'chrome120',
  },
});
