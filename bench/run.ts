/**
 * `npm run bench`: Ayni's figures, each beside a baseline measured in the same run on the same machine,
 * so the ratio survives a noisy or slower machine. No figure here is asserted by a test.
 *
 *  - cold start to the first 200 of /healthz, with a fresh and with an existing data folder, against a
 *    bare node:http process started the same way;
 *  - requests per second and p99 latency with 50 connections for /healthz and for an authenticated
 *    GET /api/v1/orgs, against a bare node:http server answering the same bytes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { PACKAGE_ROOT } from '../src/platform/paths.js';
import { benchCollection } from './collection.js';
import { benchGovernance } from './governance.js';
import { benchLots } from './lots.js';
import { benchMembers } from './members.js';
import { benchTraceability } from './traceability.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'ayni.js');
const DURATION = Number(process.env.AYNI_BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;
const env = { ...process.env, AYNI_LOG_LEVEL: 'error', DATABASE_URL: '', AYNI_BACKUP_HOURS: '0' };

const lines: string[] = [];
function report(name: string, value: number, unit: string, baseline: number, better: 'lower' | 'higher') {
  const ratio = value / baseline;
  const line = `${name}: ${value.toFixed(unit.startsWith('ms') ? 1 : 0)} ${unit} (baseline ${baseline.toFixed(unit.startsWith('ms') ? 1 : 0)} ${unit}; ratio ${ratio.toFixed(2)}×, ${better} is better)`;
  lines.push(line);
  console.log(line);
}

async function waitFor200(url: string, child: ChildProcess, startedAt: number): Promise<number> {
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`process exited before answering ${url}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return performance.now() - startedAt;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const BARE = `
  const http = require('node:http');
  http.createServer((req, res) => { res.writeHead(200, {'content-type': 'application/json'}); res.end('{"status":"ok"}'); })
    .listen(Number(process.argv[1]), '127.0.0.1');
`;

async function coldStart(args: string[], port: number): Promise<{ ms: number; child: ChildProcess }> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const ms = await waitFor200(`http://127.0.0.1:${port}/healthz`, child, startedAt);
  return { ms, child };
}

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/** A bare node:http server answering fixed bytes, the floor any HTTP stack stands on. */
async function bareServer(body: Buffer, contentType: string) {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * Collection and accounts (issue 4): sizes from AYNI_BENCH_TICKETS and AYNI_BENCH_MEMBERS; on PostgreSQL
 * when AYNI_BENCH_PG=1 (AYNI_BENCH_DATABASE_URL, else a throwaway cluster); see
 * bench/collection.ts. AYNI_BENCH_ONLY=collection runs only these figures.
 */
function collection() {
  return benchCollection(report, (line) => console.log(line), {
    tickets: Number(process.env.AYNI_BENCH_TICKETS ?? 1_000_000),
    members: Number(process.env.AYNI_BENCH_MEMBERS ?? 100_000),
    postgres: process.env.AYNI_BENCH_PG === '1',
    databaseUrl: process.env.AYNI_BENCH_DATABASE_URL || undefined,
  });
}

/** Stock on a date over AYNI_BENCH_MOVEMENTS (default 1,000,000) movements; AYNI_BENCH_ONLY=lots runs only it. */
const lots = () =>
  benchLots(report, (line) => console.log(line), Number(process.env.AYNI_BENCH_MOVEMENTS ?? 1_000_000));

async function main() {
  if (process.env.AYNI_BENCH_ONLY === 'collection') return collection();
  if (process.env.AYNI_BENCH_ONLY === 'lots') return lots();
  if (process.env.AYNI_BENCH_ONLY === 'traceability')
    return benchTraceability(report, (line) => console.log(line));
  const dir = mkdtempSync(join(tmpdir(), 'ayni-bench-'));
  const port = 18_950;
  try {
    console.log(
      `ayni bench: ${CONNECTIONS} connections, ${DURATION} s per load run, node ${process.version}`,
    );

    const bare = await coldStart(['-e', BARE, String(port + 1)], port + 1);
    await stop(bare.child);
    const ayniArgs = [BIN, 'start', '--data', join(dir, 'data'), '--port', String(port)];
    const fresh = await coldStart(ayniArgs, port);
    report(
      'cold start, fresh data folder (create database, migrate, load demo) → first 200 /healthz',
      fresh.ms,
      'ms',
      bare.ms,
      'lower',
    );
    await stop(fresh.child);
    const existing = await coldStart(ayniArgs, port);
    report('cold start, existing data folder → first 200 /healthz', existing.ms, 'ms', bare.ms, 'lower');

    try {
      const base = `http://127.0.0.1:${port}`;
      const health = await fetch(`${base}/healthz`);
      const healthBody = Buffer.from(await health.arrayBuffer());
      const healthBare = await bareServer(healthBody, 'application/json; charset=utf-8');
      const h = await load(`${base}/healthz`);
      const hb = await load(healthBare.url);
      await healthBare.close();
      report('GET /healthz, requests/s', h.rps, 'req/s', hb.rps, 'higher');
      report('GET /healthz, p99 latency', h.p99, 'ms', hb.p99, 'lower');

      const signIn = await fetch(`${base}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@ayni.example', password: 'ayni-demo' }),
      });
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
      const orgs = await fetch(`${base}/api/v1/orgs`, { headers: { cookie } });
      const orgsBody = Buffer.from(await orgs.arrayBuffer());
      const orgsBare = await bareServer(orgsBody, 'application/json; charset=utf-8');
      const o = await load(`${base}/api/v1/orgs`, { cookie });
      const ob = await load(orgsBare.url);
      await orgsBare.close();
      report(
        `GET /api/v1/orgs authenticated (${orgsBody.length} bytes, 11 orgs), requests/s`,
        o.rps,
        'req/s',
        ob.rps,
        'higher',
      );
      report('GET /api/v1/orgs authenticated, p99 latency', o.p99, 'ms', ob.p99, 'lower');
    } finally {
      await stop(existing.child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await benchMembers(report, (line) => console.log(line), Number(process.env.AYNI_BENCH_MEMBERS ?? 100_000));
  await collection();
  await benchGovernance(report, (line) => console.log(line), Number(process.env.AYNI_BENCH_VOTERS ?? 2_000));
  await lots();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
