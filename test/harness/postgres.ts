import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster made with the machine's initdb and pg_ctl, for AYNI_TEST_PG=1.
 * PostgreSQL refuses to run as root, so as root the cluster is run by the `postgres` system user.
 */
export interface ThrowawayCluster {
  url: string;
  stop(): void;
}

function findBin(name: string): string {
  const candidates = [
    ...['18', '17', '16', '15'].map((v) => `/usr/lib/postgresql/${v}/bin/${name}`),
    `/usr/local/bin/${name}`,
    `/usr/bin/${name}`,
  ];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`PostgreSQL's ${name} was not found (apt-get install postgresql)`);
  return found;
}

export function postgresAvailable(): boolean {
  try {
    findBin('initdb');
    findBin('pg_ctl');
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const initdb = findBin('initdb');
  const pgCtl = findBin('pg_ctl');
  const dir = mkdtempSync(join(tmpdir(), 'ayni-pg-'));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  chmodSync(dir, 0o777);
  const run = (bin: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
    const result = spawnSync(cmd, argv, { encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`${bin} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  };
  const data = join(dir, 'data');
  run(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  run(pgCtl, [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    '-w',
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(pgCtl, ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export function postgresVersion(): string {
  return execFileSync(findBin('pg_ctl'), ['--version'], { encoding: 'utf8' }).trim();
}
