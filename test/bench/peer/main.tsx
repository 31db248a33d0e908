/**
 * The SurveyJS peer of the benchmark: the same national questionnaire as the app, built the way a
 * SurveyJS user would build it, and laid out like the app so the figures compare like with like — a
 * small home screen first, the questionnaire loaded on demand (and fetched when the browser is idle,
 * as src/app/prefetch.ts does for the app's walkthrough). Not part of the app: it is only built by
 * test/bench/05-peer-surveyjs.mjs.
 */
import { lazy, StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { recordKeys } from './storage';

const loadSurveyScreen = () => import('./survey-screen');
const SurveyScreen = lazy(loadSurveyScreen);

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

function Home() {
  const [keys, setKeys] = useState<string[] | null>(null);
  const [fresh] = useState(() => crypto.randomUUID());
  useEffect(() => {
    let live = true;
    void recordKeys().then((k) => live && setKeys(k));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    const handle = requestIdleCallback(() => void loadSurveyScreen().catch(() => undefined));
    return () => cancelIdleCallback(handle);
  }, []);
  return (
    <main>
      <h1 id="home-title">Questionnaires on this device</h1>
      <p>
        <a href={`#/s/${fresh}`}>New questionnaire</a>
      </p>
      {keys === null ? null : (
        <ul className="list">
          {keys.map((key) => (
            <li key={key}>
              <a href={`#/s/${encodeURIComponent(key)}`}>{key}</a>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function App() {
  const hash = useHash();
  const id = /^#\/s\/([^/]+)/.exec(hash)?.[1];
  if (!id) return <Home />;
  return (
    <Suspense fallback={<p>Loading…</p>}>
      <SurveyScreen key={id} id={decodeURIComponent(id)} />
    </Suspense>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
