import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as queue from './queue.js';
import {
  enqueue,
  forgetSent,
  isDeskInFlight,
  markDeskInFlight,
  provisionalRef,
  type QueuedTicket,
  readQueue,
  readSent,
} from './queue.js';

/**
 * The desk's offline queue (queue.ts): what a cashier saved must reach the server exactly once,
 * whatever the connection does. The browser is replaced by the little it uses (localStorage, the
 * network flag, the Web Locks API) and the server by a fake batch endpoint that keeps the real
 * server's promise: a ticket is recorded once per id, and the same id with the same body replays the
 * first answer.
 */

type TicketInput = QueuedTicket['input'];
interface RecordedTicket {
  id: string;
  pointCode: string;
  number: number;
  memberNumber: string;
  memberName: string;
  netKg: string;
}
type BatchResult = { id: string; ok: boolean; ticket?: RecordedTicket; problem?: unknown };

/** The fake `POST /tickets/batch`, shared by every module instance (a second tab is a second instance). */
const server = vi.hoisted(() => ({
  handle: (_method: string, _path: string, _body: unknown): Promise<unknown> => {
    throw new Error('no server in this test');
  },
}));
vi.mock('../api/client.js', () => ({
  api: (method: string, path: string, body: unknown) => server.handle(method, path, body),
}));

// ---- the browser ---------------------------------------------------------------------------------

/** localStorage as the desk's browser keeps it; `refuse` makes writes fail as a full device does. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  refuse: ((key: string) => 'throw' | 'drop' | null) | null = null;
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const refusal = this.refuse?.(key);
    if (refusal === 'throw') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    if (refusal === 'drop') return;
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

/** The Web Locks API's one promise: callbacks holding the same name run one after the other. */
function fakeLocks() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request(name: string, callback: () => Promise<void>) {
      const run = (tails.get(name) ?? Promise.resolve()).then(callback);
      tails.set(
        name,
        run.catch(() => {}),
      );
      return run;
    },
  };
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('window', { localStorage: storage, addEventListener() {}, removeEventListener() {} });
  vi.stubGlobal('navigator', { onLine: true });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

// ---- the server ----------------------------------------------------------------------------------

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * A batch endpoint with the server's idempotency: per id, the first body is recorded with the point's
 * next number; the same body again replays it; another body is a conflict. `refuse` decides per ticket
 * (a member who may not deliver, a missing price); `loseAnswers` records and then drops the answer, as a
 * connection that fails on the way back does; `gate` holds the answer until released.
 */
function fakeServer(slug: string) {
  const state = {
    requests: [] as TicketInput[][],
    recorded: new Map<string, { body: string; ticket: RecordedTicket }>(),
    lastNumber: 0,
    refuse: (_input: TicketInput): unknown => null,
    loseAnswers: 0,
    failRequests: new Set<number>(),
    gate: null as Promise<void> | null,
    beforeAnswer: null as (() => void) | null,
  };
  server.handle = async (method, path, body) => {
    expect(method).toBe('POST');
    expect(path).toBe(`/api/v1/orgs/${slug}/tickets/batch`);
    const tickets = (body as { tickets: TicketInput[] }).tickets;
    state.requests.push(structuredClone(tickets));
    if (state.failRequests.has(state.requests.length)) throw new Error('Failed to fetch');
    const results: BatchResult[] = tickets.map((input) => {
      const problem = state.refuse(input);
      if (problem) return { id: input.id, ok: false, problem };
      const text = JSON.stringify(input);
      const first = state.recorded.get(input.id);
      if (first)
        return first.body === text
          ? { id: input.id, ok: true, ticket: first.ticket }
          : { id: input.id, ok: false, problem: { status: 409, code: 'idempotency.conflict' } };
      const ticket = {
        id: input.id,
        pointCode: input.pointCode,
        number: ++state.lastNumber,
        memberNumber: input.memberNumber,
        memberName: `Socio ${input.memberNumber}`,
        netKg: '90.500',
      };
      state.recorded.set(input.id, { body: text, ticket });
      return { id: input.id, ok: true, ticket };
    });
    if (state.gate) await state.gate;
    state.beforeAnswer?.();
    if (state.loseAnswers > 0) {
      state.loseAnswers--;
      throw new Error('Failed to fetch');
    }
    return { results };
  };
  return state;
}

// ---- tickets -------------------------------------------------------------------------------------

const CASHIER = '01900000-0000-7000-8000-00000000c001';
const OTHER_CASHIER = '01900000-0000-7000-8000-00000000c002';

function ticket(n: number, overrides: Partial<QueuedTicket> = {}): QueuedTicket {
  const memberNumber = String(n % 1000).padStart(4, '0');
  return {
    input: {
      id: `01900000-0000-7000-8000-${(0x1000_0000 + n).toString(16).padStart(12, '0')}`,
      pointCode: 'CEN',
      memberNumber,
      deliveredAt: '2026-03-03T14:00:00.000Z',
      sacks: 2,
      grossKg: '92.000',
      tareKg: '1.500',
      coffeeState: 'dry_parchment',
      certificationClass: 'conventional',
    },
    memberName: `Socio ${memberNumber}`,
    netKg: '90.500',
    savedAt: '2026-03-03T14:00:05.000Z',
    savedBy: CASHIER,
    savedByName: 'Cajera (test)',
    refused: null,
    ...overrides,
  };
}

let slugs = 0;
/** A desk of its own per test: the queue module keeps per-desk state between tests. */
const newDesk = () => `desk-${++slugs}`;
const ids = (list: { input: { id: string } }[]) => list.map((q) => q.input.id);

// ---- the tests -----------------------------------------------------------------------------------

describe('the queue on this device', () => {
  it('keeps tickets in the order they were saved; saving one again replaces it, once, at the end', () => {
    const desk = newDesk();
    const [a, b, c] = [ticket(1), ticket(2), ticket(3)];
    for (const t of [a, b, c]) expect(enqueue(desk, t)).toBe(true);
    expect(ids(readQueue(desk))).toEqual(ids([a, b, c]));

    const corrected = ticket(1, { netKg: '80.000' });
    expect(enqueue(desk, corrected)).toBe(true);
    expect(ids(readQueue(desk))).toEqual(ids([b, c, a]));
    expect(readQueue(desk).at(-1)?.netKg).toBe('80.000');
    // It survives a reload: what is kept is what the browser stored.
    expect(JSON.parse(storage.getItem(`ayni.collection.queue.${desk}`)!)).toHaveLength(3);
  });

  it('says a ticket was not kept when the device refuses the write, and loses none of the others', () => {
    const desk = newDesk();
    expect(enqueue(desk, ticket(1))).toBe(true);
    storage.refuse = () => 'throw';
    expect(enqueue(desk, ticket(2))).toBe(false);
    storage.refuse = null;
    expect(ids(readQueue(desk))).toEqual(ids([ticket(1)]));
  });

  it('says a ticket was not kept when the write did not stick, even without an error', () => {
    const desk = newDesk();
    storage.refuse = () => 'drop';
    expect(enqueue(desk, ticket(1))).toBe(false);
    expect(readQueue(desk)).toEqual([]);
  });

  it('reads a damaged or foreign value as an empty queue instead of failing the desk', () => {
    const desk = newDesk();
    storage.setItem(`ayni.collection.queue.${desk}`, '{not json');
    expect(readQueue(desk)).toEqual([]);
    storage.setItem(`ayni.collection.queue.${desk}`, '{"a":1}');
    expect(readQueue(desk)).toEqual([]);
    expect(enqueue(desk, ticket(1))).toBe(true);
    expect(readQueue(desk)).toHaveLength(1);
  });

  it('returns the same list while nothing changed (React re-renders only on a change)', () => {
    const desk = newDesk();
    enqueue(desk, ticket(1));
    const first = readQueue(desk);
    expect(readQueue(desk)).toBe(first);
    enqueue(desk, ticket(2));
    expect(readQueue(desk)).not.toBe(first);
  });

  it('removes only the named tickets, and each desk has its own queue', () => {
    const desk = newDesk();
    const other = newDesk();
    for (const n of [1, 2, 3]) enqueue(desk, ticket(n));
    enqueue(other, ticket(2));
    queue.removeFromQueue(desk, [ticket(2).input.id, 'not-queued']);
    expect(ids(readQueue(desk))).toEqual(ids([ticket(1), ticket(3)]));
    expect(ids(readQueue(other))).toEqual(ids([ticket(2)]));
    queue.removeFromQueue(desk, [ticket(1).input.id, ticket(3).input.id]);
    expect(readQueue(desk)).toEqual([]);
    expect(storage.getItem(`ayni.collection.queue.${desk}`)).toBeNull();
  });

  it('gives a short reference to write on a paper slip', () => {
    expect(provisionalRef('3f2a9c1b-0000-7000-8000-000000000001')).toBe('3F2A9C1B');
  });
});

describe('sending the queue', () => {
  it('sends this user’s pending tickets in the order saved; recorded ones leave and their numbers are listed', async () => {
    const desk = newDesk();
    const srv = fakeServer(desk);
    const mine = [ticket(1), ticket(2), ticket(3)];
    const theirs = ticket(4, { savedBy: OTHER_CASHIER });
    enqueue(desk, mine[0]!);
    enqueue(desk, theirs);
    enqueue(desk, mine[1]!);
    enqueue(desk, mine[2]!);

    expect(await queue.sendQueue(desk, CASHIER)).toBe(3);

    expect(srv.requests).toEqual([mine.map((q) => q.input)]);
    // Another cashier's ticket waits for their session: the server records who recorded a ticket.
    expect(ids(readQueue(desk))).toEqual(ids([theirs]));
    expect(readSent(desk).map((s) => [s.id, s.number])).toEqual([
      [mine[0]!.input.id, 1],
      [mine[1]!.input.id, 2],
      [mine[2]!.input.id, 3],
    ]);
    expect(readSent(desk)[0]).toMatchObject({ pointCode: 'CEN', memberNumber: '0001', netKg: '90.500' });
    forgetSent(desk);
    expect(readSent(desk)).toEqual([]);
  });

  it('a refused ticket stays with the server’s reason and is not sent again until the cashier retries', async () => {
    const desk = newDesk();
    const srv = fakeServer(desk);
    let priceMissing = true;
    srv.refuse = (input) =>
      input.memberNumber === '0002' && priceMissing
        ? {
            status: 422,
            code: 'collection.no_price',
            title: 'No price',
            detail: 'No price schedule covers this delivery.',
            errors: [{ path: '/deliveredAt', message: 'no price on this date' }],
          }
        : null;
    for (const n of [1, 2, 3]) enqueue(desk, ticket(n));

    expect(await queue.sendQueue(desk, CASHIER)).toBe(2);
    expect(readQueue(desk)).toEqual([
      {
        ...ticket(2),
        refused: {
          status: 422,
          code: 'collection.no_price',
          message: 'No price schedule covers this delivery.',
          fields: [{ path: 'deliveredAt', message: 'no price on this date' }],
        },
      },
    ]);

    // The background sender leaves it alone: sending it again would only be refused again.
    expect(await queue.sendQueue(desk, CASHIER)).toBe(0);
    expect(srv.requests).toHaveLength(1);

    // The office adds the price; the cashier retries, and it is recorded.
    priceMissing = false;
    expect(await queue.sendQueue(desk, CASHIER, { retry: true })).toBe(1);
    expect(srv.requests[1]).toEqual([ticket(2).input]);
    expect(readQueue(desk)).toEqual([]);
    expect(readSent(desk).map((s) => s.number)).toEqual([3, 1, 2]);
  });

  it('a refused ticket the cashier corrects goes with the next send, without a retry', async () => {
    const desk = newDesk();
    const srv = fakeServer(desk);
    srv.refuse = (input) => (input.tareKg === '95.000' ? { status: 400, code: 'invalid', issues: [] } : null);
    enqueue(desk, ticket(1, { input: { ...ticket(1).input, tareKg: '95.000' } }));
    expect(await queue.sendQueue(desk, CASHIER)).toBe(0);
    expect(readQueue(desk)[0]?.refused?.code).toBe('invalid');

    enqueue(desk, ticket(1));
    expect(await queue.sendQueue(desk, CASHIER)).toBe(1);
    expect(readQueue(desk)).toEqual([]);
  });

  it('an answer lost on the way back: the ticket stays, is sent again with the same id and body, and is recorded once', async () => {
    const desk = newDesk();
    const srv = fakeServer(desk);
    srv.loseAnswers = 1;
    enqueue(desk, ticket(1));

    expect(await queue.sendQueue(desk, CASHIER)).toBe(0);
    expect(srv.recorded.size).toBe(1); // the server did record it…
    expect(readQueue(desk)).toEqual([ticket(1)]); // …but the desk never heard: it keeps it, not refused
    expect(readSent(desk)).toEqual([]);

    expect(await queue.sendQueue(desk, CASHIER)).toBe(1);
    expect(srv.requests).toHaveLength(2);
    expect(srv.requests[1]).toEqual(srv.requests[0]);
    expect(srv.recorded.size).toBe(1);
    expect(readQueue(desk)).toEqual([]);
    expect(readSent(desk).map((s) => [s.id, s.number])).toEqual([[ticket(1).input.id, 1]]);
  });

  it('a ticket saved while a send is on the way is still there when the answer comes back', async () => {
    const desk = newDesk();
    const srv = fakeServer(desk);
    enqueue(desk, ticket(1));
    srv.beforeAnswer = () => {
      srv.beforeAnswer = null;
      enqueue(desk, ticket(2));
    };
    expect(await queue.sendQueue(desk, CASHIER)).toBe(1);
    expect(ids(readQueue(desk))).toEqual(ids([ticket(2)]));
    expect(await queue.sendQueue(desk, CASHIER)).toBe(1);
    expect(readQueue(desk)).toEqual([]);
  });

  it('sends more than 500 tickets in requests of at most 500, in order, and keeps the last ten numbers', async () => {
    const desk = newDesk();
    const srv = fakeServer(desk);
    const saved = Array.from({ length: 1001 }, (_, i) => ticket(i + 1));
    // One write for the lot: a thousand separate writes would rewrite the list a thousand times.
    storage.setItem(`ayni.collection.queue.${desk}`, JSON.stringify(saved));

    expect(await queue.sendQueue(desk, CASHIER)).toBe(1001);
    expect(srv.requests.map((r) => r.length)).toEqual([queue.BATCH_LIMIT, queue.BATCH_LIMIT, 1]);
    expect(srv.requests.flat().map((t) => t.id)).toEqual(ids(saved));
    expect(readQueue(desk)).toEqual([]);
    const sent = readSent(desk);
    expect(sent).toHaveLength(10);
    expect(sent[0]).toMatchObject({ id: saved[1000]!.input.id, number: 1001 });
  });

  it('when a later request fails, what the earlier ones recorded has left the queue and the rest waits', async () => {
    const desk = newDesk();
    const srv = fakeServer(desk);
    srv.failRequests.add(2);
    const saved = Array.from({ length: 501 }, (_, i) => ticket(i + 1));
    storage.setItem(`ayni.collection.queue.${desk}`, JSON.stringify(saved));

    expect(await queue.sendQueue(desk, CASHIER)).toBe(500);
    expect(readQueue(desk)).toEqual([saved[500]]);
    expect(await queue.sendQueue(desk, CASHIER)).toBe(1);
    expect(srv.recorded.size).toBe(501);
  });

  it('leaves alone the ticket the desk is saving itself, until the desk lets go of it', async () => {
    const desk = newDesk();
    const srv = fakeServer(desk);
    enqueue(desk, ticket(1));
    enqueue(desk, ticket(2));
    const id = ticket(2).input.id;
    markDeskInFlight(id, true);
    expect(isDeskInFlight(id)).toBe(true);
    expect(await queue.sendQueue(desk, CASHIER)).toBe(1);
    expect(srv.requests).toEqual([[ticket(1).input]]);

    markDeskInFlight(id, false);
    expect(isDeskInFlight(id)).toBe(false);
    expect(await queue.sendQueue(desk, CASHIER)).toBe(1);
    expect(readQueue(desk)).toEqual([]);
  });

  it('ignores answers for tickets it did not send, and keeps a ticket the answer left out', async () => {
    const desk = newDesk();
    const srv = fakeServer(desk);
    enqueue(desk, ticket(1));
    enqueue(desk, ticket(2));
    const stranger = ticket(9);
    enqueue(desk, { ...stranger, savedBy: OTHER_CASHIER });
    const handle = server.handle;
    server.handle = async (method, path, body) => {
      const answer = (await handle(method, path, body)) as { results: BatchResult[] };
      return {
        results: [
          answer.results[0],
          {
            id: stranger.input.id,
            ok: true,
            ticket: { ...answer.results[0]!.ticket!, id: stranger.input.id },
          },
        ],
      };
    };
    expect(await queue.sendQueue(desk, CASHIER)).toBe(1);
    expect(ids(readQueue(desk))).toEqual(ids([ticket(2), stranger]));
    expect(readQueue(desk).every((q) => q.refused === null)).toBe(true);
    expect(srv.requests).toHaveLength(1);
  });

  it('one send at a time per desk: a second call while one is on the way sends nothing', async () => {
    const desk = newDesk();
    const srv = fakeServer(desk);
    const gate = deferred();
    srv.gate = gate.promise;
    enqueue(desk, ticket(1));
    const first = queue.sendQueue(desk, CASHIER);
    await vi.waitFor(() => expect(srv.requests).toHaveLength(1));
    const second = queue.sendQueue(desk, CASHIER);
    gate.resolve();
    expect([await first, await second]).toEqual([1, 0]);
    expect(srv.requests).toHaveLength(1);
  });
});

describe('two tabs of the same desk', () => {
  async function secondTab() {
    vi.resetModules();
    return import('./queue.js');
  }

  it('take turns under the Web Locks API: each ticket is sent once', async () => {
    vi.stubGlobal('navigator', { onLine: true, locks: fakeLocks() });
    const desk = newDesk();
    const srv = fakeServer(desk);
    const tab2 = await secondTab();
    const gate = deferred();
    srv.gate = gate.promise;
    enqueue(desk, ticket(1));

    const first = queue.sendQueue(desk, CASHIER);
    await vi.waitFor(() => expect(srv.requests).toHaveLength(1));
    const second = tab2.sendQueue(desk, CASHIER);
    gate.resolve();
    expect([await first, await second]).toEqual([1, 0]);
    expect(srv.requests).toHaveLength(1);
    expect(tab2.readQueue(desk)).toEqual([]);
    expect(tab2.readSent(desk)).toHaveLength(1);
  });

  it('without the Web Locks API both may send a ticket: the server replays it, and it is counted once', async () => {
    const desk = newDesk();
    const srv = fakeServer(desk);
    const tab2 = await secondTab();
    const gate = deferred();
    srv.gate = gate.promise;
    enqueue(desk, ticket(1));

    const first = queue.sendQueue(desk, CASHIER);
    const second = tab2.sendQueue(desk, CASHIER);
    await vi.waitFor(() => expect(srv.requests).toHaveLength(2));
    gate.resolve();
    await Promise.all([first, second]);
    expect(srv.recorded.size).toBe(1);
    expect(readQueue(desk)).toEqual([]);
    expect(readSent(desk).map((s) => [s.id, s.number])).toEqual([[ticket(1).input.id, 1]]);
  });
});

describe('a refusal as the batch endpoint writes it', () => {
  it('reads problem+json and the invalid-body variant, and fills what is missing', () => {
    expect(
      queue.toQueuedProblem({
        status: 409,
        code: 'collection.member_cannot_deliver',
        title: 'Conflict',
        errors: [{ path: '/memberNumber', message: 'suspended' }],
      }),
    ).toEqual({
      status: 409,
      code: 'collection.member_cannot_deliver',
      message: 'Conflict',
      fields: [{ path: 'memberNumber', message: 'suspended' }],
    });
    expect(queue.toQueuedProblem({ issues: [{ path: 'grossKg' }] })).toEqual({
      status: 400,
      code: 'unknown',
      message: '',
      fields: [{ path: 'grossKg', message: '' }],
    });
    expect(queue.toQueuedProblem(undefined)).toEqual({
      status: 400,
      code: 'unknown',
      message: '',
      fields: [],
    });
  });
});
