import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Tests wait for the state a person sees (findBy…, waitFor), which returns as soon as it is there. The
// limit only ends a test that is truly stuck: a busy machine (CI, five engineers on two cores) may take
// seconds to render a long list, and that is no failure. The test timeout in vite.config.ts is above it.
configure({ asyncUtilTimeout: 30_000 });

afterEach(() => {
  cleanup();
  // Server tests run in Node's environment, which has no localStorage.
  if (typeof localStorage !== 'undefined') localStorage.clear();
});
