import type { Actor } from '../domain/history';
import { peekActor } from '../storage/actor';
import { useStored } from '../storage/live';

/** The person working on this laptop, live (changes in the "Who" panel show everywhere at once). */
export function useActor(): Actor | undefined {
  return useStored(() => peekActor(), []);
}
