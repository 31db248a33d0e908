// The profile PDF of the demonstration, built in Node with the same documents as the worker: a quick
// way to time and profile the layout without a browser (`npx tsx test/bench/pdf-node.tsx [runs] [langs]`,
// or with `node --cpu-prof --import tsx test/bench/pdf-node.tsx` for a CPU profile). Not a test.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseCatalogue, parseCatalogueText } from '../../src/domain/catalogue';
import { buildDemoAssessment, type DemoPhrases } from '../../src/domain/demo';
import { buildProfile, type ProfileStrings } from '../../src/domain/profile';
import { renderProfilePdf } from '../../src/features/report/profile-pdf-node';

const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const runs = Number(process.argv[2] ?? 3);
const langs = (process.argv[3] ?? 'en,es,fr').split(',') as ('en' | 'es' | 'fr')[];
const catalogue = parseCatalogue(json('indicators/national.json'), 'national');
for (const lang of langs) {
  const text = parseCatalogueText(json(`locales/${lang}/national.json`), 'national', catalogue);
  const now = '2026-01-01T00:00:00.000Z';
  const { assessment, answers } = buildDemoAssessment({ catalogue, phrases: json(`locales/${lang}/demo.json`) as DemoPhrases, id: 'demonstration', now });
  const model = buildProfile({ assessment, answers, bundle: { catalogue, text, lang }, strings: json(`locales/${lang}/report.json`) as ProfileStrings, lang, generatedAt: now, national: null, earlier: null });
  const times: number[] = [];
  const cpu: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    size = (await renderProfilePdf(model)).length;
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    // CPU time as well: on a shared machine the wall time mostly says how busy the others are.
    cpu.push((c.user + c.system) / 1000);
  }
  const show = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(' ');
  console.log(`${lang}: wall ${show(times)} ms, CPU ${show(cpu)} ms (${(size / 1024).toFixed(0)} KB)`);
}
