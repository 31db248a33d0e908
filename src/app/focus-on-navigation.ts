import { useEffect, useRef } from 'react';

/**
 * After moving to another screen, put keyboard focus on the new screen's heading, so keyboard and
 * screen-reader users start at the top of what they asked for instead of on the page's body.
 * Screens load lazily, so the heading is awaited frame by frame (for a few seconds at most). Focus is
 * left alone if the user has already moved it somewhere in the meantime; the first screen is left as
 * the browser shows it.
 */
export function useFocusOnNavigation(screenKey: string): void {
  // The screen shown last time; an effect run for the same screen (the first one, or React's
  // development double run) moves nothing.
  const shown = useRef(screenKey);
  useEffect(() => {
    if (shown.current === screenKey) return;
    shown.current = screenKey;
    let frame = 0;
    const started = performance.now();
    const idle = () => !document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected;
    const look = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading && idle()) {
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
        heading.focus();
        return;
      }
      if (!heading && idle() && performance.now() - started < 5000) frame = requestAnimationFrame(look);
    };
    frame = requestAnimationFrame(look);
    return () => cancelAnimationFrame(frame);
  }, [screenKey]);
}
