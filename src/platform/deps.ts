import type { Clock } from './clock.js';
import type { Db } from './db/transaction.js';
import type { IdGenerator } from './ids.js';

/** What every service is built from. Tests pass a stepping clock and sequential ids. */
export interface ServiceDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
}
