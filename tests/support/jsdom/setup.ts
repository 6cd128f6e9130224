// Set-up of every component test: what antd needs from a browser that jsdom lacks, the fake
// backend in place of the preload's bridge, and a clean page and backend between tests.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { fakeBackend } from './fakeBackend';

// antd's responsive grid asks matchMedia; a desk-sized window matches no narrow query.
window.matchMedia = (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }) satisfies MediaQueryList;

// antd measures text areas and overflowing rows with ResizeObserver; jsdom lays nothing out.
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// Set before any renderer module loads: the api client picks its transport once, at import.
window.api = fakeBackend.bridge;

afterEach(() => {
  cleanup();
  fakeBackend.reset();
});
