import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, WEB_ROOT } from '../../src/platform/paths.js';

/**
 * What the browser tests need besides a database: the system's Chromium and the built web app. Also
 * the `e2e` project's first global set-up, so a missing build stops the run at once with what to do,
 * instead of every test waiting out its timeouts on a 404 page while the database template is built.
 * (No `vitest` import here: global set-ups run outside the test runner.)
 */

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

const WEB_SOURCES = join(PACKAGE_ROOT, 'src', 'web');
const WEB_INDEX = join(WEB_ROOT, 'index.html');

/** Why the browser tests cannot run, when the web app was never built. */
export function webBuildMissingReason(): string | undefined {
  return existsSync(WEB_INDEX)
    ? undefined
    : `no web build at ${WEB_INDEX}: run \`npm run build:web\` first (\`npm test\` builds it when stale)`;
}

/** The newest modification time of any file under `dir`. */
function newestUnder(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** A build older than the web sources tests yesterday's screens: worth saying, not fatal. */
export function webBuildStaleWarning(): string | undefined {
  if (!existsSync(WEB_INDEX) || !existsSync(WEB_SOURCES)) return undefined;
  return newestUnder(WEB_SOURCES) > statSync(WEB_INDEX).mtimeMs
    ? `the web build (${WEB_INDEX}) is older than src/web: the browser tests run the old screens; ` +
        'run `npm run build:web` (npm test does it)'
    : undefined;
}

export default function setup() {
  // Without Chromium the browser tests skip themselves, each saying why: a build is not needed then.
  if (chromiumMissingReason()) return;
  const missing = webBuildMissingReason();
  if (missing) throw new Error(`[ayni tests] ${missing}`);
  const stale = webBuildStaleWarning();
  if (stale) console.warn(`[ayni tests] ${stale}`);
}
