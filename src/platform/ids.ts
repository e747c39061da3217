import { randomBytes } from 'node:crypto';

/** Makes record ids. Application-made UUIDv7 so field devices can create records offline (ARCHITECTURE.md, Ids). */
export interface IdGenerator {
  next(): string;
}

function formatUuid(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * RFC 9562 UUIDv7: 48-bit Unix milliseconds, version 7, then random bits.
 * @example uuidv7(Date.now()) // '019ad1c4-...-7...'
 */
export function uuidv7(ms: number, random: Uint8Array = randomBytes(10)): string {
  const bytes = new Uint8Array(16);
  let t = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes.set(random.subarray(0, 10), 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  return formatUuid(bytes);
}

export const randomIds: IdGenerator = { next: () => uuidv7(Date.now()) };

/** Deterministic ids for tests: the n-th id is always the same. */
export function sequentialIds(prefix = 0): IdGenerator {
  let n = 0;
  return {
    next() {
      n += 1;
      const random = new Uint8Array(10);
      new DataView(random.buffer).setUint32(6, n);
      random[0] = prefix;
      return uuidv7(1_750_000_000_000 + n, random);
    },
  };
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
