import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashing with argon2id at OWASP's minimum parameters (m = 19 MiB, t = 2, p = 1): strong
 * enough, and a sign-in stays well under 100 ms on a collection centre's cheap office PC.
 */
const PARAMS = {
  algorithm: 2 /* Argon2id; the enum is a const enum, unusable under verbatimModuleSyntax */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the email is unknown, so timing does not reveal which emails exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-ayni');
  return dummyHash;
}
