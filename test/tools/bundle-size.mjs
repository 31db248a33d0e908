// Measures the JavaScript the first screen loads: the entry script, every chunk it imports
// statically, and the chunk of English UI strings that is fetched before the first render
// (what the browser must fetch before the home screen can run), gzip-compressed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function firstScreenJs(dist = 'dist') {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Static imports only: `import ... from "./x.js"` and `import "./x.js"`, not import().
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"();]*?\sfrom\s*)?["']\.\/([^"']+\.js)["']/g)) visit(`assets/${m[1]}`);
  };
  entries.forEach(visit);
  for (const file of readdirSync(join(dist, 'assets'))) {
    if (file.endsWith('.js') && readFileSync(join(dist, 'assets', file), 'utf8').includes('Assessments on this device')) visit(`assets/${file}`);
  }
  const files = [...seen].map((file) => {
    const code = readFileSync(join(dist, file));
    return { file, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length, text: code.toString('utf8') };
  });
  return {
    files: files.map((f) => ({ file: f.file, bytes: f.bytes, gzip: f.gzip })),
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
    hasReactPdf: files.some((f) => /@react-pdf|react-pdf|pdfkit|fontkit/.test(f.text)),
  };
}
