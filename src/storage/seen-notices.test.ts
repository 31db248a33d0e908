import { describe, expect, it } from 'vitest';
import { markNoticesSeen, repairedRowKey, seenNotices } from './seen-notices';

describe('what the person was already told about storage', () => {
  it('is remembered across starts', () => {
    markNoticesSeen({ repaired: [repairedRowKey({ assessmentId: 'a', indicatorId: 'i1' })], setAside: 2 });
    markNoticesSeen({ setAside: 3 });
    expect(seenNotices()).toEqual({ repaired: ['a\u0000i1'], setAside: 3 });
  });

  it.each([['not json'], ['null'], ['[1, 2]'], ['{"repaired": "a", "setAside": -4}'], ['{"repaired": [1, "a\\u0000"], "setAside": "2"}']])(
    'starts from nothing seen when what is stored is unreadable: %s',
    (raw) => {
      localStorage.setItem('mgi.seen-notices.v1', raw);
      const seen = seenNotices();
      expect(seen.setAside).toBe(0);
      expect(seen.repaired.every((k) => typeof k === 'string')).toBe(true);
    },
  );
});
