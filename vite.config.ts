/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { SERVICE_WORKER_FILE } from './src/app/service-worker-file';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // A new version is offered with a prompt (src/app/update-prompt.tsx); never reloaded under someone's hands.
      registerType: 'prompt',
      injectRegister: null,
      filename: SERVICE_WORKER_FILE,
      includeAssets: ['icon-192.png', 'icon-512.png', 'icon-maskable-512.png'],
      manifest: {
        name: 'MGI assessment',
        short_name: 'MGI',
        description: 'Migration Governance Indicators assessment: offline workshops and draft profiles',
        theme_color: '#0b4f8a',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '.',
        scope: '.',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything the app can need offline: code, catalogue and locale chunks, the PDF worker, fonts.
        globPatterns: ['**/*.{js,mjs,css,html,json,woff,woff2,ttf,otf,png,svg,webmanifest}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first install takes over the open tab at once, so screens not loaded yet come from the
        // precache when the network goes away in that same tab (updates still wait for the prompt).
        clientsClaim: true,
      },
    }),
  ],
  worker: { format: 'es' },
  // MGI_OUT_DIR lets parallel builds (e.g. two developers' test runs) keep out of each other's way.
  build: { target: 'es2022', sourcemap: false, outDir: process.env.MGI_OUT_DIR ?? 'dist' },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['test/setup.ts'],
    // A stuck test ends here; a slow machine is not a failure (see test/setup.ts).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    include: ['src/**/*.test.{ts,tsx}', 'test/unit/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
  },
});
