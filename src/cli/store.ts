import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pgdataDir, type Settings } from '../platform/config.js';
import { type DataFolderLock, lockDataFolder } from '../platform/datafolder.js';
import { connect, type DatabaseHandle } from '../platform/db/connect.js';
import { migrate } from '../platform/db/migrate.js';

/**
 * Opens the database a command works on, migrated. With the embedded engine it first takes the data
 * folder's lock, so a command that writes refuses while a server runs on the same folder (hazard 3).
 */
export interface Store {
  handle: DatabaseHandle;
  lock?: DataFolderLock;
  close(): Promise<void>;
}

export async function openStore(
  settings: Settings,
  options: { command: string; progress: (message: string) => void; migrate?: boolean },
): Promise<Store> {
  let lock: DataFolderLock | undefined;
  let handle: DatabaseHandle;
  if (settings.databaseUrl) {
    options.progress(`connecting to PostgreSQL at ${redactUrl(settings.databaseUrl)}`);
    handle = await connect({ databaseUrl: settings.databaseUrl });
  } else {
    lock = lockDataFolder(settings.dataDir, options.command);
    const pgdata = pgdataDir(settings.dataDir);
    const fresh = !existsSync(join(pgdata, 'PG_VERSION'));
    options.progress(
      fresh
        ? `creating the embedded database in ${pgdata} (the first time takes a few seconds)…`
        : `opening the embedded database in ${pgdata}`,
    );
    try {
      handle = await connect({ dataDir: pgdata });
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  try {
    if (options.migrate !== false) {
      const result = await migrate(handle.db, { onProgress: (m) => options.progress(`migrations: ${m}`) });
      if (result.applied.length > 0) options.progress(`migrations: ${result.applied.length} applied`);
    }
  } catch (error) {
    await handle.close();
    lock?.release();
    throw error;
  }
  return {
    handle,
    ...(lock && { lock }),
    async close() {
      await handle.close();
      lock?.release();
    },
  };
}

/** A database URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured database';
  }
}
