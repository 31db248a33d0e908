/** A tiny hash router: the app is served as static files and works from any path, offline. */
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'new' }
  | { name: 'setup'; id: string }
  | { name: 'walk'; id: string; indicator?: string }
  | { name: 'present'; id: string; indicator?: string }
  | { name: 'results'; id: string }
  | { name: 'review'; id: string }
  | { name: 'exchange'; id: string }
  | { name: 'sync'; id: string }
  | { name: 'syncOpen' }
  | { name: 'who' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, id, view, indicator] = parts;
  if (first === 'new') return { name: 'new' };
  if (first === 'who') return { name: 'who' };
  if (first === 'sync') return { name: 'syncOpen' };
  if (first === 'a' && id) {
    if (view === 'setup') return { name: 'setup', id };
    if (view === 'results') return { name: 'results', id };
    if (view === 'review') return { name: 'review', id };
    if (view === 'exchange') return { name: 'exchange', id };
    if (view === 'sync') return { name: 'sync', id };
    if (view === 'present') return { name: 'present', id, ...(indicator ? { indicator } : {}) };
    return { name: 'walk', id, ...(view === 'i' && indicator ? { indicator } : {}) };
  }
  return { name: 'home' };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'new':
      return '#/new';
    case 'setup':
      return `#/a/${encodeURIComponent(route.id)}/setup`;
    case 'walk':
      return `#/a/${encodeURIComponent(route.id)}${route.indicator ? `/i/${encodeURIComponent(route.indicator)}` : ''}`;
    case 'present':
      return `#/a/${encodeURIComponent(route.id)}/present${route.indicator ? `/${encodeURIComponent(route.indicator)}` : ''}`;
    case 'results':
      return `#/a/${encodeURIComponent(route.id)}/results`;
    case 'review':
      return `#/a/${encodeURIComponent(route.id)}/review`;
    case 'exchange':
      return `#/a/${encodeURIComponent(route.id)}/exchange`;
    case 'sync':
      return `#/a/${encodeURIComponent(route.id)}/sync`;
    case 'who':
      return '#/who';
    case 'syncOpen':
      return '#/sync';
  }
}

export function navigate(route: Route, replace = false): void {
  if (replace) history.replaceState(null, '', href(route));
  else location.hash = href(route);
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
