import { readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import type { Database } from '../../src/platform/db/schema.js';
import { type Call, type FakeRow, SNAPSHOTS_PENDING, sqlCases } from './cases.js';

/**
 * The SQL of every query function, written without a database: each exported function of every
 * `src/**\/*.queries.ts` is called with the sample arguments of `cases.ts` on a Kysely instance that
 * compiles exactly as the real one (PostgreSQL adapter and query compiler) and whose driver records
 * each compiled query instead of sending it, answering with no rows (or a case's fake rows). The
 * result is one snapshot file per queries module, `src/<domain>/sql/<module>.sql`, committed so that
 * a changed query shows in review as a SQL diff (Immich keeps its `*.repository.sql` the same way).
 * `npm run sql:snapshots` writes them; `test/sql/sql-snapshots.test.ts` fails when they are stale.
 */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = join(ROOT, 'src');

/** One statement as the driver received it: the SQL text and how many parameters were bound (never their values). */
export interface CapturedQuery {
  sql: string;
  parameters: number;
}

class CapturingConnection implements DatabaseConnection {
  constructor(private readonly capture: Capture) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    this.capture.queries.push({ sql: compiled.sql, parameters: compiled.parameters.length });
    return { rows: this.capture.rows as R[] };
  }
  // biome-ignore lint/correctness/useYield: no query function streams; one that does fails loudly here
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('sql snapshots: streaming queries are not captured');
  }
}

class CapturingDriver implements Driver {
  private readonly connection: CapturingConnection;
  constructor(capture: Capture) {
    this.connection = new CapturingConnection(capture);
  }
  async init() {}
  async acquireConnection() {
    return this.connection;
  }
  async beginTransaction() {}
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {}
}

/** A Kysely instance that compiles as PostgresDialect does and records instead of executing. */
export class Capture {
  queries: CapturedQuery[] = [];
  rows: FakeRow[] = [];
  readonly db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new CapturingDriver(this),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });

  /** Runs one call, answering every query with `rows`, and returns the queries it issued in order. */
  async record(run: (db: Kysely<Database>) => unknown, rows: FakeRow[] = []): Promise<CapturedQuery[]> {
    this.queries = [];
    this.rows = rows;
    await run(this.db);
    return this.queries;
  }
}

// ---- formatting ------------------------------------------------------------------------------------

/** Clause keywords that start a new line; longest first so `inner join` wins over `join`. */
const CLAUSES = [
  'insert into',
  'delete from',
  'inner join',
  'left join',
  'right join',
  'full join',
  'cross join',
  'on conflict',
  'for update',
  'for share',
  'group by',
  'order by',
  'union all',
  'returning',
  'select',
  'update',
  'values',
  'having',
  'offset',
  'union',
  'where',
  'limit',
  'from',
  'join',
  'set',
  'and',
].map((k) => ({ keyword: k, pattern: new RegExp(`^${k.replace(' ', '\\s+')}(?![\\w$])`, 'i') }));

/**
 * Light, deterministic layout of one statement: whitespace outside quotes collapsed, each clause of
 * the statement and of its subqueries on its own line (subqueries indented), `and` of a clause
 * indented under it. Quoted identifiers and string literals are left exactly as they are.
 */
export function formatSql(text: string): string {
  let out = '';
  /** Each open parenthesis; a subquery's carries the indentation of its clauses. */
  const parens: { indent: string | null }[] = [];
  const clauseIndent = () => {
    const top = parens[parens.length - 1];
    return top === undefined ? '' : top.indent;
  };
  const lineIndent = () => out.slice(out.lastIndexOf('\n') + 1).match(/^ */)![0];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === c && text[j + 1] === c) j += 2;
        else if (text[j] === c) break;
        else j++;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (/\s/.test(c)) {
      while (i < text.length && /\s/.test(text[i]!)) i++;
      if (out !== '' && !out.endsWith(' ') && !out.endsWith('(')) out += ' ';
      continue;
    }
    if (c === '(') {
      const subquery = /^\(\s*select(?![\w$])/i.test(text.slice(i, i + 20));
      parens.push({ indent: subquery ? `${lineIndent()}  ` : null });
      out += c;
      i++;
      continue;
    }
    if (c === ')') {
      parens.pop();
      out = out.replace(/ $/, '') + c;
      i++;
      continue;
    }
    const indent = clauseIndent();
    if (indent !== null && (i === 0 || !/[\w$."]/.test(text[i - 1]!))) {
      const rest = text.slice(i);
      const clause = CLAUSES.find((k) => k.pattern.test(rest));
      if (clause) {
        const matched = rest.match(clause.pattern)![0];
        out = out.replace(/ $/, '');
        if (out !== '') out += `\n${indent}${clause.keyword === 'and' ? '  ' : ''}`;
        out += matched.replace(/\s+/g, ' ');
        i += matched.length;
        continue;
      }
    }
    const token = text.slice(i).match(/^[\w$.]+/)?.[0] ?? c;
    out += token;
    i += token.length;
  }
  return out.trim();
}

// ---- modules, cases and snapshot files -------------------------------------------------------------

/** Every queries module, as `<domain>/<name>.queries` relative to `src/`, sorted. */
export function queriesModules(): string[] {
  return (readdirSync(SRC, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.queries.ts'))
    .map((file) => file.split(sep).join('/').replace(/\.ts$/, ''))
    .sort();
}

/** Where a module's snapshot lives: beside its domain's code, `src/<domain>/sql/<name>.queries.sql`. */
export function snapshotPath(module: string): string {
  return join(SRC, dirname(module), 'sql', `${basename(module)}.sql`);
}

/** Every committed snapshot file, whether or not its module still exists. */
export function snapshotFiles(): string[] {
  return (readdirSync(SRC, { recursive: true }) as string[])
    .map((file) => file.split(sep).join('/'))
    .filter((file) => /(^|\/)sql\/[^/]+\.queries\.sql$/.test(file))
    .map((file) => join(SRC, file))
    .sort();
}

export async function exportedFunctions(
  module: string,
): Promise<Map<string, (...args: unknown[]) => unknown>> {
  const exports = (await import(pathToFileURL(join(SRC, `${module}.ts`)).href)) as Record<string, unknown>;
  const functions = new Map<string, (...args: unknown[]) => unknown>();
  for (const name of Object.keys(exports).sort()) {
    const value = exports[name];
    if (typeof value === 'function') functions.set(name, value as (...args: unknown[]) => unknown);
  }
  return functions;
}

/** What is missing or left over between the queries modules and `cases.ts`; empty when they agree. */
export async function caseProblems(): Promise<string[]> {
  const problems: string[] = [];
  const modules = queriesModules();
  for (const module of modules) {
    const cases = sqlCases[module];
    const functions = await exportedFunctions(module);
    if (module in SNAPSHOTS_PENDING) {
      if (cases)
        problems.push(`${module}: has cases now — take it off SNAPSHOTS_PENDING in test/sql/cases.ts`);
      continue;
    }
    if (!cases) {
      problems.push(`${module}: no cases — add '${module}' to test/sql/cases.ts`);
      continue;
    }
    for (const name of functions.keys())
      if (!cases[name]?.length) problems.push(`${module}.${name}: no case in test/sql/cases.ts`);
    for (const name of Object.keys(cases))
      if (!functions.has(name))
        problems.push(`${module}.${name}: a case for a function the module does not export`);
  }
  for (const module of Object.keys(SNAPSHOTS_PENDING))
    if (!modules.includes(module)) problems.push(`${module}: listed as pending but does not exist`);
  for (const module of Object.keys(sqlCases))
    if (!modules.includes(module)) problems.push(`${module}: cases for a queries module that does not exist`);
  return problems;
}

function variantOf(call: Call): { label: string | undefined; args: unknown[]; rows: FakeRow[] | undefined } {
  return Array.isArray(call)
    ? { label: undefined, args: call, rows: undefined }
    : { label: call.label, args: call.args, rows: call.rows };
}

/**
 * The snapshot text of one module: for each exported function (in name order) and each of its cases,
 * a `-- <module>.<function>` header, then every statement it issued, in order.
 */
export async function renderModule(module: string, capture = new Capture()): Promise<string> {
  const name = basename(module);
  const functions = await exportedFunctions(module);
  const cases = sqlCases[module] ?? {};
  const blocks: string[] = [];
  for (const [fn, call] of functions) {
    for (const c of cases[fn] ?? []) {
      const { label, args, rows } = variantOf(c);
      const header = `-- ${name}.${fn}${label ? ` (${label})` : ''}`;
      let queries: CapturedQuery[];
      try {
        queries = await capture.record((db) => call(db, ...args), rows);
      } catch (error) {
        throw new Error(
          `${header.slice(3)} threw with its sample arguments (give the case fake rows?): ${String(error)}`,
        );
      }
      if (queries.length === 0)
        throw new Error(`${header.slice(3)} issued no SQL with its sample arguments: choose ones that do`);
      blocks.push([header, ...queries.map((q) => `${formatSql(q.sql)};`)].join('\n'));
    }
  }
  return `-- Generated by \`npm run sql:snapshots\` from src/${module}.ts and test/sql/cases.ts. Do not edit.\n\n${blocks.join('\n\n')}\n`;
}

/** Every snapshot file's path and expected content. */
export async function renderAll(): Promise<Map<string, string>> {
  const capture = new Capture();
  const files = new Map<string, string>();
  for (const module of queriesModules())
    if (!(module in SNAPSHOTS_PENDING)) files.set(snapshotPath(module), await renderModule(module, capture));
  return files;
}

export function relativeToRoot(path: string): string {
  return relative(ROOT, path).split(sep).join('/');
}
