import { createElement, lazy, useState, type ComponentType } from 'react';

/**
 * A lazily loaded screen that can be fetched ahead of time. `React.lazy` alone suspends on its first
 * render even when the module has already arrived, and React then holds the reveal back for a few
 * hundred milliseconds; a screen preloaded here renders at once. Whether to render the loaded module
 * directly is decided once per mount, so a mounted screen never changes type (which would reset it).
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fresh = () => lazy(async () => ({ default: await preload() }));
  const preload = () => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null; // a failed fetch (e.g. offline before the first visit) may be tried again
        throw error;
      },
    );
    return pending;
  };
  let Lazy = fresh();
  /**
   * After a failed fetch, has the next mount fetch again: React.lazy keeps its failure for good. Called
   * by the caller when it has a reason to (the network is back), never on its own: React renders a
   * failed component again at once, and a new fetch at each render would never end.
   */
  const retry = () => {
    if (!loaded) Lazy = fresh();
  };
  function Screen(props: P) {
    const [direct] = useState(() => loaded);
    return direct ? createElement(direct, props) : createElement(Lazy, props);
  }
  return Object.assign(Screen, { preload, retry });
}
