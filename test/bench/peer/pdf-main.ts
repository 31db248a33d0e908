/**
 * The survey-pdf peer of the benchmark: the questionnaire with a team's answers and narratives as a PDF,
 * made by SurveyJS's PDF generator with the same embedded font as the app's profile (Noto Sans, from
 * the same npm package, unwrapped from WOFF the same way). Driven by test/bench/21-peer-pdf.mjs; not
 * part of the app.
 */
import regularUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?url';
import boldUrl from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff?url';
import { DocController, SurveyPDF } from 'survey-pdf';
import { woffToSfnt } from '../../../src/features/report/woff';

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function ttfBase64(url: string): Promise<string> {
  const sfnt = await woffToSfnt(new Uint8Array(await (await fetch(url)).arrayBuffer()), inflate);
  let binary = '';
  for (let i = 0; i < sfnt.length; i += 0x8000) binary += String.fromCharCode(...sfnt.subarray(i, i + 0x8000));
  return btoa(binary);
}

let fonts: Promise<void> | null = null;

/** Builds the PDF once; returns the time from the questionnaire to the finished file, and its size. */
async function makePdf(json: object, data: Record<string, unknown>): Promise<{ ms: number; bytes: number }> {
  fonts ??= Promise.all([ttfBase64(regularUrl), ttfBase64(boldUrl)]).then(([regular, bold]) => {
    DocController.addFont('NotoSans', regular, 'normal');
    DocController.addFont('NotoSans', bold, 'bold');
  });
  await fonts;
  const t0 = performance.now();
  const pdf = new SurveyPDF(json, { fontName: 'NotoSans', fontSize: 11, format: 'a4', margins: { left: 18, right: 18, top: 18, bot: 18 } });
  pdf.data = data;
  pdf.mode = 'display';
  const raw = (await pdf.raw('blob')) as unknown as Blob;
  return { ms: performance.now() - t0, bytes: raw.size };
}

(window as unknown as { makePdf: typeof makePdf }).makePdf = makePdf;
document.title = 'ready';
