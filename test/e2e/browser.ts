import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createApp, type Services } from '../../src/app.js';
import { PACKAGE_ROOT, WEB_ROOT } from '../../src/platform/paths.js';
import { openTestDatabase } from '../harness/context.js';

/** The system's Chromium (Debian's package), never a downloaded one. */
export const CHROMIUM_PATH = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].find((p) => existsSync(p));

export function chromiumMissingReason(): string | undefined {
  return CHROMIUM_PATH
    ? undefined
    : 'no Chromium at /usr/bin/chromium (apt-get install chromium): browser tests skipped';
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH!,
    headless: true,
    // Without the background-networking flags Chromium keeps dialing out on a closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const WEB_SOURCES = join(PACKAGE_ROOT, 'src', 'web');
const WEB_INDEX = join(WEB_ROOT, 'index.html');

/** The newest modification time of any file under `dir`. */
function newestUnder(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Why the browser tests cannot run, when the web app was never built: without it the server answers
 * 404 for every page and each test would wait out its timeouts looking for the sign-in form.
 */
export function webBuildMissingReason(): string | undefined {
  return existsSync(WEB_INDEX)
    ? undefined
    : `no web build at ${WEB_INDEX}: run \`npm run build:web\` first (\`npm test\` builds it when stale)`;
}

let staleWarned = false;
/** A build older than the web sources tests yesterday's screens: said once, not fatal. */
function warnIfStale() {
  if (staleWarned || !existsSync(WEB_SOURCES)) return;
  staleWarned = true;
  if (newestUnder(WEB_SOURCES) > statSync(WEB_INDEX).mtimeMs)
    console.warn(
      `[ayni tests] the web build (${WEB_INDEX}) is older than src/web: these browser tests run the old ` +
        'screens; run `npm run build:web` (npm test does it)',
    );
}

/** Where browser tests leave their screenshots for a person to look at. */
export const ARTIFACTS = join(PACKAGE_ROOT, 'test-artifacts');

export interface WebServer {
  base: string;
  services: Services;
  close(): Promise<void>;
}

/**
 * The real server with the built web app on a free port, over a copy of the demo database. `prepare`
 * runs before it listens, for what a person would have set up first (a collection point, prices).
 */
export async function startWebServer(prepare?: (services: Services) => Promise<void>): Promise<WebServer> {
  const missing = webBuildMissingReason();
  if (missing) throw new Error(`[ayni tests] ${missing}`);
  warnIfStale();
  mkdirSync(ARTIFACTS, { recursive: true });
  const handle = await openTestDatabase();
  const { http, services } = await createApp({ db: handle.db, webRoot: WEB_ROOT });
  await prepare?.(services);
  await http.listen({ host: '127.0.0.1', port: 0 });
  const address = http.server.address();
  return {
    base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    services,
    async close() {
      await http.close();
      await handle.close();
    },
  };
}

/** Signs in through the sign-in page (Spanish labels), landing on `path`. */
export async function signInAs(page: Page, base: string, email: string, path = '/') {
  await page.goto(`${base}${path}`);
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill('ayni-demo');
  await page.getByRole('button', { name: 'Entrar' }).click();
}
