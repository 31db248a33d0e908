/**
 * What the browser allows this app to store: whether IndexedDB opens at all (it does not in some
 * private windows or when storage is blocked), whether storage is persistent (not cleared under
 * pressure), and how much is used.
 */
import { database } from './connection';

export interface StorageReport {
  available: boolean;
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export async function probeStorage(): Promise<StorageReport> {
  let available = true;
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    await database().open();
  } catch {
    available = false;
  }
  const manager = globalThis.navigator?.storage;
  const persisted = manager?.persisted ? await manager.persisted().catch(() => null) : null;
  const estimate = manager?.estimate ? await manager.estimate().catch(() => null) : null;
  return { available, persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/** Asks the browser to keep our data even when the disk fills up; returns whether it agreed. */
export async function requestPersistence(): Promise<boolean> {
  const manager = globalThis.navigator?.storage;
  if (!manager?.persist) return false;
  return manager.persist().catch(() => false);
}
