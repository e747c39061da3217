import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * PGlite takes no lock of its own, and two processes on one data folder lose rows silently
 * (ARCHITECTURE.md, hazard 3). The server therefore holds `ayni.lock` in the data folder, created
 * with O_EXCL, naming its process. A lock whose process is gone (a killed server) is taken over.
 */
export class DataFolderLockedError extends Error {
  override name = 'DataFolderLockedError';
  constructor(
    readonly lockPath: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data folder is in use: ${lockPath} is held by ${holder.command} (pid ${holder.pid} on ${holder.host}, ` +
        `since ${holder.since}). Stop that process first, or use another --data folder.`,
    );
  }
}

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  command: string;
}

export interface DataFolderLock {
  path: string;
  release(): void;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLockHolder(dataDir: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, 'ayni.lock'), 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

export function lockDataFolder(dataDir: string, command: string): DataFolderLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'ayni.lock');
  const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readLockHolder(dataDir);
      const stale = current !== undefined && current.host === hostname() && !processAlive(current.pid);
      if (current && !stale) throw new DataFolderLockedError(path, current);
      // Stale (its process died) or unreadable half-written: remove and try once more.
      rmSync(path, { force: true });
    }
  }
  throw new DataFolderLockedError(
    path,
    readLockHolder(dataDir) ?? { pid: 0, host: '?', since: '?', command: '?' },
  );
}
