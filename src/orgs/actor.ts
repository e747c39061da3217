import type { AuditActor } from '../platform/audit.js';
import type { Role } from './permissions.js';

/** Who is asking. Every service call receives one and checks it against the organization at hand. */
export type Actor =
  | {
      kind: 'user';
      userId: string;
      email: string;
      isPlatformAdmin: boolean;
      /** Absent when a person acts outside a web session (the demo loader acting as a cooperative's admin). */
      sessionHash?: Buffer;
      csrfToken?: string;
    }
  | {
      kind: 'token';
      userId: string;
      email: string;
      isPlatformAdmin: false;
      tokenId: string;
      tokenName: string;
      /** A token acts in one organization with one role, whatever else its owner may do. */
      orgId: string;
      role: Role;
    }
  /** The CLI and the demo loader, run by whoever holds the server's machine. */
  | { kind: 'system'; label: string; isPlatformAdmin: true };

export function auditActor(actor: Actor): AuditActor {
  switch (actor.kind) {
    case 'user':
      return { userId: actor.userId, label: actor.email };
    case 'token':
      return { userId: actor.userId, label: `${actor.email} (token ${actor.tokenName})` };
    case 'system':
      return { userId: null, label: actor.label };
  }
}

export const systemActor = (label: string): Actor => ({ kind: 'system', label, isPlatformAdmin: true });

export const actorUserId = (actor: Actor): string | null => (actor.kind === 'system' ? null : actor.userId);

/** A person acting outside any session: the demo loader giving consents in a cooperative admin's name. */
export const personActor = (userId: string, email: string): Actor => ({
  kind: 'user',
  userId,
  email,
  isPlatformAdmin: false,
});
