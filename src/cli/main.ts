import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { createServices } from '../app.js';
import { DEMO_PASSWORD, loadDemo } from '../demo/demo.js';
import { isRole, listAllOrgs, listUsersWithOrgs, ROLES, systemActor } from '../orgs/index.js';
import { verifyAuditChain } from '../platform/audit.js';
import { restoreBackup, timestampForFile, writeBackup } from '../platform/backup.js';
import { pgdataDir, resolveSettings, type SettingFlags } from '../platform/config.js';
import { DataFolderLockedError, lockDataFolder } from '../platform/datafolder.js';
import { AppError } from '../platform/errors.js';
import { translate } from '../platform/i18n.js';
import { PACKAGE_VERSION } from '../platform/paths.js';
import { startServer } from '../server.js';
import { openStore } from './store.js';

/** The `ayni` command. Messages go to stderr as progress, results to stdout. */

const progress = (message: string) => process.stderr.write(`ayni: ${message}\n`);

function databaseOptions(command: Command): Command {
  return command
    .addOption(new Option('--data <dir>', 'embedded database folder (default ./ayni-data)').env('AYNI_DATA'))
    .addOption(
      new Option('--database-url <url>', 'PostgreSQL ≥ 15 server instead of the embedded database').env(
        'DATABASE_URL',
      ),
    );
}

function settingsFrom(opts: SettingFlags) {
  return resolveSettings(opts);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function buildCli(): Command {
  const program = new Command('ayni')
    .description('Ayni — software that coffee cooperatives run themselves')
    .version(PACKAGE_VERSION)
    .showHelpAfterError();

  databaseOptions(
    program
      .command('start')
      .description('serve the API and the web app (loads the demo into an empty database)'),
  )
    .addOption(
      new Option('--port <port>', 'port to listen on (default 8080; PORT is read too)').env('AYNI_PORT'),
    )
    .addOption(new Option('--host <host>', 'address to listen on (default 127.0.0.1)').env('AYNI_HOST'))
    .option('--no-demo', 'do not load the demo data into an empty database')
    .action(async (opts: SettingFlags) => {
      const settings = settingsFrom(opts);
      const server = await startServer(settings, progress);
      process.stdout.write(`\nAyni ${PACKAGE_VERSION} is running at ${server.url}\n`);
      process.stdout.write(`API documentation: ${server.url}/api/docs\n`);
      if (settings.demo) {
        process.stdout.write(
          `Demo sign-in: admin@ayni.example or <role>@<org>.example (e.g. manager@cedros.example), password ${DEMO_PASSWORD}\n`,
        );
      }
      process.stdout.write('Press Ctrl+C to stop.\n');
      const stop = (signal: string) => {
        progress(`${signal}: stopping…`);
        server.close().then(
          () => process.exit(0),
          (error: unknown) => {
            progress(`error while stopping: ${(error as Error).message}`);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });

  databaseOptions(program.command('migrate').description('apply pending database migrations')).action(
    async (opts: SettingFlags) => {
      const store = await openStore(settingsFrom(opts), { command: 'ayni migrate', progress });
      await store.close();
      process.stdout.write('The database is up to date.\n');
    },
  );

  databaseOptions(
    program.command('demo').description('load the demo organizations and users into an empty database'),
  ).action(async (opts: SettingFlags) => {
    const store = await openStore(settingsFrom(opts), { command: 'ayni demo', progress });
    try {
      await loadDemo(createServices({ db: store.handle.db }), progress);
      process.stdout.write(`Demo loaded. Sign in as admin@ayni.example, password ${DEMO_PASSWORD}.\n`);
    } finally {
      await store.close();
    }
  });

  const user = program.command('user').description('people and their roles');
  databaseOptions(
    user.command('add').description('give a person a role in an organization, creating the account if new'),
  )
    .requiredOption('--email <email>', 'their email, used to sign in')
    .requiredOption('--org <slug>', 'organization')
    .addOption(new Option('--role <role>', 'role in that organization').choices(ROLES).makeOptionMandatory())
    .option('--name <name>', 'name shown in the app')
    .option('--password-stdin', 'read the new account’s password from standard input (else one is generated)')
    .action(
      async (
        opts: SettingFlags & {
          email: string;
          org: string;
          role: string;
          name?: string;
          passwordStdin?: boolean;
        },
      ) => {
        if (!isRole(opts.role)) throw new Error(`unknown role ${opts.role}`);
        let password = opts.passwordStdin ? await readStdin() : undefined;
        const generated = password === undefined;
        password ??= randomBytes(12).toString('base64url');
        const store = await openStore(settingsFrom(opts), { command: 'ayni user add', progress });
        try {
          const { orgs } = createServices({ db: store.handle.db });
          const result = await orgs.addUserRole(systemActor('cli'), opts.org, {
            email: opts.email,
            role: opts.role,
            password,
            ...(opts.name && { displayName: opts.name }),
          });
          const what = result.addedRole
            ? `now has the role ${opts.role}`
            : `already had the role ${opts.role}`;
          process.stdout.write(`${result.email} ${what} in ${opts.org}.\n`);
          if (result.createdUser && generated)
            process.stdout.write(`New account; its password (shown once): ${password}\n`);
          if (!result.createdUser && opts.passwordStdin)
            process.stdout.write('The account existed: its password was not changed.\n');
        } finally {
          await store.close();
        }
      },
    );

  databaseOptions(user.command('list').description('list accounts and their roles'))
    .option('--org <slug>', 'only this organization')
    .action(async (opts: SettingFlags & { org?: string }) => {
      const store = await openStore(settingsFrom(opts), { command: 'ayni user list', progress });
      try {
        const orgId = opts.org
          ? (await listAllOrgs(store.handle.db)).find((o) => o.slug === opts.org)?.org_id
          : undefined;
        if (opts.org && !orgId)
          throw new AppError('not_found', 'org.not_found', { params: { slug: opts.org } });
        const rows = await listUsersWithOrgs(store.handle.db, orgId);
        const lines = rows.map((r) => [
          r.email,
          r.slug ?? (r.is_platform_admin ? '(platform)' : '-'),
          r.role ?? (r.is_platform_admin ? 'platform-admin' : '-'),
        ]);
        const width = lines.reduce((w, l) => Math.max(w, l[0]!.length), 5);
        process.stdout.write(`${'EMAIL'.padEnd(width)}  ORGANIZATION            ROLE\n`);
        for (const [email, org, role] of lines)
          process.stdout.write(`${email!.padEnd(width)}  ${org!.padEnd(22)}  ${role}\n`);
        process.stdout.write(`${new Set(rows.map((r) => r.user_id)).size} accounts\n`);
      } finally {
        await store.close();
      }
    });

  databaseOptions(
    program
      .command('import')
      .description(
        'import members or plots from a CSV, XLSX or GeoJSON file: checks every row, then writes all or nothing',
      )
      .argument('<what>', 'members, plots or plots-geojson')
      .argument('<file>', 'the spreadsheet or GeoJSON file'),
  )
    .requiredOption('--org <slug>', 'cooperative')
    .option('--dry-run', 'only check the file and report; write nothing')
    .option('--sheet <name>', 'XLSX: the sheet to read (default: the first with data)')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['es', 'en']).default('es'))
    .action(
      async (
        what: string,
        file: string,
        opts: SettingFlags & { org: string; dryRun?: boolean; sheet?: string; lang: 'es' | 'en' },
      ) => {
        if (!['members', 'plots', 'plots-geojson'].includes(what))
          throw new Error(`unknown import "${what}": use members, plots or plots-geojson`);
        const bytes = new Uint8Array(readFileSync(resolve(file)));
        const store = await openStore(settingsFrom(opts), { command: 'ayni import', progress });
        try {
          const { imports } = createServices({ db: store.handle.db });
          const result = await imports.importFile(systemActor('cli'), opts.org, bytes, {
            kind: what as 'members' | 'plots' | 'plots-geojson',
            dryRun: Boolean(opts.dryRun),
            ...(opts.sheet && { sheetName: opts.sheet }),
            onProgress: (done, total, phase) => progress(`${phase}: ${done}/${total} rows`),
          });
          const say = (line: string) => process.stdout.write(`${line}\n`);
          if (result.missingRequired.length > 0) {
            for (const field of result.missingRequired)
              say(
                translate(opts.lang, 'import.missing_column', {
                  field: translate(opts.lang, `import.field.${field}`),
                }),
              );
            process.exitCode = 1;
            return;
          }
          for (const e of result.errors)
            say(`row ${e.row}, ${e.field}: ${translate(opts.lang, e.code, e.params)}`);
          for (const w of result.warnings)
            say(`row ${w.row}, ${w.field} (warning): ${translate(opts.lang, w.code, w.params)}`);
          say(
            `${result.totalRows} rows: ${result.validRows} valid, ${result.errorRows} with errors; ` +
              `${result.toCreate} to create, ${result.toUpdate} to update, ${result.unchanged} unchanged.`,
          );
          if (result.committed) say(`Imported: ${result.created} created, ${result.updated} updated.`);
          else if (!opts.dryRun) say(translate(opts.lang, 'import.not_committed'));
          if (result.errorRows > 0) process.exitCode = 1;
        } finally {
          await store.close();
        }
      },
    );

  databaseOptions(
    program.command('export').description('export data for other tools').argument('<what>', 'ledger'),
  )
    .requiredOption('--org <slug>', 'organization')
    .addOption(new Option('--format <format>', 'file format').choices(['hledger']).default('hledger'))
    .option('--out <file>', 'file to write (default: standard output)')
    .action(async (what: string, opts: SettingFlags & { org: string; format: string; out?: string }) => {
      if (what !== 'ledger') throw new Error(`unknown export "${what}": use ledger`);
      const store = await openStore(settingsFrom(opts), { command: 'ayni export', progress, migrate: false });
      try {
        const services = createServices({ db: store.handle.db });
        const org = (await listAllOrgs(store.handle.db)).find((o) => o.slug === opts.org);
        if (!org) throw new AppError('not_found', 'org.not_found', { params: { slug: opts.org } });
        const journal = await services.ledger.exportHledger(org.org_id);
        if (opts.out) {
          writeFileSync(resolve(opts.out), journal);
          progress(`ledger written to ${resolve(opts.out)} (check it with: hledger -f ${opts.out} balance)`);
        } else process.stdout.write(journal);
      } finally {
        await store.close();
      }
    });

  const audit = program.command('audit').description('the audit trail');
  databaseOptions(
    audit
      .command('verify')
      .description('recompute each organization’s hash chain and name the first broken link'),
  )
    .option('--org <slug>', 'only this organization')
    .action(async (opts: SettingFlags & { org?: string }) => {
      const store = await openStore(settingsFrom(opts), {
        command: 'ayni audit verify',
        progress,
        migrate: false,
      });
      try {
        const all = await listAllOrgs(store.handle.db);
        const orgs = opts.org ? all.filter((o) => o.slug === opts.org) : all;
        if (opts.org && orgs.length === 0)
          throw new AppError('not_found', 'org.not_found', { params: { slug: opts.org } });
        let broken = 0;
        for (const [i, org] of orgs.entries()) {
          const verdict = await verifyAuditChain(store.handle.db, org.org_id);
          const tag = `[${i + 1}/${orgs.length}] ${org.slug}`;
          if (verdict.ok) process.stdout.write(`${tag}: ok, ${verdict.events} events\n`);
          else {
            broken++;
            process.stdout.write(
              `${tag}: BROKEN at event ${verdict.firstBroken!.seq} (${verdict.firstBroken!.reason}); ${verdict.events} events before it hold\n`,
            );
          }
        }
        if (broken > 0) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });

  program
    .command('backup')
    .description('write the embedded database to one archive file (.tar.gz)')
    .addOption(new Option('--data <dir>', 'embedded database folder (default ./ayni-data)').env('AYNI_DATA'))
    .option('--out <file>', 'archive to write', '')
    .action(async (opts: { data?: string; out: string }) => {
      if (process.env.DATABASE_URL)
        throw new Error(
          'With a PostgreSQL server, back up with pg_dump: ayni backup is for the embedded database.',
        );
      const settings = settingsFrom({ data: opts.data });
      const out = resolve(opts.out || `ayni-backup-${timestampForFile(new Date())}.tar.gz`);
      const store = await openStore(settings, { command: 'ayni backup', progress, migrate: false });
      try {
        mkdirSync(dirname(out), { recursive: true });
        progress(`writing ${out}…`);
        const { bytes } = await writeBackup(store.handle.pglite!, out);
        process.stdout.write(`Backup written: ${out} (${(bytes / 1_048_576).toFixed(1)} MiB)\n`);
      } finally {
        await store.close();
      }
    });

  program
    .command('restore')
    .description(
      'replace the embedded database with an archive made by ayni backup (the old one is kept aside)',
    )
    .argument('<file>', 'archive to restore')
    .addOption(new Option('--data <dir>', 'embedded database folder (default ./ayni-data)').env('AYNI_DATA'))
    .action(async (file: string, opts: { data?: string }) => {
      const settings = settingsFrom({ data: opts.data });
      const lock = lockDataFolder(settings.dataDir, 'ayni restore');
      try {
        progress(`checking and restoring ${file}…`);
        const { movedAside } = await restoreBackup(resolve(file), pgdataDir(settings.dataDir), new Date());
        process.stdout.write(`Restored ${file} into ${settings.dataDir}.\n`);
        if (movedAside) process.stdout.write(`The previous database was kept in ${movedAside}.\n`);
      } finally {
        lock.release();
      }
    });

  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    if (error instanceof DataFolderLockedError) {
      progress(error.message);
    } else if (error instanceof AppError) {
      progress(translate('en', error.code, error.params));
    } else {
      progress((error as Error).message ?? String(error));
    }
    process.exitCode = process.exitCode || 1;
  }
}
