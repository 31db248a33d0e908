/** React access to stored data that stays current across tabs (Dexie live queries). */
import { useLiveQuery } from 'dexie-react-hooks';

/** Runs a storage read and re-runs it whenever the tables it read change, in this tab or another. */
export function useStored<T>(read: () => Promise<T>, deps: unknown[]): T | undefined {
  return useLiveQuery(read, deps);
}
