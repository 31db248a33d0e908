/**
 * Builds a profile document (PDF or Word, profile or workshop annex) in the document worker, then
 * offers the file for download. The page only prepares the view model, a few milliseconds of work;
 * layout and writing happen in the worker.
 *
 * The worker is started while the results screen is idle and lays the profile out a few times to warm up
 * (fonts fetched and registered, react-pdf's code compiled), so a click pays neither the worker's start
 * nor a cold first layout. It is kept for the next file and ended on leaving the screen, which returns
 * its memory.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProfileModel } from '../../domain/profile';
import { download } from '../../ui/download';
import { whenIdle } from '../../ui/when-idle';
import type { BuildStage, WorkerMessage, WorkerReply, WorkerRequest } from './worker-protocol';

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

/** Marks the bench reads: the time from the click to the file, as the person waits for it, and when the worker is warm. */
const MARK = 'mgi-profile-pdf';

const startWorker = () => new Worker(new URL('./profile.worker.ts', import.meta.url), { type: 'module', name: 'profile-pdf' });

/** `warm`: the profile to lay out once while idle (the screen's own), or null while it is not known yet. */
export function useProfilePdf(warm: ProfileModel | null) {
  const [state, setState] = useState<PdfState>({ status: 'idle' });
  const worker = useRef<Worker | null>(null);
  const url = useRef<string | null>(null);
  // The build whose replies count, bumped by every build and on leaving the screen: a build whose
  // preparation finishes after that sends nothing (no file downloads itself on another screen), and
  // the replies of an older build are ignored.
  const generation = useRef(0);
  const file = useRef('');
  const warmed = useRef(false);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);

  const onReply = useCallback(
    (reply: WorkerReply) => {
      if (reply.type === 'warm') {
        performance.mark(`${MARK}-warm`, { detail: { ms: reply.ms, passes: reply.passes } });
        return;
      }
      if (reply.id !== generation.current) return;
      if (reply.type === 'progress') setState({ status: 'working', stage: reply.stage });
      else if (reply.type === 'error') setState({ status: 'error', problem: 'render', detail: reply.message });
      else {
        performance.measure(MARK, `${MARK}-start`);
        // The build alone, inside the worker (without waiting for it to start or warm up).
        performance.mark(`${MARK}-worker`, { detail: { ms: reply.ms, made: reply.made } });
        if (url.current) URL.revokeObjectURL(url.current);
        url.current = URL.createObjectURL(reply.blob);
        setState({ status: 'done', url: url.current, file: file.current, size: reply.blob.size, ms: reply.ms });
        download(reply.blob, file.current);
      }
    },
    [],
  );

  /** The running worker, started if need be; throws when the browser cannot start one. */
  const ensure = useCallback((): Worker => {
    if (worker.current) return worker.current;
    const w = startWorker();
    w.onmessage = (event: MessageEvent<WorkerReply>) => onReply(event.data);
    w.onerror = (event) => {
      event.preventDefault();
      stop();
      setState((s) => (s.status === 'working' ? { status: 'error', problem: 'worker', detail: event.message || 'worker failed to start' } : s));
    };
    worker.current = w;
    return w;
  }, [onReply, stop]);

  useEffect(
    () => () => {
      generation.current += 1;
      stop();
      if (url.current) URL.revokeObjectURL(url.current);
    },
    [stop],
  );

  useEffect(() => {
    if (!warm || warmed.current) return;
    return whenIdle(() => {
      warmed.current = true;
      if (worker.current) return; // a click was faster: that build warms it
      try {
        ensure().postMessage({ type: 'warm', model: warm } satisfies WorkerMessage);
      } catch {
        // No worker in this browser: the click says so.
      }
    }, 2000);
  }, [warm, ensure]);

  const build = useCallback(
    async (prepare: () => Promise<WorkerRequest>, name: string) => {
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
        w = ensure();
      } catch (error) {
        setState({ status: 'error', problem: 'worker', detail: String((error as Error)?.message ?? error) });
        return;
      }
      file.current = name;
      w.postMessage({ type: 'build', id: mine, request } satisfies WorkerMessage);
    },
    [ensure],
  );

  return { state, build };
}
