/// <reference lib="webworker" />
/**
 * Builds the profile PDF off the main thread, so the page stays responsive while react-pdf lays out
 * fifty pages. Loaded only when a profile is asked for: react-pdf and the fonts never reach the first
 * screen. The page terminates the worker once the file is back, which returns its memory.
 */
import { pdf } from '@react-pdf/renderer';
import extBold from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff?url';
import extItalic from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-italic.woff?url';
import extRegular from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff?url';
import bold from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff?url';
import italic from '@fontsource/noto-sans/files/noto-sans-latin-400-italic.woff?url';
import regular from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?url';
import { registerProfileFonts, type FontFiles } from './fonts';
import { woffToSfnt } from './woff';
import { ProfileDocument } from './profile-document';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

const woffs: FontFiles = { regular, bold, italic, extRegular, extBold, extItalic };

/** zlib inflate by the browser's own (native) decompressor. */
const inflate = (data: Uint8Array) =>
  new Response(new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'))).arrayBuffer().then((b) => new Uint8Array(b));

/** Each WOFF fetched (from the precache when offline) and unwrapped once, then handed to react-pdf as a blob URL. */
async function plainFonts(): Promise<FontFiles> {
  const entries = await Promise.all(
    Object.entries(woffs).map(async ([role, url]) => {
      const response = await fetch(new URL(url, self.location.href));
      if (!response.ok) throw new Error(`font ${url}: ${response.status}`);
      const sfnt = await woffToSfnt(new Uint8Array(await response.arrayBuffer()), inflate);
      return [role, URL.createObjectURL(new Blob([sfnt as Uint8Array<ArrayBuffer>], { type: 'font/ttf' }))] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as FontFiles;
}

const post = (reply: WorkerReply) => self.postMessage(reply);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const started = performance.now();
  try {
    post({ type: 'progress', stage: 'fonts' });
    registerProfileFonts(await plainFonts());
    post({ type: 'progress', stage: 'layout' });
    const blob = await pdf(ProfileDocument({ model: event.data.model })).toBlob();
    post({ type: 'done', blob, ms: performance.now() - started });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};

post({ type: 'ready' });
