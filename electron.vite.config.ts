import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { contentRulesDigest } from './electron/core/content/rules';

// The app's folders are not electron-vite's defaults: each part is pointed at its own entry.
export default defineConfig({
  main: {
    // The content rules these bundles run, so that a content snapshot made by other rules is never taken (content/rules.ts).
    define: { __FIELDBOOK_CONTENT_RULES__: JSON.stringify(contentRulesDigest(resolve('.'))) },
    build: {
      outDir: 'out/main',
      // The browser-mode host is built beside the desktop main process, so `npm run serve` starts it with plain
      // Node instead of transpiling it at every launch.
      lib: { entry: { index: resolve('electron/main/index.ts'), host: resolve('electron/host/cli.ts') } },
      // Node loads a JSON package only with an import attribute, which shared code (words/stems.ts, also run in the
      // page) cannot carry: the one list taken from it is bundled instead.
      // The CommonJS packages the core loads are bundled too: Node reads a CommonJS package imported from an ES module
      // with a lexer pass of its own, which made start-up wait about 300 ms for snowball-stemmers alone (12 ms as
      // part of the bundle). So are the ES packages the core opens with: resolving and reading each from
      // node_modules (nine stop-word lists among them) made loading the core's code take 120 ms instead of 75.
      externalizeDeps: {
        exclude: [
          'stopwords-iso',
          'snowball-stemmers',
          'yaml',
          'qrcode',
          'tar-stream',
          'zod',
          'minisearch',
          'lowdb',
          'js-yaml',
          'diff',
          'canonicalize',
          '@orama/stopwords',
        ],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve('electron/preload/index.ts') },
      // A sandboxed preload cannot load ES modules.
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified by default; minifying cuts what the page parses at start-up.
      minify: true,
      // No inline module preload polyfill: the CSP forbids inline script.
      modulePreload: { polyfill: false },
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
});
