import { createApp } from './app.js';
import { openStore } from './cli/store.js';
import { DEMO_PASSWORD, loadDemo } from './demo/demo.js';
import { rotateSnapshot } from './platform/backup.js';
import { backupsDir, type Settings } from './platform/config.js';
import { WEB_ROOT } from './platform/paths.js';

export interface RunningServer {
  url: string;
  demoLoaded: boolean;
  close(): Promise<void>;
}

/**
 * `ayni start`: lock and open the database, migrate, load the demo into an empty database, serve.
 * Closing stops accepting requests, lets running ones finish, then closes the database and the lock.
 */
export async function startServer(
  settings: Settings,
  progress: (message: string) => void,
): Promise<RunningServer> {
  const store = await openStore(settings, { command: 'ayni start', progress });
  const { handle } = store;
  const timers: NodeJS.Timeout[] = [];
  try {
    const { http, services } = await createApp({
      db: handle.db,
      auth: { sessionHours: settings.sessionHours },
      bodyLimit: settings.bodyLimit,
      webRoot: WEB_ROOT,
      logger: { level: settings.logLevel },
      secureCookies: settings.secureCookies,
    });

    let demoLoaded = false;
    if (settings.demo) {
      const count = await handle.db
        .selectFrom('organizations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(count.n) === 0) {
        progress('loading the demo data (fictitious people; start with --no-demo to skip)…');
        await loadDemo(services, progress);
        demoLoaded = true;
      }
    }

    await http.listen({ host: settings.host, port: settings.port });
    const address = http.server.address();
    const port = typeof address === 'object' && address ? address.port : settings.port;
    const url = `http://${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${port}`;

    timers.push(setInterval(() => void services.auth.sweep().catch(() => {}), 3_600_000).unref());
    if (handle.pglite && settings.backupEveryHours > 0 && settings.backupsKept > 0) {
      const pglite = handle.pglite;
      timers.push(
        setInterval(
          () =>
            void rotateSnapshot(pglite, backupsDir(settings.dataDir), settings.backupsKept, new Date()).catch(
              (error) => http.log.error({ err: error }, 'snapshot backup failed'),
            ),
          settings.backupEveryHours * 3_600_000,
        ).unref(),
      );
    }

    let closing: Promise<void> | undefined;
    return {
      url,
      demoLoaded,
      close() {
        closing ??= (async () => {
          for (const timer of timers) clearInterval(timer);
          await http.close();
          await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    for (const timer of timers) clearInterval(timer);
    await store.close();
    throw error;
  }
}

export { DEMO_PASSWORD };
