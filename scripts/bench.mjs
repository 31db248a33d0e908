// `npm run bench`: builds the app and prints its performance figures with their targets.
// A benchmark, not a test: it reports numbers and never fails the test suite.
import { spawnSync } from 'node:child_process';
import { firstScreenJs } from './bundle-size.mjs';

const rows = [];
const report = (name, value, unit, target, ok) => rows.push({ name, value, unit, target, ok });

console.log('Building the production bundle…');
const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const js = firstScreenJs();
report('First-screen JavaScript (gzip)', (js.gzip / 1024).toFixed(1), 'KB', '≤ 150 KB', js.gzip <= 150 * 1024);
report('react-pdf in the first-screen bundle', js.hasReactPdf ? 'yes' : 'no', '', 'no', !js.hasReactPdf);

const width = Math.max(...rows.map((r) => r.name.length));
console.log('\nMGI assessment benchmark');
for (const r of rows) {
  console.log(`  ${r.name.padEnd(width)}  ${`${r.value} ${r.unit}`.trim().padStart(12)}   target ${r.target}   ${r.ok ? 'ok' : 'MISSED'}`);
}
