import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationError, migrate } from '../src/platform/db/migrate.js';
import { MIGRATIONS_DIR } from '../src/platform/paths.js';
import { openTestDatabase } from './harness/context.js';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let dir: string;
beforeAll(async () => {
  handle = await openTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'ayni-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
});
afterAll(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('apply once: a second run applies nothing', async () => {
    const result = await migrate(handle.db, { dir });
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toBe(readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length);
  });

  it('apply a new file forward, and record it', async () => {
    writeFileSync(
      join(dir, '9000_test_forward.sql'),
      'CREATE TABLE migration_probe (org_id uuid, n int, PRIMARY KEY (org_id));',
    );
    const result = await migrate(handle.db, { dir });
    expect(result.applied).toEqual(['9000_test_forward.sql']);
  });

  it('refuse an applied migration whose file changed, naming it', async () => {
    writeFileSync(
      join(dir, '9000_test_forward.sql'),
      'CREATE TABLE migration_probe (org_id uuid, n bigint, PRIMARY KEY (org_id));',
    );
    await expect(migrate(handle.db, { dir })).rejects.toThrow(MigrationError);
    await expect(migrate(handle.db, { dir })).rejects.toThrow(
      /9000_test_forward\.sql was changed after it was applied/,
    );
  });

  it('refuse to run against a database migrated by a newer version', async () => {
    rmSync(join(dir, '9000_test_forward.sql'));
    await expect(migrate(handle.db, { dir })).rejects.toThrow(/newer version/);
  });

  it('a failing migration leaves nothing behind', async () => {
    const fresh = await openTestDatabase();
    try {
      const broken = mkdtempSync(join(tmpdir(), 'ayni-migrations-'));
      cpSync(MIGRATIONS_DIR, broken, { recursive: true });
      writeFileSync(
        join(broken, '9001_broken.sql'),
        'CREATE TABLE half_done (org_id uuid PRIMARY KEY); SELECT no_such_function();',
      );
      await expect(migrate(fresh.db, { dir: broken })).rejects.toThrow();
      const { rows } = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM pg_class WHERE relname = 'half_done'`.execute(fresh.db);
      expect(rows[0]!.n).toBe(0);
      rmSync(broken, { recursive: true, force: true });
    } finally {
      await fresh.close();
    }
  });
});
