/**
 * The one origin of a sync server: the built app at `/` and the CouchDB API at `/couch/`. Same origin, so
 * the app's Content-Security-Policy (`connect-src 'self'`, in index.html) needs no exception and the
 * session cookie needs no cross-site settings.
 *
 * Static files are served as `vite preview` serves them (the CSP is in the page itself), plus
 * `no-cache` on the page and the service worker so a new version is found; hashed assets are immutable.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';

export const COUCH_PATH = '/couch';

export function createApp(distDir: string, couch: (req: Request, res: Response, next: NextFunction) => void) {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  app.use(COUCH_PATH, couch);
  app.use(
    express.static(distDir, {
      index: 'index.html',
      setHeaders(res, path) {
        if (path.endsWith('.html') || /[\\/](sw|registerSW)\.js$/.test(path) || path.endsWith('.webmanifest')) {
          res.setHeader('Cache-Control', 'no-cache');
        } else if (/[\\/]assets[\\/]/.test(path)) {
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        }
      },
    }),
  );
  // The app routes with the URL hash, so any other page address is the app itself (as vite preview does).
  app.get(/^(?!\/couch(\/|$)).*/, (req, res, next) => {
    const index = join(distDir, 'index.html');
    if (!req.accepts('html') || !existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return app;
}
