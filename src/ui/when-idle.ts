/**
 * Runs `task` when the page has nothing else to do, at the latest after `timeout` ms if given (a short
 * timer where the browser has no idle callback). Returns what cancels it, for an effect's clean-up.
 */
export function whenIdle(task: () => void, timeout?: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, timeout === undefined ? undefined : { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 200);
  return () => clearTimeout(handle);
}
