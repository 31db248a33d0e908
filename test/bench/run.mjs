// `npm run bench`: builds the app, serves it, and prints every performance figure with its target.
// A benchmark, not a test: it reports numbers and never fails the test suite.
// Each area adds its figures as a module in test/bench/ exporting `run(ctx)` → rows.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { ensureChromium, chromiumArgs } from '../tools/chromium.mjs';

const outDir = process.env.MGI_OUT_DIR ?? 'dist';
console.log('Building the production bundle…');
const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await preview({ preview: { port: 0, host: '127.0.0.1', open: false }, build: { outDir }, logLevel: 'error' });
const baseUrl = server.resolvedUrls.local[0];
const executablePath = ensureChromium();
const browsers = [];
const ctx = {
  dist: outDir,
  baseUrl,
  /** A fresh headless Chromium (Debian's), closed at the end of the run. */
  async launch() {
    const browser = await chromium.launch({ executablePath, args: chromiumArgs });
    browsers.push(browser);
    return browser;
  },
};

const only = process.argv.slice(2);
const modules = readdirSync('test/bench')
  .filter((f) => /^\d+-.*\.mjs$/.test(f)) // numbered modules only; helpers such as seed.mjs are imported by them
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const rows = [];
for (const file of modules) {
  process.stdout.write(`Running ${file}…\n`);
  try {
    const mod = await import(pathToFileURL(`test/bench/${file}`).href);
    rows.push(...(await mod.run(ctx)));
  } catch (error) {
    rows.push({ name: `${file} failed: ${error instanceof Error ? error.message : error}`, value: '—', unit: '', target: '', ok: false });
  }
}
await Promise.all(browsers.map((b) => b.close()));
await server.close();

const width = Math.max(...rows.map((r) => r.name.length));
console.log('\nMGI assessment benchmark');
for (const r of rows) {
  const value = `${r.value} ${r.unit}`.trim();
  console.log(`  ${r.name.padEnd(width)}  ${value.padStart(14)}   target ${r.target.padEnd(10)} ${r.ok ? 'ok' : 'MISSED'}${r.peer ? `   (SurveyJS: ${r.peer})` : ''}`);
}
