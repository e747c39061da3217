import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * Backups of the embedded database: one .tar.gz archive of PGlite's data folder. PGlite runs with fsync
 * off (ARCHITECTURE.md, hazard 4), so the server also keeps rotating snapshots; a multi-user production
 * install uses a PostgreSQL server and its own tools (pg_dump) instead.
 */

export async function writeBackup(pglite: PGlite, file: string): Promise<{ file: string; bytes: number }> {
  const archive = await pglite.dumpDataDir('gzip');
  const bytes = Buffer.from(await archive.arrayBuffer());
  const partial = `${file}.partial`;
  writeFileSync(partial, bytes);
  // Renamed only when complete: a crash mid-write never leaves a truncated archive under the real name.
  renameSync(partial, file);
  return { file, bytes: bytes.length };
}

export const timestampForFile = (at: Date) => at.toISOString().replace(/[:.]/g, '-');

/** Writes a snapshot into `dir` and keeps the newest `keep` of them. */
export async function rotateSnapshot(pglite: PGlite, dir: string, keep: number, at: Date): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const { file } = await writeBackup(pglite, join(dir, `ayni-snapshot-${timestampForFile(at)}.tar.gz`));
  const snapshots = readdirSync(dir)
    .filter((f) => f.startsWith('ayni-snapshot-') && f.endsWith('.tar.gz'))
    .sort();
  for (const old of snapshots.slice(0, Math.max(0, snapshots.length - keep)))
    rmSync(join(dir, old), { force: true });
  return file;
}

/**
 * Restores an archive into `pgdata`. An existing database is moved aside (never deleted) so a wrong
 * restore can be undone by hand. The archive is opened and checked before anything is moved.
 */
export async function restoreBackup(
  file: string,
  pgdata: string,
  at: Date,
): Promise<{ movedAside?: string }> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`No backup archive at ${file}`);
  const archive = new Blob([readFileSync(file)]);
  const staging = `${pgdata}.restoring`;
  rmSync(staging, { recursive: true, force: true });
  const check = await PGlite.create(staging, { loadDataDir: archive, extensions: { pg_trgm } });
  try {
    await check.query('SELECT count(*) FROM schema_migrations');
  } catch (error) {
    await check.close();
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`${file} is not an Ayni backup (${(error as Error).message})`);
  }
  await check.close();
  let movedAside: string | undefined;
  if (existsSync(pgdata)) {
    movedAside = `${pgdata}.before-restore-${timestampForFile(at)}`;
    renameSync(pgdata, movedAside);
  }
  renameSync(staging, pgdata);
  return movedAside ? { movedAside } : {};
}
