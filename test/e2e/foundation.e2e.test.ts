import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  chromiumMissingReason,
  launchChromium,
  startWebServer,
  type WebServer,
} from './browser.js';

/**
 * A person in a real browser against the real server: sign in, switch organization, switch language,
 * at a desktop width and at 360 px. Screenshots are kept in test-artifacts/ for a human to look at.
 */
const skipReason = chromiumMissingReason();
if (skipReason) console.warn(`[ayni tests] ${skipReason}`);

describe.skipIf(Boolean(skipReason))('web app in Chromium', () => {
  let server: WebServer;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    server = await startWebServer();
    base = server.base;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the platform admin signs in, switches organization and language, and the language persists', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'es-PE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(base);
    await page.getByLabel('Correo electrónico').fill('admin@ayni.example');
    await page.getByLabel('Contraseña').fill('ayni-demo');
    await page.getByRole('button', { name: 'Entrar' }).click();

    const switcher = page.getByRole('combobox', { name: 'Organización' });
    await switcher.waitFor();
    await switcher.click();
    await switcher.fill('Cedros');
    await page.getByRole('option', { name: /CEDROS/ }).click();
    await expect.poll(() => page.url()).toContain('/o/cedros');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('CEDROS');

    // Eleven organizations in the switcher for the platform administrator.
    await switcher.click();
    await switcher.fill('');
    await expect.poll(() => page.getByRole('option').count()).toBe(11);
    await page.keyboard.press('Escape');

    await page.getByRole('navigation', { name: 'Módulos' }).getByRole('link', { name: 'Acopio' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Idioma' }).getByRole('radio', { name: 'EN' }).check();
    await page
      .getByRole('navigation', { name: 'Modules' })
      .getByRole('link', { name: 'Collection' })
      .waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.screenshot({ path: join(ARTIFACTS, 'foundation-desktop-en.png'), fullPage: true });

    await page.reload();
    await page
      .getByRole('navigation', { name: 'Modules' })
      .getByRole('link', { name: 'Collection' })
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a cooperative manager at 360 px sees only their cooperative; a foreign one is not found', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'es-PE',
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(`${base}/o/jumarp`);
    await page.getByLabel('Correo electrónico').fill('manager@cedros.example');
    await page.getByLabel('Contraseña').fill('ayni-demo');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organización no encontrada' }).waitFor();

    await page.goto(`${base}/`);
    await expect.poll(() => page.url()).toContain('/o/cedros');
    await page.getByRole('heading', { level: 1, name: /CEDROS/ }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'foundation-phone-es.png'), fullPage: true });
    await context.close();
  });

  it('a wrong password shows the server’s message', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(base);
    await page
      .getByRole('radiogroup', { name: /Idioma|Language/ })
      .getByRole('radio', { name: 'EN' })
      .check();
    await page.getByLabel('Email').fill('cashier@jumarp.example');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong email or password.');
    await context.close();
  });
});
