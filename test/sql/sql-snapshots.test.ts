import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseProblems, formatSql, relativeToRoot, renderAll, snapshotFiles } from './snapshots.js';

/**
 * The committed SQL snapshots (`src/<domain>/sql/*.queries.sql`) are what the query functions build
 * today, so a changed query shows in review as a SQL diff. No database: the SQL is compiled and
 * captured (test/sql/snapshots.ts).
 */

const REGENERATE = 'run `npm run sql:snapshots` and commit the result';

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

describe('SQL snapshots', () => {
  it('have a case in test/sql/cases.ts for every exported query function, and none for a missing one', async () => {
    expect(await caseProblems(), 'add a sample call for each to test/sql/cases.ts').toEqual([]);
  });

  it('are up to date with the query functions', async () => {
    const expected = await renderAll();
    // the diff reads from the committed snapshot (expected) to what the code builds now (received)
    for (const [path, content] of expected)
      expect.soft(content, `${relativeToRoot(path)} is stale: ${REGENERATE}`).toBe(read(path));
    const orphans = snapshotFiles()
      .filter((path) => !expected.has(path))
      .map(relativeToRoot);
    expect(orphans, `snapshots of queries modules that no longer exist: ${REGENERATE}`).toEqual([]);
  });

  it('lay out SQL one clause a line and leave quoted text as it is', () => {
    expect(
      formatSql(
        `select "a", 'x  FROM  y' as "from where" from "t" inner join "u" on "u"."id" = "t"."id" and "u"."k" = $1 ` +
          `where "a" in (select "b" from "v" where "c" = $2 and "d" = $3) order by "a" limit $4`,
      ),
    ).toBe(
      [
        `select "a", 'x  FROM  y' as "from where"`,
        `from "t"`,
        `inner join "u" on "u"."id" = "t"."id"`,
        `  and "u"."k" = $1`,
        `where "a" in (`,
        `  select "b"`,
        `  from "v"`,
        `  where "c" = $2`,
        `    and "d" = $3)`,
        `order by "a"`,
        `limit $4`,
      ].join('\n'),
    );
    expect(formatSql("UPDATE plots\n     SET flags = array_remove(flags, 'a  b')\n WHERE org_id = $1")).toBe(
      "UPDATE plots\nSET flags = array_remove(flags, 'a  b')\nWHERE org_id = $1",
    );
  });
});
