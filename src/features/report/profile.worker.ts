/// <reference lib="webworker" />
/**
 * Builds the profile (or the workshop annex) off the main thread, so the page stays responsive while
 * react-pdf lays out fifty pages. Loaded only when a document is asked for: react-pdf and the fonts
 * never reach the first screen. The page terminates the worker once the file is back, which returns
 * its memory. Fonts beyond Latin are fetched only when the document's text uses their script.
 */
import { pdf } from '@react-pdf/renderer';
import { allText } from '../../domain/profile';
import type { Script } from '../../domain/scripts';
import { registerProfileFonts, type FontFace, type FontFiles } from './fonts';
import { fontUrls, subsetUrls } from './font-urls';
import { parseFontCss, subsetsFor } from './font-subsets';
import { ProfileDocument, WorkshopAnnexDocument } from './profile-document';
import { woffToSfnt } from './woff';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

/** zlib inflate by the browser's own (native) decompressor. */
const inflate = (data: Uint8Array) =>
  new Response(new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'))).arrayBuffer().then((b) => new Uint8Array(b));

/** One WOFF fetched (from the precache when offline) and unwrapped once, handed to react-pdf as a blob URL. */
async function plainFont(url: string): Promise<string> {
  const response = await fetch(new URL(url, self.location.href));
  if (!response.ok) throw new Error(`font ${url}: ${response.status}`);
  const sfnt = await woffToSfnt(new Uint8Array(await response.arrayBuffer()), inflate);
  return URL.createObjectURL(new Blob([sfnt as Uint8Array<ArrayBuffer>], { type: 'font/ttf' }));
}

async function fontsFor(scripts: readonly Script[], texts: readonly string[]): Promise<FontFiles> {
  const face = async (urls: { regular: string; bold: string }): Promise<FontFace> => {
    const [regular, bold] = await Promise.all([plainFont(urls.regular), plainFont(urls.bold)]);
    return { regular, bold };
  };
  const wanted = scripts.filter((s) => fontUrls[s]);
  // Chinese, Japanese and Korean: only the subset files that hold the document's characters.
  const subsets = Promise.all(
    scripts
      .filter((s) => subsetUrls[s])
      .map(async (s) => {
        const { files, css } = subsetUrls[s]!;
        const needed = subsetsFor(parseFontCss(await css()), texts).filter((f) => files[f]);
        return [s, Object.fromEntries(await Promise.all(needed.map(async (f) => [f, await plainFont(files[f]!)] as const)))] as const;
      }),
  );
  const [base, ...faces] = await Promise.all([face(fontUrls.base), ...wanted.map((s) => face(fontUrls[s]!))]);
  return { base: base!, ...Object.fromEntries(wanted.map((s, i) => [s, faces[i]!])), subsets: Object.fromEntries(await subsets) };
}

const post = (reply: WorkerReply) => self.postMessage(reply);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const started = performance.now();
  const request = event.data;
  try {
    if (request.format === 'pdf') {
      post({ type: 'progress', stage: 'fonts' });
      registerProfileFonts(await fontsFor(request.model.scripts, allText(request.model)));
    }
    post({ type: 'progress', stage: 'layout' });
    let blob: Blob;
    if (request.format === 'docx') {
      // The Word writer is loaded only when a Word file is asked for.
      const { profileDocx, annexDocx } = await import('./profile-docx');
      blob = request.kind === 'profile' ? await profileDocx(request.model) : await annexDocx(request.model);
    } else if (request.kind === 'profile') {
      blob = await pdf(ProfileDocument({ model: request.model })).toBlob();
    } else {
      blob = await pdf(WorkshopAnnexDocument({ model: request.model })).toBlob();
    }
    post({ type: 'done', blob, ms: performance.now() - started });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};

post({ type: 'ready' });
