import type { MouseEvent } from 'react';
import { useSyncExternalStore } from 'react';

/** A tiny router over the History API: `/`, `/o/:slug`, `/o/:slug/:module`. */

export const MODULES = [
  'home',
  'members',
  'collection',
  'accounts',
  'governance',
  'training',
  'lots',
  'offers',
] as const;
export type ModuleKey = (typeof MODULES)[number];

export type Route =
  | { name: 'root' }
  | { name: 'org'; slug: string; module: ModuleKey }
  | { name: 'notFound'; path: string };

function isModule(value: string): value is ModuleKey {
  return (MODULES as readonly string[]).includes(value);
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { name: 'root' };
  if (parts[0] === 'o' && parts[1] !== undefined && parts.length <= 3) {
    const slug = decode(parts[1]);
    const module = parts[2] ?? 'home';
    if (slug && module !== 'home' && isModule(module)) return { name: 'org', slug, module };
    if (slug && parts[2] === undefined) return { name: 'org', slug, module: 'home' };
  }
  return { name: 'notFound', path: pathname };
}

export function orgPath(slug: string, module: ModuleKey = 'home'): string {
  const base = `/o/${encodeURIComponent(slug)}`;
  return module === 'home' ? base : `${base}/${module}`;
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else {
    window.history.pushState(null, '', to);
    window.scrollTo(0, 0);
  }
  for (const listener of listeners) listener();
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function useRoute(): Route {
  return parseRoute(usePathname());
}

/**
 * Click handler for `<a href>` elements: plain left clicks navigate inside the app, while
 * ctrl/cmd/shift/middle clicks keep the browser's behaviour (new tab, new window).
 */
export function followLink(event: MouseEvent<HTMLElement>, afterNavigate?: () => void): void {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey ||
    event.currentTarget.getAttribute('target') === '_blank'
  ) {
    return;
  }
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? '/');
  afterNavigate?.();
}
