import { useSyncExternalStore } from 'react';
import type { MeView as Me } from '../../orgs/orgs.contract.js';
import { isApiProblem } from '../api/client.js';

/**
 * What the app needs to open without a connection, kept on this device at the last good answer: who
 * is signed in (name, email, organizations and roles — never the CSRF token), the organizations they
 * opened and, for the desk, the collection points. Only a network failure falls back to it; a 401
 * still signs out, and signing out (or another user signing in) forgets all of it. Tickets waiting to
 * be sent live elsewhere (collection/queue.ts) and survive a sign-out on purpose.
 */

const PREFIX = 'ayni.offline.';
const ME_KEY = `${PREFIX}me`;

function read<T>(key: string): T | undefined {
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: this device simply cannot open offline.
  }
}

/** Forget everything saved for offline use (sign-out, session ended). */
export function forgetSaved(): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) window.localStorage.removeItem(key);
  } catch {
    // Storage disabled: nothing was saved.
  }
}

/** Keep the signed-in user for the next offline start; another user's saved data is dropped first. */
export function saveMe(me: Me): void {
  const previous = read<Me>(ME_KEY);
  if (previous && previous.id !== me.id) forgetSaved();
  const { csrfToken: _csrf, ...kept } = me;
  write(ME_KEY, kept);
}

/** The user as last seen online, or null. */
export function savedMe(): Me | null {
  const me = read<Omit<Me, 'csrfToken'>>(ME_KEY);
  return me && typeof me.id === 'string' ? { ...me, csrfToken: '' } : null;
}

/** A copy saved for offline use (only while a signed-in user is saved too). */
export function savedCopy<T>(name: string): T | undefined {
  return read<Me>(ME_KEY) ? read<T>(`${PREFIX}${name}`) : undefined;
}

export function saveCopy(name: string, value: unknown): void {
  if (read<Me>(ME_KEY)) write(`${PREFIX}${name}`, value);
}

// ---- "working with saved data": shown as a notice while any screen runs on a saved copy ----------

let usingSaved = false;
const listeners = new Set<() => void>();

export function setUsingSaved(value: boolean): void {
  if (usingSaved === value) return;
  usingSaved = value;
  for (const listener of listeners) listener();
}

export function isUsingSaved(): boolean {
  return usingSaved;
}

export function useUsingSaved(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => usingSaved,
  );
}

/** A failure that says nothing about the data: no connection, or a proxy saying the server is down. */
export function isUnreachable(error: unknown): boolean {
  return isApiProblem(error) && error.isNetworkError;
}

/**
 * Loads from the network and saves what arrived (`keep` trims it first); when the server cannot be
 * reached, answers with the saved copy (or `fallback`) instead and says the app is on saved data.
 */
export async function withSavedCopy<T>(
  name: string,
  load: () => Promise<T>,
  { keep, fallback }: { keep?: (data: T) => unknown; fallback?: () => T | undefined } = {},
): Promise<T> {
  try {
    const data = await load();
    saveCopy(name, keep ? keep(data) : data);
    return data;
  } catch (error) {
    if (!isUnreachable(error)) throw error;
    const saved = savedCopy<T>(name) ?? fallback?.();
    if (saved === undefined) throw error;
    setUsingSaved(true);
    return saved;
  }
}
