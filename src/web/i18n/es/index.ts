import { accounts } from './accounts.js';
import { collection } from './collection.js';
import { common } from './common.js';
import { governance } from './governance.js';
import { lots } from './lots.js';
import { members } from './members.js';
import { orgs } from './orgs.js';
import { quality } from './quality.js';
import { sales } from './sales.js';
import { traceability } from './traceability.js';

/**
 * Spanish strings: the reference catalogue, one i18next namespace per domain. `en/` must have exactly
 * the same keys (the type `Messages` enforces it), and `t()` keys are type-checked against these files.
 * Pages call `t('members.title')` without a namespace: `common` is the default namespace and the
 * domains' namespaces are its fallbacks (see `../index.ts`), so each key is written once, where its
 * domain is.
 */
export const es = {
  common,
  orgs,
  members,
  collection,
  accounts,
  governance,
  lots,
  sales,
  traceability,
  quality,
} as const;

/** The namespaces, the default one first. */
export const NAMESPACES = [
  'common',
  'orgs',
  'members',
  'collection',
  'accounts',
  'governance',
  'lots',
  'sales',
  'traceability',
  'quality',
] as const satisfies readonly (keyof typeof es)[];
export type Namespace = (typeof NAMESPACES)[number];

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language must provide. */
export type Messages = Widen<typeof es>;
