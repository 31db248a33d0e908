// Builds the SurveyJS peer of the benchmark (test/bench/05-peer-surveyjs.mjs) on its own, into
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
  build: { target: 'es2022', sourcemap: false, outDir: 'dist', emptyOutDir: true },
});
