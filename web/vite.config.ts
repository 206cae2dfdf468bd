import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The counter and hotline app, built into dist/web and served by the API server at `/`. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // No source maps in the build: the server would be giving the app's source to anyone (the dev server has its own).
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
