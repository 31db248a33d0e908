import { useSyncExternalStore } from 'react';
import { edits } from '../storage/edits';
import type { QueueView } from '../storage/save-queue';

/** What waits to be saved and what failed, across every screen of this tab (storage/edits.ts). */
export function useEdits(): QueueView {
  return useSyncExternalStore(edits.subscribe, edits.getView);
}
