/**
 * Who may do what, as data. Pure: no I/O, tested on its own. Services ask `can(...)` with the roles an
 * actor holds in one organization; the HTTP layer never decides rights.
 */

import { DATA_AREAS, type DataArea, type OrgKind, ROLES, type Role } from '../shared/enums.js';

export { DATA_AREAS, type DataArea, ORG_KINDS, type OrgKind, ROLES, type Role } from '../shared/enums.js';

/** Roles that make sense in each kind of organization (a buyer has no cashier, a program no members). */
export const ROLES_BY_KIND: Record<OrgKind, readonly Role[]> = {
  cooperative: [
    'admin',
    'manager',
    'accountant',
    'cashier',
    'board',
    'oversight',
    'member',
    'viewer',
    'warehouse',
    'lab',
  ],
  central: ['admin', 'manager', 'accountant', 'board', 'oversight', 'viewer', 'warehouse', 'lab'],
  program: ['admin', 'manager', 'viewer'],
  buyer: ['admin', 'buyer', 'viewer'],
};

export const ACTIONS = {
  'org.read': [
    'admin',
    'manager',
    'accountant',
    'cashier',
    'board',
    'oversight',
    'member',
    'buyer',
    'viewer',
    'warehouse',
    'lab',
  ],
  'org.update': ['admin'],
  'users.read': ['admin', 'manager'],
  'users.manage': ['admin'],
  'tokens.manage': ['admin'],
  'grants.read': ['admin', 'manager', 'board', 'oversight'],
  'grants.manage': ['admin'],
  'audit.read': ['admin', 'oversight'],
  // the social base (members, plots, certifications, inspections)
  'members.read': ['admin', 'manager', 'accountant', 'cashier', 'board', 'oversight', 'viewer'],
  'members.write': ['admin', 'manager'],
  'members.rules': ['admin'],
  // members' accounts: the ledger, statements, the trial balance
  'accounts.read': ['admin', 'manager', 'accountant', 'board', 'oversight', 'viewer'],
  'accounts.write': ['admin', 'accountant'],
  // collection (acopio): the desk writes tickets; managers set prices, points and void tickets
  'collection.read': ['admin', 'manager', 'accountant', 'cashier', 'board', 'oversight', 'viewer'],
  'collection.write': ['admin', 'manager', 'cashier'],
  'collection.configure': ['admin', 'manager'],
  // settlements: prepared by managers and accountants, approved by one of each, posted by either
  'settlement.prepare': ['admin', 'manager', 'accountant'],
  'settlement.approve': ['manager', 'accountant'],
  // payments to members: prepared and marked paid by the people who handle the money
  'payments.manage': ['admin', 'manager', 'accountant'],
  // the value chain: warehouse staff move stock and make lots; managers run the mill and the counts;
  // the lab analyses and cups; the commercial side (manager) sells. A count's difference needs a second
  // person (the service checks it is not the one who counted).
  'lots.read': ['admin', 'manager', 'accountant', 'board', 'oversight', 'viewer', 'warehouse', 'lab'],
  'lots.write': ['admin', 'manager', 'warehouse'],
  'lots.adjust': ['admin', 'manager'],
  'milling.manage': ['admin', 'manager', 'warehouse'],
  'quality.read': ['admin', 'manager', 'accountant', 'board', 'oversight', 'viewer', 'warehouse', 'lab'],
  'quality.write': ['admin', 'manager', 'lab'],
  'sales.read': ['admin', 'manager', 'accountant', 'board', 'oversight', 'viewer'],
  'sales.manage': ['admin', 'manager'],
  // governance: everyone of the cooperative reads; the board (its secretary) and the manager run assemblies
  'governance.read': ['admin', 'manager', 'accountant', 'cashier', 'board', 'oversight', 'member', 'viewer'],
  'governance.manage': ['admin', 'manager', 'board'],
  // the oversight council files its own reports: the board it oversees does not
  'governance.oversight': ['admin', 'oversight'],
} as const satisfies Record<string, readonly Role[]>;
export type Action = keyof typeof ACTIONS;

/** Roles of a central's or program's people that may read what a cooperative granted them. */
export const GRANTEE_READER_ROLES: readonly Role[] = [
  'admin',
  'manager',
  'accountant',
  'board',
  'oversight',
  'viewer',
];

export function can(roles: readonly Role[], action: Action): boolean {
  const allowed: readonly Role[] = ACTIONS[action];
  return roles.some((role) => allowed.includes(role));
}

export function roleFitsKind(role: Role, kind: OrgKind): boolean {
  return ROLES_BY_KIND[kind].includes(role);
}

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
export const isDataArea = (value: string): value is DataArea =>
  (DATA_AREAS as readonly string[]).includes(value);
