/**
 * What the start-up recovery found, handed from main.tsx to the screens (storage-notices.tsx), and what
 * the person has already dismissed this session. Only the numbers are kept here: the entries set aside
 * stay in the journal's own keeping (`setAsideEntries`).
 */
let setAsideAtStart = 0;
const dismissed = { repairs: 0, setAside: false };

/** Records the journal replay's outcome; only the count set aside is read. */
export function recordStart(replay: { setAside: number }): void {
  setAsideAtStart = replay.setAside;
}

/** How many journalled changes the replay at this start set aside. */
export const setAsideThisStart = (): number => setAsideAtStart;

/** The notices dismissed this session: repaired rows up to that count, and the set-aside notice. */
export const dismissedNotices = (): Readonly<typeof dismissed> => ({ ...dismissed });
export const dismissRepairs = (count: number): void => void (dismissed.repairs = count);
export const dismissSetAside = (): void => void (dismissed.setAside = true);
