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
import { registerProfileFonts } from './fonts';
import { ProfileDocument } from './profile-document';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

// react-pdf fetches fonts itself; inside a worker a relative URL has no page to resolve against.
const absolute = (url: string) => new URL(url, self.location.href).href;

const post = (reply: WorkerReply) => self.postMessage(reply);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const started = performance.now();
  try {
    post({ type: 'progress', stage: 'fonts' });
    registerProfileFonts({
      regular: absolute(regular),
      bold: absolute(bold),
      italic: absolute(italic),
      extRegular: absolute(extRegular),
      extBold: absolute(extBold),
      extItalic: absolute(extItalic),
    });
    post({ type: 'progress', stage: 'layout' });
    const blob = await pdf(ProfileDocument({ model: event.data.model })).toBlob();
    post({ type: 'done', blob, ms: performance.now() - started });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};

post({ type: 'ready' });
