import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createApp, type Services } from '../../src/app.js';
import { PACKAGE_ROOT, WEB_ROOT } from '../../src/platform/paths.js';
import {
  CHROMIUM_PATH,
  chromiumMissingReason,
  webBuildMissingReason,
} from '../harness/browser-prerequisites.js';
import { openTestDatabase } from '../harness/context.js';

export { CHROMIUM_PATH, chromiumMissingReason };

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
  // Also checked by the e2e project's global set-up; here for a test file run some other way.
  const missing = webBuildMissingReason();
  if (missing) throw new Error(`[ayni tests] ${missing}`);
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
