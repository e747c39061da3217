import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/platform/paths.js';

/**
 * The `ayni` command as a person runs it: the compiled CLI (npm test builds it first) on a real data
 * folder. Always the embedded engine: these are the commands of a one-machine install.
 */
const BIN = join(PACKAGE_ROOT, 'bin', 'ayni.js');
const env = { ...process.env, AYNI_LOG_LEVEL: 'error', DATABASE_URL: '' };
let dir: string;

function ayni(args: string[], input?: string) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, input, timeout: 280_000 });
}

function startServer(data: string, port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [BIN, 'start', '--data', data, '--port', String(port), '--no-demo'], {
    env,
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 90_000);
    child.stdout?.on('data', () => {
      if (output.includes('is running at')) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ayni-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ayni CLI', () => {
  it('--help describes every command', () => {
    const help = ayni(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['start', 'migrate', 'demo', 'user', 'audit', 'backup', 'restore'])
      expect(help.stdout).toContain(command);
    expect(ayni(['user', 'add', '--help']).stdout).toContain('--password-stdin');
  });

  it('a second start on the same data folder is refused, naming the lock and the process; SIGTERM stops cleanly', async () => {
    const data = join(dir, 'locked');
    const first = await startServer(data, 18_741);
    try {
      const health = await fetch('http://127.0.0.1:18741/healthz');
      expect(await health.json()).toEqual({ status: 'ok' });
      const second = ayni(['start', '--data', data, '--port', '18742', '--no-demo']);
      expect(second.status).not.toBe(0);
      expect(second.stderr).toContain(join(data, 'ayni.lock'));
      expect(second.stderr).toContain(`pid ${first.child.pid}`);
      // A command that writes is refused the same way while the server runs.
      const add = ayni([
        'user',
        'add',
        '--data',
        data,
        '--email',
        'x@y.example',
        '--org',
        'cedros',
        '--role',
        'viewer',
      ]);
      expect(add.status).not.toBe(0);
      expect(add.stderr).toContain('in use');
    } finally {
      const exited = new Promise<number | null>((resolve) => first.child.on('exit', (code) => resolve(code)));
      first.child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(existsSync(join(data, 'ayni.lock'))).toBe(false);
  }, 180_000);

  it('demo, user add with a password from stdin, user list, audit verify, backup and restore', () => {
    const data = join(dir, 'full');
    const demo = ayni(['demo', '--data', data]);
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stderr).toContain('creating the embedded database');

    const add = ayni(
      [
        'user',
        'add',
        '--data',
        data,
        '--email',
        'Tesorera@Cedros.example',
        '--org',
        'cedros',
        '--role',
        'accountant',
        '--password-stdin',
      ],
      'clave-segura-2026\n',
    );
    expect(add.status, add.stderr).toBe(0);
    expect(add.stdout).toContain('tesorera@cedros.example now has the role accountant in cedros');

    const list = ayni(['user', 'list', '--data', data, '--org', 'cedros']);
    expect(list.stdout).toMatch(/tesorera@cedros\.example\s+cedros\s+accountant/);
    expect(list.stdout).not.toContain('jumarp');

    const verify = ayni(['audit', 'verify', '--data', data]);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/cedros: ok, \d+ events/);
    expect(verify.stdout.match(/: ok,/g)).toHaveLength(11);

    const archive = join(dir, 'backup.tar.gz');
    const backup = ayni(['backup', '--data', data, '--out', archive]);
    expect(backup.status, backup.stderr).toBe(0);
    expect(existsSync(archive)).toBe(true);

    const other = join(dir, 'restored');
    const restore = ayni(['restore', archive, '--data', other]);
    expect(restore.status, restore.stderr).toBe(0);
    const restoredList = ayni(['user', 'list', '--data', other, '--org', 'cedros']);
    expect(restoredList.stdout).toContain('tesorera@cedros.example');

    const notAnArchive = ayni(['restore', join(dir, 'missing.tar.gz'), '--data', other]);
    expect(notAnArchive.status).not.toBe(0);
    expect(notAnArchive.stderr).toContain('No backup archive');
  }, 600_000); // real processes: the full demo, backup and restore, on a busy 2-core runner

  it('killing the server while it posts a settlement loses nothing and doubles nothing', async () => {
    const data = join(dir, 'killed');
    expect(ayni(['demo', '--data', data]).status).toBe(0);
    const port = 18_745;
    const url = (path: string) => `http://127.0.0.1:${port}/api/v1/orgs/selva-andina${path}`;
    const signIn = async (email: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'ayni-demo' }),
      });
      const cookie = /ayni_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      return { cookie, 'x-csrf-token': csrfToken };
    };
    const call = async (headers: Record<string, string>, method: string, path: string) => {
      const res = await fetch(url(path), { method, headers });
      return (await res.json()) as Record<string, unknown>;
    };
    type Settlement = { id: string; status: string; members: { posted: boolean }[] };

    let server = await startServer(data, port);
    const manager = await signIn('manager@selva-andina.example');
    const accountant = await signIn('accountant@selva-andina.example');
    const drafts = (await call(manager, 'GET', '/settlements')).items as { id: string; status: string }[];
    const id = drafts.find((s) => s.status === 'draft')!.id;
    await call(manager, 'POST', `/settlements/${id}/approve`);
    await call(accountant, 'POST', `/settlements/${id}/approve`);

    // Posting writes one entry per member (hundreds): the process is killed while it works.
    void fetch(url(`/settlements/${id}/post`), { method: 'POST', headers: accountant }).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 400));
    const killed = new Promise((resolve) => server.child.on('exit', resolve));
    server.child.kill('SIGKILL');
    await killed;

    server = await startServer(data, port); // the lock of the killed process is taken over
    try {
      const again = await signIn('accountant@selva-andina.example');
      const after = (await call(again, 'GET', `/settlements/${id}`)) as unknown as Settlement;
      const postedCount = after.members.filter((m) => m.posted).length;
      // all or nothing
      expect([0, after.members.length]).toContain(postedCount);
      expect(after.status).toBe(postedCount === 0 ? 'approved' : 'posted');
      const posted = (await call(again, 'POST', `/settlements/${id}/post`)) as unknown as Settlement;
      expect(posted.status).toBe('posted');
      expect(posted.members.every((m) => m.posted)).toBe(true);
      // posting again changes nothing, and the books balance
      await call(again, 'POST', `/settlements/${id}/post`);
      const trial = await call(again, 'GET', '/ledger/trial-balance');
      expect(trial.balanced).toBe(true);
    } finally {
      const exited = new Promise((resolve) => server.child.on('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
    }
    expect(ayni(['audit', 'verify', '--data', data]).status).toBe(0);
  }, 600_000);

  it('an unknown organization or role is a clear error', () => {
    const data = join(dir, 'errors');
    const badRole = ayni([
      'user',
      'add',
      '--data',
      data,
      '--email',
      'a@b.example',
      '--org',
      'cedros',
      '--role',
      'king',
    ]);
    expect(badRole.status).not.toBe(0);
    expect(badRole.stderr).toMatch(/Allowed choices are admin, manager/);
    const badOrg = ayni(
      ['user', 'add', '--data', data, '--email', 'a@b.example', '--org', 'nowhere', '--role', 'viewer'],
      'password-123\n',
    );
    expect(badOrg.status).not.toBe(0);
    expect(badOrg.stderr).toContain('nowhere');
  });
});
