import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/dom';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Tests wait for what a person would see; on a busy shared machine a screen of fifty rows can take
// longer than Testing Library's default second to appear. A wait ends as soon as the state is there.
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});
