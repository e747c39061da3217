import type { Messages } from '../es/index.js';
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

/** English strings, by namespace: the same keys as the Spanish reference. */
export const en: Messages = {
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
};
