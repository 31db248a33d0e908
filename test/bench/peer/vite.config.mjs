// Builds the SurveyJS peers of the benchmark (test/bench/05-peer-surveyjs.mjs, 21-peer-pdf.mjs) on their own, into
// test/bench/peer/dist/, so nothing of SurveyJS ever reaches the app's bundle. Same React plugin and
// build target as the app's vite.config.ts; no PWA (the peer has no offline story of its own).
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: 'dist',
    emptyOutDir: true,
    // The questionnaire page (05-peer-surveyjs.mjs) and the PDF page (21-peer-pdf.mjs).
    rollupOptions: { input: { index: fileURLToPath(new URL('index.html', import.meta.url)), pdf: fileURLToPath(new URL('pdf.html', import.meta.url)) } },
  },
});
