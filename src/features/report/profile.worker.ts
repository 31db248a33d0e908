/// <reference lib="webworker" />
/**
 * Builds the profile (or the workshop annex) off the main thread, so the page stays responsive while
 * react-pdf lays out fifty pages. Loaded only on the results screen: react-pdf and the fonts never reach
 * the first screen. The screen starts it while idle and has it lay out the profile a few times (`warm`), so a
 * click finds the fonts fetched, unwrapped and registered, the layout code compiled, and the screen's
 * own profile already made (handed over as is when nothing has changed since); it keeps the
 * worker for the next file and ends it on leaving the screen, which returns its memory. Fonts beyond
 * Latin are fetched only when the document's text uses their script, each once per worker.
 */
import { pdf } from '@react-pdf/renderer';
import { allText } from '../../domain/profile';
import type { Script } from '../../domain/scripts';
import { fontFamilies, registerProfileFonts, shapeWordsOnce, type FontFace, type FontFiles } from './fonts';
import { fontUrls, subsetUrls } from './font-urls';
import { parseFontCss, subsetsFor } from './font-subsets';
import { ProfileDocument, WorkshopAnnexDocument } from './profile-document';
import { woffToSfnt } from './woff';
import type { WorkerMessage, WorkerReply, WorkerRequest } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

/** zlib inflate by the browser's own (native) decompressor. */
const inflate = (data: Uint8Array) =>
  new Response(new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'))).arrayBuffer().then((b) => new Uint8Array(b));

/** Each WOFF fetched (from the precache when offline) and unwrapped once per worker, as a blob URL for react-pdf. */
const plainFonts = new Map<string, Promise<string>>();
function plainFont(url: string): Promise<string> {
  let font = plainFonts.get(url);
  if (!font) {
    font = (async () => {
      const response = await fetch(new URL(url, self.location.href));
      if (!response.ok) throw new Error(`font ${url}: ${response.status}`);
      const sfnt = await woffToSfnt(new Uint8Array(await response.arrayBuffer()), inflate);
      return URL.createObjectURL(new Blob([sfnt as Uint8Array<ArrayBuffer>], { type: 'font/ttf' }));
    })();
    // A failed fetch is tried again by the next document.
    font.catch(() => plainFonts.delete(url));
    plainFonts.set(url, font);
  }
  return font;
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

async function build(request: WorkerRequest, stage: (stage: 'fonts' | 'layout') => void): Promise<Blob> {
  if (request.format === 'pdf') {
    stage('fonts');
    registerProfileFonts(await fontsFor(request.model.scripts, allText(request.model)));
    await shapeWordsOnce(fontFamilies(request.model.scripts));
  }
  stage('layout');
  if (request.format === 'docx') {
    // The Word writer is loaded only when a Word file is asked for.
    const { profileDocx, annexDocx } = await import('./profile-docx');
    return request.kind === 'profile' ? profileDocx(request.model) : annexDocx(request.model);
  }
  if (request.kind === 'profile') return pdf(ProfileDocument({ model: request.model })).toBlob();
  return pdf(WorkshopAnnexDocument({ model: request.model })).toBlob();
}

/** Whole-profile passes of the warm-up, at most (see `handle`). */
const WARM_PASSES = 10;

/**
 * The file the warm-up made last, with the request it answers (as JSON) and the time it took: the
 * person's click, when it asks for that same document (the screen's own profile, unchanged), gets it
 * at once instead of waiting for the same layout again. Any difference in the request (another
 * language, an answer changed meanwhile) is a different key, and a new build.
 */
let made: { key: string; blob: Blob; ms: number } | null = null;
const keyOf = (request: WorkerRequest) => JSON.stringify(request);

async function handle(message: WorkerMessage): Promise<void> {
  const started = performance.now();
  if (message.type === 'warm') {
    const passes: number[] = [];
    const request: WorkerRequest = { kind: 'profile', format: 'pdf', model: message.model };
    const key = keyOf(request);
    try {
      // V8 compiles the layout code's hot functions in tiers, after enough calls, and on a busy 2-core
      // machine its background compiler is slow to get there: in the bench, a fresh worker's full
      // builds took about 2.3, 1.4, 1.3, 1.1, 1.2, 0.8, 0.7, 0.54, 0.47 s (the language did not matter,
      // the order did), falling in steps with flat stretches between them. So the whole profile until
      // two passes in a row are no faster than the best one before them, ten at most: each pass is
      // CPU an old laptop spends in this worker, on its own core, while the person reads the screen.
      // Every pass keeps its file (`made`): a click made early waits for the pass under way, not for
      // a build of its own after it. A file asked for meanwhile ends the warm-up.
      let best = Infinity;
      let flat = 0;
      for (let i = 0; i < WARM_PASSES && waiting === 0 && flat < 2; i++) {
        const pass = performance.now();
        const blob = await build(request, () => undefined);
        const ms = performance.now() - pass;
        made = { key, blob, ms };
        passes.push(ms);
        flat = ms < best * 0.95 ? 0 : flat + 1;
        best = Math.min(best, ms);
      }
    } catch {
      // Nothing to report: a build asked for later meets the same problem and says so.
    }
    post({ type: 'warm', ms: performance.now() - started, passes });
    return;
  }
  const { id, request } = message;
  if (madeFor(id, request)) return;
  try {
    const blob = await build(request, (stage) => post({ type: 'progress', id, stage }));
    post({ type: 'done', id, blob, ms: performance.now() - started, made: false });
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
}

/** Answers a build with the warm-up's file when it is the same document; false when it is not. */
function madeFor(id: number, request: WorkerRequest): boolean {
  if (!made || made.key !== keyOf(request)) return false;
  post({ type: 'done', id, blob: made.blob, ms: made.ms, made: true });
  return true;
}

// One document at a time: a build asked for while the worker warms up starts once the current pass of
// the warm-up is done, unless the warm-up has already made that file.
let queue = Promise.resolve();
let waiting = 0;
self.onmessage = (event: MessageEvent<WorkerMessage>) => {
  const message = event.data;
  if (message.type === 'build' && madeFor(message.id, message.request)) return;
  if (message.type === 'build') waiting += 1;
  queue = queue.then(() => {
    if (message.type === 'build') waiting -= 1;
    return handle(message);
  });
};
