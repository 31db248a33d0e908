/**
 * The few lines of IndexedDB a SurveyJS app writes itself (what idb-keyval offers): SurveyJS keeps
 * answers in memory only. One record per survey run, holding `survey.data` as it is.
 * test/bench/05-peer-surveyjs.mjs seeds this database directly, so keep its names in step.
 */
const DB_NAME = 'mgi-surveyjs-peer';
const STORE = 'surveys';

let connection: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  connection ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return connection;
}

function request<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = run(tx.objectStore(STORE));
        // Resolve on commit, not on the request's success: only then is the write durable.
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      }),
  );
}

export const getRecord = (key: string) => request<unknown>('readonly', (s) => s.get(key));
export const setRecord = (key: string, value: unknown) => request<IDBValidKey>('readwrite', (s) => s.put(value, key)).then(() => undefined);
export const recordKeys = () => request<IDBValidKey[]>('readonly', (s) => s.getAllKeys()).then((keys) => keys.map(String));
