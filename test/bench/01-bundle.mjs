// First-screen JavaScript: what the browser must fetch before the home screen runs.
import { firstScreenJs } from '../tools/bundle-size.mjs';

export async function run({ dist }) {
  const js = firstScreenJs(dist);
  return [
    { name: 'First-screen JavaScript (gzip)', value: (js.gzip / 1024).toFixed(1), unit: 'KB', target: '≤ 150 KB', ok: js.gzip <= 150 * 1024 },
    { name: 'react-pdf in the first-screen bundle', value: js.hasReactPdf ? 'yes' : 'no', unit: '', target: 'no', ok: !js.hasReactPdf },
  ];
}
