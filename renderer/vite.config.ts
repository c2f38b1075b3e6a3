import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The registries load each format's module with import() when the host first reads or
 * writes that format. The window uses only their lines (labels, extensions, menus): the
 * host reads every document and builds every export. So in the window's build those
 * import()s lead to one module that refuses, and the importers and export builders (with
 * mammoth, pdf.js and the rest) stay out of it.
 */
const REGISTRIES = ['shared/import/registry.ts', 'shared/export/registry.ts'].map((file) => fileURLToPath(new URL(`../${file}`, import.meta.url)));
const HOST_ONLY = '\0gloss-host-only';
/** Libraries only the host's importers and exports use; the build fails if one gets into the window's. */
const HOST_LIBRARIES = /[\\/]node_modules[\\/](mammoth|pdfjs-dist|exceljs)[\\/]/;

function hostOnlyModules(): Plugin {
  return {
    name: 'gloss-host-only-modules',
    enforce: 'pre',
    resolveDynamicImport(_source, importer) {
      return importer && REGISTRIES.includes(path.normalize(importer)) ? HOST_ONLY : null;
    },
    load(id) {
      return id === HOST_ONLY ? "throw new Error('Documents are read and exports made by the host, not in the window.');" : null;
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        const library = chunk.type === 'chunk' ? chunk.moduleIds.find((id) => HOST_LIBRARIES.test(id)) : undefined;
        if (library) this.error(`${library} got into the window's build (${chunk.fileName}); it belongs to the host alone`);
      }
    },
  };
}

export default defineConfig({
  root,
  // Relative asset URLs so Electron can load the build from file:// as well as over HTTP.
  base: './',
  plugins: [hostOnlyModules(), react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Inline nothing: the CSP allows scripts and images from 'self' only.
    assetsInlineLimit: 0,
    sourcemap: true,
    target: 'chrome120',
  },
});
