/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // MGI_OUT_DIR lets parallel builds (e.g. two developers' test runs) keep out of each other's way.
  build: { target: 'es2022', sourcemap: false, outDir: process.env.MGI_OUT_DIR ?? 'dist' },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'test/unit/**/*.test.{ts,tsx}'],
  },
});
