import type { MouseEvent } from 'react';
import { useSyncExternalStore } from 'react';

/**
 * A tiny router over the History API: `/`, `/o/:slug`, `/o/:slug/:module`, the social base's own pages
 * under `/o/:slug/members/…`, and a member's own record at `/o/:slug/me`.
 */

export const MODULES = [
  'home',
  'members',
  'collection',
  'accounts',
  'governance',
  'training',
  'lots',
  'traceability',
  'offers',
] as const;
export type ModuleKey = (typeof MODULES)[number];

/** The pages of the social base (`/o/:slug/members/…`). */
export type MembersView =
  | { view: 'list' }
  | { view: 'new' }
  | { view: 'import' }
  | { view: 'dashboard' }
  | { view: 'map' }
  | { view: 'detail'; memberNumber: string }
  | { view: 'edit'; memberNumber: string };

const MEMBERS_PAGES = ['new', 'import', 'dashboard', 'map'] as const;

/** The pages of collection (`/o/:slug/collection/…`). */
export type CollectionView =
  | { view: 'desk' }
  | { view: 'tickets' }
  | { view: 'setup' }
  | { view: 'ticket'; ticketId: string };

/** The pages of accounts (`/o/:slug/accounts/…`). */
export type AccountsView =
  | { view: 'trialBalance' }
  | { view: 'statement'; memberNumber: string }
  | { view: 'settlements' }
  | { view: 'settlement'; settlementId: string }
  | { view: 'batch'; batchId: string };

/** The pages of governance (`/o/:slug/governance/…`). */
export type GovernanceView =
  | { view: 'home' }
  | { view: 'convene' }
  | { view: 'statute' }
  | { view: 'organs' }
  | { view: 'scorecard' }
  | { view: 'reports' }
  | { view: 'assembly'; assemblyId: string }
  | { view: 'minutes'; assemblyId: string }
  | { view: 'vote'; assemblyId: string }
  | { view: 'wall'; assemblyId: string };

/** The pages of lots (`/o/:slug/lots/…`): the warehouse door, a lot, milling orders, counts. */
export type LotsView =
  | { view: 'home' }
  | { view: 'counts' }
  | { view: 'milling' }
  | { view: 'lot'; code: string; owner?: string }
  | { view: 'order'; code: string };
/** The pages of traceability (`/o/:slug/traceability/…`). */
export type TraceabilityView =
  | { view: 'home' }
  | { view: 'lot'; code: string }
  | { view: 'eudr'; code: string }
  | { view: 'member'; memberNumber: string };

export type Route =
  | { name: 'root' }
  | {
      name: 'org';
      slug: string;
      module: ModuleKey;
      members?: MembersView;
      collection?: CollectionView;
      accounts?: AccountsView;
      governance?: GovernanceView;
      lots?: LotsView;
      traceability?: TraceabilityView;
    }
  | { name: 'me'; slug: string }
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

function parseMembers(rest: string[]): MembersView | null {
  const [first, second, ...more] = rest;
  if (more.length > 0) return null;
  if (first === undefined) return { view: 'list' };
  const page = (MEMBERS_PAGES as readonly string[]).find((p) => p === first);
  if (page && second === undefined) return { view: page as (typeof MEMBERS_PAGES)[number] };
  const memberNumber = decode(first);
  if (!memberNumber) return null;
  if (second === undefined) return { view: 'detail', memberNumber };
  if (second === 'edit') return { view: 'edit', memberNumber };
  return null;
}

function parseCollection(rest: string[]): CollectionView | null {
  const [first, second, ...more] = rest;
  if (more.length > 0) return null;
  if (first === undefined) return { view: 'desk' };
  if (first === 'setup' && second === undefined) return { view: 'setup' };
  if (first !== 'tickets') return null;
  if (second === undefined) return { view: 'tickets' };
  const ticketId = decode(second);
  return ticketId ? { view: 'ticket', ticketId } : null;
}

function parseAccounts(rest: string[]): AccountsView | null {
  const [first, second, ...more] = rest;
  if (more.length > 0) return null;
  if (first === undefined) return { view: 'trialBalance' };
  if (first === 'settlements' && second === undefined) return { view: 'settlements' };
  if (second === undefined) return null;
  const id = decode(second);
  if (!id) return null;
  if (first === 'members') return { view: 'statement', memberNumber: id };
  if (first === 'settlements') return { view: 'settlement', settlementId: id };
  if (first === 'payment-batches') return { view: 'batch', batchId: id };
  return null;
}

const GOVERNANCE_PAGES = ['convene', 'statute', 'organs', 'scorecard', 'reports'] as const;

function parseGovernance(rest: string[]): GovernanceView | null {
  const [first, second, third, ...more] = rest;
  if (more.length > 0) return null;
  if (first === undefined) return { view: 'home' };
  const page = (GOVERNANCE_PAGES as readonly string[]).find((p) => p === first);
  if (page && second === undefined) return { view: page as (typeof GOVERNANCE_PAGES)[number] };
  if (first !== 'assemblies' || second === undefined) return null;
  const assemblyId = decode(second);
  if (!assemblyId) return null;
  if (third === undefined) return { view: 'assembly', assemblyId };
  if (third === 'vote' || third === 'wall' || third === 'minutes') return { view: third, assemblyId };
  return null;
}

function parseLots(rest: string[]): LotsView | null {
  const [first, second, third, ...more] = rest;
  if (more.length > 0) return null;
  if (first === undefined) return { view: 'home' };
  if ((first === 'counts' || first === 'milling') && second === undefined) return { view: first };
  const code = second === undefined ? null : decode(second);
  if (!code) return null;
  if (first === 'milling' && third === undefined) return { view: 'order', code };
  if (first === 'lot' && third === undefined) return { view: 'lot', code };
  if (first === 'lot' && third !== undefined) {
    const owner = decode(third);
    return owner ? { view: 'lot', code, owner } : null;
  }
  return null;
}

function parseTraceability(rest: string[]): TraceabilityView | null {
  const [first, second, third, ...more] = rest;
  if (more.length > 0) return null;
  if (first === undefined) return { view: 'home' };
  const id = second === undefined ? null : decode(second);
  if (!id) return null;
  if (first === 'lots' && third === undefined) return { view: 'lot', code: id };
  if (first === 'lots' && third === 'eudr') return { view: 'eudr', code: id };
  if (first === 'members' && third === undefined) return { view: 'member', memberNumber: id };
  return null;
}

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { name: 'root' };
  if (parts[0] === 'o' && parts[1] !== undefined) {
    const slug = decode(parts[1]);
    if (!slug) return { name: 'notFound', path: pathname };
    const module = parts[2];
    if (module === undefined) return { name: 'org', slug, module: 'home' };
    if (module === 'me' && parts.length === 3) return { name: 'me', slug };
    if (module === 'members') {
      const members = parseMembers(parts.slice(3));
      if (members) return { name: 'org', slug, module: 'members', members };
    } else if (module === 'collection') {
      const collection = parseCollection(parts.slice(3));
      if (collection) return { name: 'org', slug, module: 'collection', collection };
    } else if (module === 'accounts') {
      const accounts = parseAccounts(parts.slice(3));
      if (accounts) return { name: 'org', slug, module: 'accounts', accounts };
    } else if (module === 'governance') {
      const governance = parseGovernance(parts.slice(3));
      if (governance) return { name: 'org', slug, module: 'governance', governance };
    } else if (module === 'lots') {
      const lots = parseLots(parts.slice(3));
      if (lots) return { name: 'org', slug, module: 'lots', lots };
    } else if (module === 'traceability') {
      const traceability = parseTraceability(parts.slice(3));
      if (traceability) return { name: 'org', slug, module: 'traceability', traceability };
    } else if (module !== 'home' && isModule(module) && parts.length === 3) {
      return { name: 'org', slug, module };
    }
  }
  return { name: 'notFound', path: pathname };
}

export function orgPath(slug: string, module: ModuleKey = 'home'): string {
  const base = `/o/${encodeURIComponent(slug)}`;
  return module === 'home' ? base : `${base}/${module}`;
}

export function membersPath(slug: string, members: MembersView = { view: 'list' }): string {
  const base = orgPath(slug, 'members');
  switch (members.view) {
    case 'list':
      return base;
    case 'detail':
      return `${base}/${encodeURIComponent(members.memberNumber)}`;
    case 'edit':
      return `${base}/${encodeURIComponent(members.memberNumber)}/edit`;
    default:
      return `${base}/${members.view}`;
  }
}

export function collectionPath(slug: string, view: CollectionView = { view: 'desk' }): string {
  const base = orgPath(slug, 'collection');
  switch (view.view) {
    case 'desk':
      return base;
    case 'tickets':
      return `${base}/tickets`;
    case 'setup':
      return `${base}/setup`;
    case 'ticket':
      return `${base}/tickets/${encodeURIComponent(view.ticketId)}`;
  }
}

export function accountsPath(slug: string, view: AccountsView = { view: 'trialBalance' }): string {
  const base = orgPath(slug, 'accounts');
  switch (view.view) {
    case 'trialBalance':
      return base;
    case 'statement':
      return `${base}/members/${encodeURIComponent(view.memberNumber)}`;
    case 'settlements':
      return `${base}/settlements`;
    case 'settlement':
      return `${base}/settlements/${encodeURIComponent(view.settlementId)}`;
    case 'batch':
      return `${base}/payment-batches/${encodeURIComponent(view.batchId)}`;
  }
}

export function governancePath(slug: string, view: GovernanceView = { view: 'home' }): string {
  const base = orgPath(slug, 'governance');
  switch (view.view) {
    case 'home':
      return base;
    case 'convene':
    case 'statute':
    case 'organs':
    case 'scorecard':
    case 'reports':
      return `${base}/${view.view}`;
    case 'assembly':
      return `${base}/assemblies/${encodeURIComponent(view.assemblyId)}`;
    case 'vote':
    case 'wall':
    case 'minutes':
      return `${base}/assemblies/${encodeURIComponent(view.assemblyId)}/${view.view}`;
  }
}

export function traceabilityPath(slug: string, view: TraceabilityView = { view: 'home' }): string {
  const base = orgPath(slug, 'traceability');
  switch (view.view) {
    case 'home':
      return base;
    case 'lot':
      return `${base}/lots/${encodeURIComponent(view.code)}`;
    case 'eudr':
      return `${base}/lots/${encodeURIComponent(view.code)}/eudr`;
    case 'member':
      return `${base}/members/${encodeURIComponent(view.memberNumber)}`;
  }
}

/** A member's own record. */
export function myRecordPath(slug: string): string {
  return `${orgPath(slug)}/me`;
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

/** The query string of the current address (`?q=…`), without the `?`. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search.replace(/^\?/, ''));
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

export function lotsPath(slug: string, view: LotsView = { view: 'home' }): string {
  const base = orgPath(slug, 'lots');
  switch (view.view) {
    case 'home':
      return base;
    case 'counts':
    case 'milling':
      return `${base}/${view.view}`;
    case 'order':
      return `${base}/milling/${encodeURIComponent(view.code)}`;
    case 'lot':
      return `${base}/lot/${encodeURIComponent(view.code)}${view.owner ? `/${encodeURIComponent(view.owner)}` : ''}`;
  }
}
