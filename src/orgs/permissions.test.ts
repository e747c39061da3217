import { describe, expect, it } from 'vitest';
import { ACTIONS, can, ORG_KINDS, ROLES, ROLES_BY_KIND, roleFitsKind } from './permissions.js';

describe('permissions', () => {
  it('only admins manage people, tokens and grants; admins and oversight read the audit trail', () => {
    for (const role of ROLES) {
      expect(can([role], 'users.manage')).toBe(role === 'admin');
      expect(can([role], 'tokens.manage')).toBe(role === 'admin');
      expect(can([role], 'grants.manage')).toBe(role === 'admin');
      expect(can([role], 'audit.read')).toBe(role === 'admin' || role === 'oversight');
    }
  });

  it('every role may read its own organization, and roles add up', () => {
    for (const role of ROLES) expect(can([role], 'org.read')).toBe(true);
    expect(can(['cashier', 'oversight'], 'audit.read')).toBe(true);
    expect(can([], 'org.read')).toBe(false);
  });

  it('roles fit kinds: a buyer has no cashier, a program no members', () => {
    expect(roleFitsKind('cashier', 'buyer')).toBe(false);
    expect(roleFitsKind('member', 'program')).toBe(false);
    expect(roleFitsKind('buyer', 'buyer')).toBe(true);
    for (const kind of ORG_KINDS) expect(ROLES_BY_KIND[kind]).toContain('admin');
    for (const roles of Object.values(ACTIONS)) for (const r of roles) expect(ROLES).toContain(r);
  });
});
