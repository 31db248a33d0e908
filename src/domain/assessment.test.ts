import { describe, expect, it } from 'vitest';
import { backupState } from './assessment';

describe('backup state', () => {
  it('is "never" until the assessment has been downloaded from this device', () => {
    expect(backupState('2026-03-02T09:00:00.000Z', undefined)).toBe('never');
  });
  it('is "behind" when something changed after the last download, "current" otherwise', () => {
    expect(backupState('2026-03-02T09:00:01.000Z', '2026-03-02T09:00:00.000Z')).toBe('behind');
    expect(backupState('2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z')).toBe('current');
    expect(backupState('2026-03-02T08:00:00.000Z', '2026-03-02T09:00:00.000Z')).toBe('current');
  });
});
