import { useEffect, useRef, useState } from 'react';
import { getDraft, type Draft } from '../../storage/drafts';
import { draftTarget, edits } from '../../storage/edits';

/**
 * A review form's fields, saved as they are typed (through the save queue, like every other form)
 * until the form is sent or cancelled: reopening the same form after a reload shows what was typed.
 * `key` names the form (assessment, indicator, kind of form and what it answers).
 */
export function useDraft<T extends Draft>(key: string, empty: T): { fields: T; change: (patch: Partial<T>) => void; clear: () => void } {
  const target = draftTarget(key);
  const [fields, setFields] = useState<T>(() => ({ ...empty, ...(edits.waiting(target) as Partial<T> | undefined) }));
  const typed = useRef(false);
  useEffect(() => {
    let live = true;
    // The stored draft, unless the person has started typing already; a change still waiting in the
    // queue is newer than what is stored.
    getDraft(key).then(
      (stored) => {
        if (!live || typed.current || !stored) return;
        const waiting = edits.waiting(draftTarget(key));
        setFields((f) => ({ ...f, ...stored, ...waiting }));
      },
      () => undefined, // Storage refused: the form still works, without a draft.
    );
    return () => {
      live = false;
    };
  }, [key]);
  return {
    fields,
    change: (patch) => {
      typed.current = true;
      setFields((f) => ({ ...f, ...patch }));
      edits.edit(target, patch as Draft);
    },
    clear: () => {
      typed.current = true;
      edits.edit(target, Object.fromEntries(Object.keys({ ...empty, ...fields }).map((k) => [k, ''])), true);
    },
  };
}
