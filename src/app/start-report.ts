/**
 * What the start-up recovery found, handed from main.tsx to the screens (storage-notices.tsx). Only
 * the count is kept here: the entries set aside stay in the journal's own keeping (`setAsideEntries`).
 */
let setAsideAtStart = 0;

/** Records the journal replay's outcome; only the count set aside is read. */
export function recordStart(replay: { setAside: number }): void {
  setAsideAtStart = replay.setAside;
}

/** How many journalled changes the replay at this start set aside. */
export const setAsideThisStart = (): number => setAsideAtStart;
