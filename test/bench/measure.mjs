// In-page measurements shared by the app's figures (10-walkthrough.mjs) and the SurveyJS peer's
// (05-peer-surveyjs.mjs), so both are measured the same way.

/** Changes made before the measured ones: the first changes after opening also pay for the page's warm-up. */
export const WARM_UP = 3;

/**
 * Clicks the first three radios of `radios` in turn and, after each click, reads IndexedDB directly
 * until `store.get(key)[field]` holds the clicked value. Returns the first click's time (what someone
 * feels once, right after opening) and, once the page is idle and warmed up, the times of `rounds` more.
 */
export async function answerLatency(page, { radios, dbName, store, key, field, rounds = 60 }) {
  const all = await page.evaluate(
    async ({ radios, dbName, store, key, field, rounds }) => {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open(dbName);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const read = () =>
        new Promise((resolve) => {
          const req = db.transaction(store).objectStore(store).get(key);
          req.onsuccess = () => resolve(req.result?.[field] ?? null);
        });
      const inputs = [...document.querySelectorAll(radios)].slice(0, 3);
      if (inputs.length < 3) throw new Error(`fewer than three radios match ${radios}`);
      const out = [];
      for (let i = 0; i < rounds; i++) {
        const radio = inputs[i % inputs.length];
        const t0 = performance.now();
        radio.click();
        // The first read waits for the click's task and its microtasks to end: the app's write may open
        // its transaction in a microtask (Dexie, idb-keyval… do), and a read opened before it, in the
        // click's own task, would hold that write back until the read is done (IndexedDB runs
        // transactions over the same store in the order they were opened).
        await new Promise((r) => setTimeout(r, 0));
        while ((await read()) !== radio.value) {
          if (performance.now() - t0 > 5000) throw new Error('an answer was not committed within 5 s');
        }
        out.push(performance.now() - t0);
        // After the first change, let the screen finish what opening it started (lazy panels,
        // prefetches) before the steady-state changes are timed.
        if (i === 0) await new Promise((r) => requestIdleCallback(r, { timeout: 2000 }));
      }
      db.close();
      return out;
    },
    { radios, dbName, store, key, field, rounds: rounds + WARM_UP },
  );
  return { first: all[0], samples: all.slice(WARM_UP) };
}

/**
 * The same clicks, each change's commit seen from a worker instead of the page: the worker's reads are
 * answered on its own thread, so the figure is when IndexedDB has the value, not when the page's main
 * thread (busy with what the app does after a save) gets round to hearing it. The worker reads only
 * between a click and the value it waits for. Returns the times of `rounds` changes after the warm-up.
 */
export async function commitLatency(page, { radios, dbName, store, key, field, rounds = 60 }) {
  const all = await page.evaluate(
    async ({ radios, dbName, store, key, field, rounds }) => {
      const source = `
        let db;
        const read = (store, key) => new Promise((resolve) => {
          const req = db.transaction(store).objectStore(store).get(key);
          req.onsuccess = () => resolve(req.result);
        });
        onmessage = async ({ data }) => {
          if (data.open) {
            db = await new Promise((resolve) => { const req = indexedDB.open(data.open); req.onsuccess = () => resolve(req.result); });
            postMessage('ready');
            return;
          }
          const { store, key, field, want } = data;
          while (((await read(store, key)) ?? {})[field] !== want) {}
          postMessage(performance.timeOrigin + performance.now());
        };`;
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
      const next = () => new Promise((resolve) => (worker.onmessage = ({ data }) => resolve(data)));
      worker.postMessage({ open: dbName });
      await next();
      const inputs = [...document.querySelectorAll(radios)].slice(0, 3);
      const out = [];
      for (let i = 0; i < rounds; i++) {
        const radio = inputs[i % inputs.length];
        const seen = next();
        worker.postMessage({ store, key, field, want: radio.value });
        const t0 = performance.timeOrigin + performance.now();
        radio.click();
        out.push((await seen) - t0);
      }
      worker.terminate();
      return out;
    },
    { radios, dbName, store, key, field, rounds: rounds + WARM_UP },
  );
  return all.slice(WARM_UP);
}

/**
 * The floor under "input to committed" on this machine. At a person's pace (the page idle before each
 * click), a bare IndexedDB transaction (one get, one put, on a database of its own) is issued in the
 * same task as a click on one of `radios`; alternately, the same transaction with no click. The app's
 * own write for that click (the transaction of its first put after it) is timed from the same moment,
 * so the two can be set side by side: what they share is what the click costs the browser (the app
 * drawing the choice, the frame, and only then the handling of any IndexedDB result). Returns the three
 * series, in ms from the click to each transaction's completion.
 */
export async function idbFloor(page, { radios, rounds = 30 }) {
  return page.evaluate(
    async ({ radios, rounds }) => {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('bench-floor', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('s');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      // The app's write: the transaction of the first put on another database's store while `appWrite`
      // is armed (Dexie keeps its own reference to IDBDatabase.transaction, but calls put through the
      // prototype). An aborted one, made again by the app, leaves it armed for the next.
      const proto = IDBObjectStore.prototype;
      const put = proto.put;
      let appWrite = null;
      proto.put = function (...args) {
        const request = put.apply(this, args);
        if (appWrite && this.transaction.db !== db) {
          const done = appWrite;
          appWrite = null;
          this.transaction.addEventListener('complete', () => done(performance.now()));
          this.transaction.addEventListener('abort', () => (appWrite = done));
        }
        return request;
      };
      const bare = (i) =>
        new Promise((resolve) => {
          const tx = db.transaction('s', 'readwrite');
          tx.objectStore('s').get('k');
          tx.objectStore('s').put(i, 'k');
          tx.oncomplete = () => resolve(performance.now());
        });
      const inputs = [...document.querySelectorAll(radios)].slice(0, 3);
      const clicked = [];
      const app = [];
      const alone = [];
      try {
        for (let i = 0; i < 2 * rounds; i++) {
          await new Promise((r) => setTimeout(r, 100));
          await new Promise((r) => requestIdleCallback(r, { timeout: 1000 }));
          const t0 = performance.now();
          const done = bare(i);
          if (i % 2 === 1) {
            alone.push((await done) - t0);
            continue;
          }
          const written = new Promise((resolve, reject) => {
            appWrite = resolve;
            setTimeout(() => reject(new Error('no write within 5 s of a click')), 5000);
          });
          // A choice not already made, so the click is a change the app stores.
          inputs.find((input) => !input.checked).click();
          clicked.push((await done) - t0);
          app.push((await written) - t0);
        }
      } finally {
        proto.put = put;
        db.close();
      }
      return { clicked, app, alone };
    },
    { radios, rounds },
  );
}

/** Keystroke to the next painted frame in the focused text box, 80 times. */
export function typingLatency(page) {
  return page.evaluate(async () => {
    const box = document.activeElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
    const out = [];
    for (let i = 0; i < 80; i++) {
      const t0 = performance.now();
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
      setter.call(box, box.value + 'a');
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      out.push(performance.now() - t0);
    }
    return out;
  });
}
