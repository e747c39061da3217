import { resolve } from 'node:path';

/**
 * Every setting, from command-line flags first, then the environment, then defaults. The README lists
 * them all; keep the two in step.
 */
export interface Settings {
  /** Embedded database folder (PGlite), when no database URL is given. */
  dataDir: string;
  /** PostgreSQL ≥ 15 server; when set, the embedded database is not used. */
  databaseUrl: string | undefined;
  host: string;
  port: number;
  /** Load the demo organizations and users into an empty database at start. */
  demo: boolean;
  bodyLimit: number;
  sessionHours: number;
  /** Set the Secure flag on cookies: on whenever Ayni is served over HTTPS. */
  secureCookies: boolean;
  logLevel: string;
  /** Embedded engine: hours between snapshot backups, and how many to keep (0 turns them off). */
  backupEveryHours: number;
  backupsKept: number;
}

export interface SettingFlags {
  data?: string;
  databaseUrl?: string;
  host?: string;
  port?: string | number;
  demo?: boolean;
}

function intFrom(value: string | number | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}

export function resolveSettings(flags: SettingFlags = {}, env: NodeJS.ProcessEnv = process.env): Settings {
  const port = intFrom(flags.port ?? env.AYNI_PORT ?? env.PORT, 8080, '--port / AYNI_PORT');
  if (port > 65535) throw new Error(`--port must be at most 65535, got ${port}`);
  return {
    dataDir: resolve(flags.data ?? env.AYNI_DATA ?? 'ayni-data'),
    databaseUrl: flags.databaseUrl ?? env.DATABASE_URL ?? undefined,
    host: flags.host ?? env.AYNI_HOST ?? '127.0.0.1',
    port,
    demo: flags.demo ?? env.AYNI_DEMO !== '0',
    bodyLimit: intFrom(env.AYNI_BODY_LIMIT, 1_048_576, 'AYNI_BODY_LIMIT'),
    sessionHours: intFrom(env.AYNI_SESSION_HOURS, 12, 'AYNI_SESSION_HOURS'),
    secureCookies: env.AYNI_SECURE_COOKIES === '1',
    logLevel: env.AYNI_LOG_LEVEL ?? 'warn',
    backupEveryHours: intFrom(env.AYNI_BACKUP_HOURS, 6, 'AYNI_BACKUP_HOURS'),
    backupsKept: intFrom(env.AYNI_BACKUPS_KEPT, 8, 'AYNI_BACKUPS_KEPT'),
  };
}

/** Where PGlite keeps its files inside the data folder; backups and the lock live beside it. */
export const pgdataDir = (dataDir: string) => resolve(dataDir, 'pgdata');
export const backupsDir = (dataDir: string) => resolve(dataDir, 'backups');
