/**
 * Shapes of the HTTP API (v1) as the web app uses them.
 * Hand-written from the contract until the server's zod schemas can be shared with the web app.
 */

export type Role =
  | 'admin'
  | 'manager'
  | 'accountant'
  | 'cashier'
  | 'board'
  | 'oversight'
  | 'member'
  | 'buyer'
  | 'viewer';

export type OrgKind = 'cooperative' | 'central' | 'program' | 'buyer';

export type DataArea = 'members' | 'collection' | 'accounts' | 'governance' | 'training' | 'lots';

export interface Membership {
  orgSlug: string;
  orgName: string;
  orgKind: OrgKind;
  roles: Role[];
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  locale: 'es' | 'en';
  isPlatformAdmin: boolean;
  csrfToken: string;
  memberships: Membership[];
}

export interface SessionResponse {
  user: Me;
  csrfToken: string;
}

export interface Org {
  id: string;
  slug: string;
  name: string;
  kind: OrgKind;
  country: 'PE' | 'CO';
  currency: string;
  timeZone: string;
  locale: string;
  displayMassUnit: string;
  region: string | null;
  province: string | null;
  district: string | null;
  access: 'member' | 'grantee' | 'platform';
  myRoles: Role[];
  grantedAreas?: string[];
}

export interface OrgList {
  items: Org[];
}

export interface Grant {
  id: string;
  grantorSlug: string;
  grantorName: string;
  granteeSlug: string;
  granteeName: string;
  area: string;
  grantedAt: string;
  grantedByEmail: string | null;
  revokedAt: string | null;
}

export interface OrgGrants {
  given: Grant[];
  received: Grant[];
}

/** RFC 9457 problem details as the server sends them. */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: { path: string; message: string; code?: string }[];
}
