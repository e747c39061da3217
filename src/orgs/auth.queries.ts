import type { Executor } from '../platform/db/transaction.js';

/** The only place that builds SQL for sessions, sign-in attempts and API token look-ups. */

export function insertSession(
  db: Executor,
  row: {
    session_hash: Buffer;
    user_id: string;
    csrf_token: string;
    created_at: Date;
    expires_at: Date;
    user_agent: string | null;
  },
) {
  return db.insertInto('sessions').values(row).execute();
}

export function findLiveSession(db: Executor, sessionHash: Buffer, now: Date) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.user_id', 's.user_id')
    .select(['s.session_hash', 's.csrf_token', 's.expires_at', 'u.user_id', 'u.email', 'u.is_platform_admin'])
    .where('s.session_hash', '=', sessionHash)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
}

export function deleteSession(db: Executor, sessionHash: Buffer) {
  return db.deleteFrom('sessions').where('session_hash', '=', sessionHash).execute();
}

export function deleteSessionsOfUser(db: Executor, userId: string, exceptHash?: Buffer) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptHash) query = query.where('session_hash', '<>', exceptHash);
  return query.execute();
}

export function deleteExpiredSessions(db: Executor, now: Date) {
  return db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export function recordLoginAttempt(
  db: Executor,
  row: { email: string; ip: string; attempted_at: Date; succeeded: boolean },
) {
  return db.insertInto('login_attempts').values(row).execute();
}

/** Failed attempts since `since` for an email and for an IP, and the oldest of each. */
export async function recentFailures(db: Executor, email: string, ip: string, since: Date) {
  const [byEmail, byIp] = await Promise.all(
    (['email', 'ip'] as const).map((column) =>
      db
        .selectFrom('login_attempts')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('attempted_at').as('oldest')])
        .where(column, '=', column === 'email' ? email : ip)
        .where('attempted_at', '>', since)
        .where('succeeded', '=', false)
        .executeTakeFirstOrThrow(),
    ),
  );
  return { byEmail: byEmail!, byIp: byIp! };
}

export function deleteLoginAttemptsBefore(db: Executor, before: Date) {
  return db.deleteFrom('login_attempts').where('attempted_at', '<', before).execute();
}

export function findLiveToken(db: Executor, tokenHash: Buffer, now: Date) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.user_id', 't.user_id')
    .select([
      't.org_id',
      't.token_id',
      't.name',
      't.role',
      't.expires_at',
      't.revoked_at',
      'u.user_id',
      'u.email',
    ])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now)]))
    .executeTakeFirst();
}
