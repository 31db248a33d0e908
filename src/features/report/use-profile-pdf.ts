/**
 * Builds a profile document (PDF or Word, profile or workshop annex) in a worker started for the occasion and ended when the file is back (its
 * memory is returned at once), then offers the file for download. The page only prepares the view
 * model, a few milliseconds of work; layout and writing happen in the worker.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BuildStage, WorkerReply, WorkerRequest } from './worker-protocol';

export type PdfProblem = 'catalogue' | 'worker' | 'render' | 'storage';

export type PdfState =
  | { status: 'idle' }
  | { status: 'working'; stage: BuildStage }
  | { status: 'done'; url: string; file: string; size: number; ms: number }
  | { status: 'error'; problem: PdfProblem; detail: string };

/** A failure while preparing the document, before the worker is involved. */
export class PrepareError extends Error {
  constructor(
    readonly problem: Extract<PdfProblem, 'catalogue' | 'storage'>,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/** Marks the bench reads: the time from the click to the file, as the person waits for it. */
const MARK = 'mgi-profile-pdf';

export function useProfilePdf() {
  const [state, setState] = useState<PdfState>({ status: 'idle' });
  const worker = useRef<Worker | null>(null);
  const url = useRef<string | null>(null);
  // Bumped by every build and on leaving the screen: a build whose preparation finishes after that
  // starts no worker (no file downloads itself on another screen).
  const generation = useRef(0);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);

  useEffect(
    () => () => {
      generation.current += 1;
      stop();
      if (url.current) URL.revokeObjectURL(url.current);
    },
    [stop],
  );

  const build = useCallback(
    async (prepare: () => Promise<WorkerRequest>, file: string) => {
      stop();
      const mine = ++generation.current;
      setState({ status: 'working', stage: 'starting' });
      performance.mark(`${MARK}-start`);
      let request: WorkerRequest;
      try {
        request = await prepare();
      } catch (error) {
        if (mine !== generation.current) return;
        setState({ status: 'error', problem: error instanceof PrepareError ? error.problem : 'render', detail: String((error as Error)?.message ?? error) });
        return;
      }
      if (mine !== generation.current) return;
      let w: Worker;
      try {
        w = new Worker(new URL('./profile.worker.ts', import.meta.url), { type: 'module', name: 'profile-pdf' });
      } catch (error) {
        setState({ status: 'error', problem: 'worker', detail: String((error as Error)?.message ?? error) });
        return;
      }
      worker.current = w;
      w.onerror = (event) => {
        event.preventDefault();
        stop();
        setState({ status: 'error', problem: 'worker', detail: event.message || 'worker failed to start' });
      };
      w.onmessage = (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        if (reply.type === 'progress') setState({ status: 'working', stage: reply.stage });
        else if (reply.type === 'error') {
          stop();
          setState({ status: 'error', problem: 'render', detail: reply.message });
        } else if (reply.type === 'done') {
          // The file is ours now; ending the worker hands its memory (fonts, layout) back at once.
          stop();
          performance.measure(MARK, `${MARK}-start`);
          // The build alone, inside the worker (without starting it and loading react-pdf).
          performance.mark(`${MARK}-worker`, { detail: { ms: reply.ms } });
          if (url.current) URL.revokeObjectURL(url.current);
          url.current = URL.createObjectURL(reply.blob);
          setState({ status: 'done', url: url.current, file, size: reply.blob.size, ms: reply.ms });
          download(url.current, file);
        }
      };
      w.postMessage(request);
    },
    [stop],
  );

  return { state, build };
}

/** Hands the file to the browser's download, as a click on a link with `download` would. */
function download(href: string, file: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = file;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
}
