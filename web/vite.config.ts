import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompress } from './scripts/precompress.ts';

const OUT_DIR = path.resolve(import.meta.dirname, '..', 'dist', 'web');

/** After the build is written, a Brotli and a gzip copy of each text file beside it (scripts/precompress.ts). */
function precompressed(): Plugin {
  return {
    name: 'madoguchi-precompress',
    apply: 'build',
    closeBundle() {
      const sizes = precompress(OUT_DIR);
      const total = (key: 'bytes' | 'br' | 'gzip') => sizes.reduce((sum, size) => sum + (size[key] ?? size.bytes), 0);
      this.info(`precompressed ${sizes.length} files: ${total('bytes')} bytes, ${total('br')} as Brotli, ${total('gzip')} as gzip`);
    },
  };
}

/** The counter and hotline app, built into dist/web and served by the API server at `/`. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompressed()],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    // No source maps in the build: the server would be giving the app's source to anyone (the dev server has its own).
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
