// Sync server figures: one assessment's first download, ten laptops converging after reconnect, and
// 200 assessments replicated to an observer, with the server process's memory. The work runs in a
// child process under tsx (sync-measure.mjs) because it uses the app's TypeScript protocol client.
import { spawnSync } from 'node:child_process';

export async function run() {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/bench/sync-measure.mjs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`sync-measure exited with ${result.status}`);
  const last = result.stdout.trim().split('\n').at(-1) ?? '[]';
  return JSON.parse(last);
}
