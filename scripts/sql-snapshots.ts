/**
 * `npm run sql:snapshots`: writes the SQL of every query function to `src/<domain>/sql/<module>.sql`
 * (see test/sql/snapshots.ts) and deletes snapshots of queries modules that no longer exist. Commit
 * the result. `npm run sql:snapshots -- --check` writes nothing and fails when a snapshot is stale
 * (CI runs it; test/sql/sql-snapshots.test.ts checks the same in the test suite).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { caseProblems, relativeToRoot, renderAll, snapshotFiles } from '../test/sql/snapshots.js';

const check = process.argv.includes('--check');

const problems = await caseProblems();
if (problems.length > 0) {
  console.error(
    `sql:snapshots: test/sql/cases.ts does not match the queries modules:\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

const files = await renderAll();
const changes: string[] = [];
for (const [path, content] of files) {
  const current = read(path);
  if (current === content) continue;
  changes.push(`${current === undefined ? 'created' : 'updated'} ${relativeToRoot(path)}`);
  if (check) continue;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
for (const path of snapshotFiles()) {
  if (files.has(path)) continue;
  changes.push(`deleted ${relativeToRoot(path)} (its queries module is gone)`);
  if (!check) rmSync(path);
}

if (check && changes.length > 0) {
  console.error(
    `sql:snapshots: the SQL snapshots are stale; run \`npm run sql:snapshots\` and commit the result:\n  ${changes
      .map((change) => change.replace(/^(created|updated|deleted)/, (verb) => `would be ${verb}:`))
      .join('\n  ')}`,
  );
  process.exit(1);
}
for (const change of changes) console.log(change);
console.log(
  `sql:snapshots: ${files.size} modules, ${changes.length === 0 ? 'all up to date' : `${changes.length} file(s) changed`}`,
);
