import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { TicketView as Ticket } from '../../collection/collection.contract.js';
import { api } from '../api/client.js';
import type { TicketInput } from './api.js';

/**
 * The desk's pending tickets: every ticket the cashier saves is written here first (localStorage,
 * which survives a reload and a browser restart) with its client id, and leaves only when the server
 * has answered for it. A ticket whose answer was lost is sent again with the same id and body, and
 * the server replays it instead of recording it twice (idempotency by id), so nothing is lost and
 * nothing is counted twice. Tickets the server refused stay, with its reason, until the cashier fixes
 * or discards them.
 */

/** The server's refusal of one ticket, in the language the cashier was using when it was sent. */
export interface QueuedProblem {
  status: number;
  code: string;
  message: string;
  fields: { path: string; message: string }[];
}

export interface QueuedTicket {
  input: TicketInput;
  memberName: string;
  netKg: string;
  /** When the cashier saved it (ISO 8601). */
  savedAt: string;
  /** The user who saved it: only their session sends it (the server records who recorded a ticket). */
  savedBy: string;
  savedByName: string;
  refused: QueuedProblem | null;
}

/** A pending ticket the server has now recorded: its official number, for the cashier to write down. */
export interface SentTicket {
  id: string;
  pointCode: string;
  number: number;
  memberNumber: string;
  memberName: string;
  netKg: string;
  sentAt: string;
}

/** A short reference for a ticket without a number yet, to write on a paper slip: "3F2A9C1B". */
export function provisionalRef(id: string): string {
  return id.replace(/-/g, '').slice(0, 8).toUpperCase();
}

export const BATCH_LIMIT = 500;
const SENT_KEPT = 10;
const RETRY_MS = 30_000;

const queueKey = (slug: string) => `ayni.collection.queue.${slug}`;
const sentKey = (slug: string) => `ayni.collection.sent.${slug}`;

// ---- storage, with one cached snapshot per key (useSyncExternalStore needs stable values) --------

const listeners = new Set<() => void>();
const cache = new Map<string, { raw: string | null; value: unknown[] }>();

function notify() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab of the same desk wrote to the queue.
  const onStorage = (event: StorageEvent) => {
    if (event.key?.startsWith('ayni.collection.')) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

function readList<T>(key: string): T[] {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(key);
  } catch {
    raw = null;
  }
  const hit = cache.get(key);
  if (hit && hit.raw === raw) return hit.value as T[];
  let value: T[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    value = Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    value = [];
  }
  cache.set(key, { raw, value });
  return value;
}

/** Writes the list; false when the device refuses (storage full or disabled). */
function writeList<T>(key: string, value: T[]): boolean {
  try {
    if (value.length === 0) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    return false;
  }
  notify();
  return true;
}

export function readQueue(slug: string): QueuedTicket[] {
  return readList<QueuedTicket>(queueKey(slug));
}

export function readSent(slug: string): SentTicket[] {
  return readList<SentTicket>(sentKey(slug));
}

/** Keeps a ticket on this device (replacing one with the same id); false if the device refused. */
export function enqueue(slug: string, entry: QueuedTicket): boolean {
  const others = readQueue(slug).filter((q) => q.input.id !== entry.input.id);
  const ok = writeList(queueKey(slug), [...others, entry]);
  // Read back: a write that did not stick must not be reported as kept.
  return ok && readQueue(slug).some((q) => q.input.id === entry.input.id);
}

export function removeFromQueue(slug: string, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const drop = new Set(ids);
  const queue = readQueue(slug);
  if (queue.some((q) => drop.has(q.input.id)))
    writeList(
      queueKey(slug),
      queue.filter((q) => !drop.has(q.input.id)),
    );
}

export function forgetSent(slug: string): void {
  writeList(sentKey(slug), []);
}

function recordSent(slug: string, tickets: SentTicket[]) {
  if (tickets.length === 0) return;
  const ids = new Set(tickets.map((t) => t.id));
  const kept = readSent(slug).filter((s) => !ids.has(s.id));
  writeList(sentKey(slug), [...tickets, ...kept].slice(0, SENT_KEPT));
}

export function useQueue(slug: string): QueuedTicket[] {
  return useSyncExternalStore(subscribe, () => readQueue(slug));
}

export function useSent(slug: string): SentTicket[] {
  return useSyncExternalStore(subscribe, () => readSent(slug));
}

// ---- network state ----------------------------------------------------------------------------------

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** What the browser believes; a server that does not answer is found out by trying. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

// ---- sending ----------------------------------------------------------------------------------------

export interface SyncState {
  sending: boolean;
  /** Why the last attempt reached no verdict (no connection, session ended…); null after a good one. */
  error: unknown;
}

const IDLE: SyncState = { sending: false, error: null };
const syncStates = new Map<string, SyncState>();
/** Ids the desk is sending itself right now: the background sender leaves them alone. */
const deskInFlight = new Set<string>();

function setSync(slug: string, state: SyncState) {
  syncStates.set(slug, state);
  notify();
}

export function useSyncState(slug: string): SyncState {
  return useSyncExternalStore(subscribe, () => syncStates.get(slug) ?? IDLE);
}

export function markDeskInFlight(id: string, inFlight: boolean): void {
  if (inFlight) deskInFlight.add(id);
  else deskInFlight.delete(id);
  notify();
}

/** The ticket the desk is saving right now (not shown as pending unless its answer is lost). */
export function isDeskInFlight(id: string): boolean {
  return deskInFlight.has(id);
}

interface BatchAnswer {
  results: { id: string; ok: boolean; ticket?: Ticket; problem?: unknown }[];
}

/** A per-ticket refusal as the batch endpoint writes it (problem+json, or the invalid body variant). */
export function toQueuedProblem(problem: unknown): QueuedProblem {
  const p = (problem ?? {}) as {
    status?: number;
    code?: string;
    title?: string;
    detail?: string;
    errors?: { path?: string; message?: string }[];
    issues?: { path?: string; message?: string }[];
  };
  const fields = (p.errors ?? p.issues ?? []).map((e) => ({
    path: String(e.path ?? '').replace(/^\//, ''),
    message: String(e.message ?? ''),
  }));
  return {
    status: p.status ?? 400,
    code: p.code ?? 'unknown',
    message: p.detail || p.title || '',
    fields,
  };
}

async function withLock(name: string, run: () => Promise<void>): Promise<void> {
  // Two tabs of the desk take turns; without the Web Locks API idempotency still keeps them apart.
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (locks) await locks.request(name, run);
  else await run();
}

/**
 * Sends this user's pending tickets through the batch endpoint, up to 500 a request. Recorded ones
 * leave the queue (their numbers go to the "sent" list); refused ones stay with the reason. `retry`
 * also sends again the ones refused before (after the office fixed a price or a member's status).
 */
export async function sendQueue(
  slug: string,
  userId: string,
  { retry = false }: { retry?: boolean } = {},
): Promise<number> {
  if (syncStates.get(slug)?.sending) return 0;
  setSync(slug, { sending: true, error: syncStates.get(slug)?.error ?? null });
  let recorded = 0;
  try {
    await withLock(`ayni-ticket-queue-${slug}`, async () => {
      const due = readQueue(slug).filter(
        (q) => q.savedBy === userId && (retry || !q.refused) && !deskInFlight.has(q.input.id),
      );
      for (let i = 0; i < due.length; i += BATCH_LIMIT) {
        const chunk = due.slice(i, i + BATCH_LIMIT);
        const answer = await api<BatchAnswer>(
          'POST',
          `/api/v1/orgs/${encodeURIComponent(slug)}/tickets/batch`,
          { tickets: chunk.map((q) => q.input) },
        );
        recorded += applyResults(slug, chunk, answer.results);
      }
    });
    setSync(slug, { sending: false, error: null });
  } catch (error) {
    setSync(slug, { sending: false, error });
  }
  return recorded;
}

function applyResults(slug: string, chunk: QueuedTicket[], results: BatchAnswer['results']): number {
  const byId = new Map(chunk.map((q) => [q.input.id, q]));
  const done: string[] = [];
  const sent: SentTicket[] = [];
  const refused = new Map<string, QueuedProblem>();
  for (const r of results) {
    const entry = byId.get(r.id);
    if (!entry) continue;
    if (r.ok && r.ticket) {
      done.push(r.id);
      sent.push({
        id: r.ticket.id,
        pointCode: r.ticket.pointCode,
        number: r.ticket.number,
        memberNumber: r.ticket.memberNumber,
        memberName: r.ticket.memberName,
        netKg: r.ticket.netKg,
        sentAt: new Date().toISOString(),
      });
    } else if (!r.ok) {
      refused.set(r.id, toQueuedProblem(r.problem));
    }
  }
  // The numbers are written before the tickets leave the queue: a crash in between shows a ticket
  // twice on this screen (and resending it only replays it), never loses its number.
  recordSent(slug, sent);
  const queue = readQueue(slug);
  writeList(
    queueKey(slug),
    queue
      .filter((q) => !done.includes(q.input.id))
      .map((q) => (refused.has(q.input.id) ? { ...q, refused: refused.get(q.input.id)! } : q)),
  );
  return done.length;
}

/**
 * Sends the queue by itself: when the desk opens, when the browser says it is back online, and every
 * 30 seconds while something is waiting (the browser may think it is online while the server is not
 * reachable). `onRecorded` runs after tickets were recorded (to refresh lists).
 */
export function useAutoSend(slug: string, userId: string | null, onRecorded: () => void): void {
  const queue = useQueue(slug);
  const due = userId !== null && queue.some((q) => q.savedBy === userId && !q.refused);
  const onRecordedRef = useRef(onRecorded);
  onRecordedRef.current = onRecorded;

  useEffect(() => {
    if (!due || userId === null) return;
    const run = () => {
      if (!navigator.onLine) return;
      void sendQueue(slug, userId).then((n) => {
        if (n > 0) onRecordedRef.current();
      });
    };
    run();
    window.addEventListener('online', run);
    const timer = window.setInterval(run, RETRY_MS);
    return () => {
      window.removeEventListener('online', run);
      window.clearInterval(timer);
    };
  }, [due, slug, userId]);
}
