/**
 * The service worker's file name, in one place: vite.config.ts has vite-plugin-pwa build it under this
 * name, and update-prompt.tsx registers it again by this name when an install failed for want of a
 * network (without workbox-window, whose own download may be what failed).
 */
export const SERVICE_WORKER_FILE = 'sw.js';
