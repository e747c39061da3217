import { randomBytes } from 'node:crypto';
import { inTransaction } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { AppError, invalid } from '../platform/errors.js';
import type { Actor } from './actor.js';
import * as authQ from './auth.queries.js';
import * as q from './orgs.queries.js';
import { sha256 } from './orgs.service.js';
import { dummyPasswordHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { isRole } from './permissions.js';

export interface AuthSettings {
  sessionHours: number;
  /** Failed sign-ins allowed per email, and per IP address, within the window. */
  maxFailuresPerEmail: number;
  maxFailuresPerIp: number;
  failureWindowMinutes: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionHours: 12,
  maxFailuresPerEmail: 10,
  maxFailuresPerIp: 100,
  failureWindowMinutes: 15,
};

export interface MeView {
  id: string;
  email: string;
  displayName: string;
  locale: 'es' | 'en';
  isPlatformAdmin: boolean;
  csrfToken: string | null;
  memberships: { orgSlug: string; orgName: string; orgKind: string; roles: string[] }[];
}

export function createAuthService(deps: ServiceDeps, settings: AuthSettings = DEFAULT_AUTH_SETTINGS) {
  const { db, clock } = deps;

  /** Throws 429 when an email or an address has failed too often within the window. */
  async function checkRateLimit(email: string, ip: string, now: Date) {
    const windowMs = settings.failureWindowMinutes * 60_000;
    const since = new Date(now.getTime() - windowMs);
    const { byEmail, byIp } = await authQ.recentFailures(db, email, ip, since);
    const limited = [
      { n: Number(byEmail.n), oldest: byEmail.oldest, max: settings.maxFailuresPerEmail },
      { n: Number(byIp.n), oldest: byIp.oldest, max: settings.maxFailuresPerIp },
    ].find((c) => c.n >= c.max);
    if (limited) {
      const oldest = limited.oldest ? new Date(limited.oldest as Date | string).getTime() : now.getTime();
      const seconds = Math.max(1, Math.ceil((oldest + windowMs - now.getTime()) / 1000));
      throw new AppError('too_many_requests', 'auth.too_many_attempts', {
        params: { seconds },
        retryAfter: seconds,
      });
    }
  }

  async function signIn(input: { email: string; password: string; ip: string; userAgent?: string }) {
    const email = input.email.trim().toLowerCase();
    const now = clock.now();
    await checkRateLimit(email, input.ip, now);
    const user = await q.findUserByEmail(db, email);
    const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
    if (!user || !ok) {
      await authQ.recordLoginAttempt(db, { email, ip: input.ip, attempted_at: now, succeeded: false });
      throw new AppError('unauthenticated', 'auth.invalid_credentials');
    }
    const secret = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await inTransaction(db, async (trx) => {
      await authQ.insertSession(trx, {
        session_hash: sha256(secret),
        user_id: user.user_id,
        csrf_token: csrfToken,
        created_at: now,
        expires_at: new Date(now.getTime() + settings.sessionHours * 3_600_000),
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      });
      await authQ.recordLoginAttempt(trx, { email, ip: input.ip, attempted_at: now, succeeded: true });
    });
    return { secret, csrfToken, maxAgeSeconds: settings.sessionHours * 3600, userId: user.user_id };
  }

  /** The actor behind a session cookie, or undefined when it is unknown or expired. */
  async function actorFromSession(secret: string): Promise<Actor | undefined> {
    const row = await authQ.findLiveSession(db, sha256(secret), clock.now());
    if (!row) return undefined;
    return {
      kind: 'user',
      userId: row.user_id,
      email: row.email,
      isPlatformAdmin: row.is_platform_admin,
      sessionHash: row.session_hash,
      csrfToken: row.csrf_token,
    };
  }

  /** The actor behind `Authorization: Bearer ayni_…`: one organization, one role. */
  async function actorFromToken(secret: string): Promise<Actor | undefined> {
    const row = await authQ.findLiveToken(db, sha256(secret), clock.now());
    if (!row || !isRole(row.role)) return undefined;
    return {
      kind: 'token',
      userId: row.user_id,
      email: row.email,
      isPlatformAdmin: false,
      tokenId: row.token_id,
      tokenName: row.name,
      orgId: row.org_id,
      role: row.role,
    };
  }

  async function signOut(actor: Actor): Promise<void> {
    if (actor.kind === 'user' && actor.sessionHash) await authQ.deleteSession(db, actor.sessionHash);
  }

  async function signOutEverywhere(actor: Actor): Promise<void> {
    if (actor.kind === 'user' || actor.kind === 'token') await authQ.deleteSessionsOfUser(db, actor.userId);
  }

  async function me(actor: Actor): Promise<MeView> {
    if (actor.kind === 'system') throw new AppError('unauthenticated', 'error.unauthenticated');
    const user = await q.findUserById(db, actor.userId);
    if (!user) throw new AppError('unauthenticated', 'error.unauthenticated');
    const rows = await q.membershipsOfUser(db, user.user_id);
    const memberships = new Map<string, MeView['memberships'][number]>();
    for (const row of rows) {
      if (actor.kind === 'token' && (row.org_id !== actor.orgId || row.role !== actor.role)) continue;
      const entry = memberships.get(row.org_id) ?? {
        orgSlug: row.slug,
        orgName: row.name,
        orgKind: row.kind,
        roles: [],
      };
      entry.roles.push(row.role);
      memberships.set(row.org_id, entry);
    }
    return {
      id: user.user_id,
      email: user.email,
      displayName: user.display_name,
      locale: user.locale,
      isPlatformAdmin: user.is_platform_admin,
      csrfToken: actor.kind === 'user' ? (actor.csrfToken ?? null) : null,
      memberships: [...memberships.values()],
    };
  }

  async function updateMe(
    actor: Actor,
    patch: { locale?: 'es' | 'en'; displayName?: string },
  ): Promise<MeView> {
    if (actor.kind === 'system') throw new AppError('unauthenticated', 'error.unauthenticated');
    await q.updateUser(db, actor.userId, {
      ...(patch.locale && { locale: patch.locale }),
      ...(patch.displayName && { display_name: patch.displayName.trim() }),
    });
    return me(actor);
  }

  /** Changes the password and ends every other session of the person: a stolen session dies with it. */
  async function changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    if (actor.kind !== 'user') throw new AppError('forbidden', 'error.forbidden');
    if (newPassword.length < MIN_PASSWORD_LENGTH) {
      throw invalid(
        'auth.weak_password',
        [{ path: 'newPassword', code: 'auth.weak_password', params: { min: MIN_PASSWORD_LENGTH } }],
        {
          min: MIN_PASSWORD_LENGTH,
        },
      );
    }
    const user = await q.findUserById(db, actor.userId);
    if (!user || !(await verifyPassword(user.password_hash, currentPassword))) {
      throw invalid('auth.wrong_current_password', [
        { path: 'currentPassword', code: 'auth.wrong_current_password' },
      ]);
    }
    const passwordHash = await hashPassword(newPassword);
    await inTransaction(db, async (trx) => {
      await q.updateUser(trx, actor.userId, {
        password_hash: passwordHash,
        password_changed_at: clock.now(),
      });
      await authQ.deleteSessionsOfUser(trx, actor.userId, actor.sessionHash);
    });
  }

  /** Removes expired sessions and old sign-in attempts; the server runs it now and then. */
  async function sweep(): Promise<void> {
    const now = clock.now();
    await authQ.deleteExpiredSessions(db, now);
    await authQ.deleteLoginAttemptsBefore(db, new Date(now.getTime() - 24 * 3_600_000));
  }

  return {
    signIn,
    actorFromSession,
    actorFromToken,
    signOut,
    signOutEverywhere,
    me,
    updateMe,
    changePassword,
    sweep,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
