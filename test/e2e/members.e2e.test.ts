import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  chromiumMissingReason,
  launchChromium,
  signInAs,
  startWebServer,
  type WebServer,
} from './browser.js';

/**
 * The social base in a real browser against the real server and the demo register: a manager finds a
 * member without typing accents, opens the record with its plots on the map and its status history;
 * a member sees only their own record. Screenshots are kept in test-artifacts/ for a human to look at.
 */
const skipReason = chromiumMissingReason();
if (skipReason) console.warn(`[ayni tests] ${skipReason}`);

describe.skipIf(Boolean(skipReason))('social base screens in Chromium', () => {
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

  const signIn = (page: Page, email: string, path: string) => signInAs(page, base, email, path);

  it('a manager searches without accents, opens a member, sees the plots on the map and the history', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-PE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await signIn(page, 'manager@cedros.example', '/o/cedros');
    await page.getByRole('navigation', { name: 'Módulos' }).getByRole('link', { name: 'Socios' }).click();
    await page.getByRole('heading', { level: 1, name: 'Socios' }).waitFor();
    const table = page.getByRole('table', { name: 'Lista de socios' });
    await table.getByRole('row').nth(1).waitFor();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'en el padrón' }).textContent())
      .toMatch(/^\d+ socios en el padrón$/);
    await page.screenshot({ path: join(ARTIFACTS, 'members-list-desktop-es.png'), fullPage: false });

    // "nunez" finds the Nuñez family: the search ignores accents and capitals.
    await page.getByLabel('Buscar socio').fill('nunez');
    await expect.poll(() => page.url()).toContain('q=nunez');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'coincide' }).textContent())
      .toMatch(/^\d+ socios? coincide/);
    const names = await table.getByRole('link').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toContain('Nuñez');

    // open the first of them: the list shows "Family names, Given names", the page "Given names Family names"
    const [family, given] = names[0]!.split(', ');
    await table.getByRole('link', { name: names[0]! }).first().click();
    await page.getByRole('heading', { level: 1, name: `${given} ${family}` }).waitFor();
    expect(page.url()).toMatch(/\/o\/cedros\/members\/\d+$/);

    // Plots: the map (MapLibre, loaded on demand) draws on a canvas; the table lists the same plots.
    const map = page.getByRole('region', { name: 'Mapa de las parcelas del socio' });
    await map.locator('canvas').waitFor();
    await expect
      .poll(() => page.getByRole('table', { name: 'Parcelas del socio' }).getByRole('row').count())
      .toBeGreaterThan(1);

    // The status history says who changed what, when and why.
    const history = page.getByRole('region', { name: 'Historial de estado' });
    await history.getByText(/^Ingresó como /).waitFor();
    await history
      .getByText(/^Registrado por .+ el /)
      .first()
      .waitFor();

    // A manager may act on the record.
    await page.getByRole('link', { name: 'Editar datos' }).waitFor();
    await page.getByRole('button', { name: 'Cambiar estado' }).waitFor();
    await page.waitForTimeout(500); // let the map finish drawing for the screenshot
    await page.screenshot({ path: join(ARTIFACTS, 'members-detail-desktop-es.png'), fullPage: true });

    expect(errors).toEqual([]);
    await context.close();
  });

  it('the social-base dashboard draws its charts and offers the CSV', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-PE' });
    const page = await context.newPage();
    await signIn(page, 'manager@cedros.example', '/o/cedros/members/dashboard');
    await page.getByRole('heading', { level: 1, name: 'Resumen de la base social' }).waitFor();
    await page.getByRole('heading', { name: 'Socios por sexo y edad' }).waitFor();
    await page.getByRole('button', { name: 'Exportar CSV' }).waitFor();
    expect(await page.locator('figure svg[role="img"]').count()).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: join(ARTIFACTS, 'members-dashboard-desktop-es.png'), fullPage: true });
    await context.close();
  });

  it('a central sees the dashboard over the cooperatives that shared their members with it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-PE' });
    const page = await context.newPage();
    await signIn(page, 'manager@cocla.example', '/o/cocla');
    await page.getByRole('navigation', { name: 'Módulos' }).getByRole('link', { name: 'Socios' }).click();
    await page.getByRole('heading', { level: 1, name: 'Resumen de la base social' }).waitFor();
    expect(page.url()).toContain('/o/cocla/members/dashboard');
    const coops = page.getByRole('table', { name: 'Por cooperativa' });
    await coops.getByRole('row').nth(1).waitFor();
    expect(await coops.getByRole('row').count()).toBeGreaterThan(1);
    await context.close();
  });

  it('a manager imports a spreadsheet: the dry run shows the errors by row, a clean file is imported', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-PE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'manager@cedros.example', '/o/cedros/members/import');
    await page.getByRole('heading', { level: 1, name: 'Importar desde una planilla' }).waitFor();

    const header = 'N° socio;Apellidos y nombres;DNI;Sexo;Caserío';
    const file = (rows: string[]) => ({
      name: 'padron.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${[header, ...rows].join('\n')}\n`, 'utf8'),
    });
    // Row 3 has no comma between family and given names: an error on the spreadsheet's row 3.
    await page
      .locator('input[type=file]')
      .setInputFiles(
        file([
          'E2E-1;YUPANQUI QUISPE, Teodora;47111001;F;La Palma',
          'E2E-2;CHAVEZ TORRES Elmer;47111002;M;Huabal',
        ]),
      );
    await page.getByRole('heading', { name: 'Resultado de la revisión' }).waitFor();
    const errorTable = page.getByRole('table', { name: 'Errores en 1 fila' });
    await errorTable.getByRole('cell', { name: '3', exact: true }).waitFor();
    const commit = page.getByRole('button', { name: /^Importar \d+ filas?$/ });
    expect(await commit.isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Elegir otro archivo' }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles(
        file([
          'E2E-1;YUPANQUI QUISPE, Teodora;47111001;F;La Palma',
          'E2E-2;CHAVEZ TORRES, Elmer;47111002;M;Huabal',
        ]),
      );
    await page.getByRole('heading', { name: 'Resultado de la revisión' }).waitFor();
    await page.getByRole('button', { name: 'Importar 2 filas' }).click();
    await page.getByRole('heading', { name: 'Importación terminada' }).waitFor();

    await page.getByRole('link', { name: 'Ver el padrón' }).click();
    await page.getByLabel('Buscar socio').fill('yupanqui');
    await page
      .getByRole('table', { name: 'Lista de socios' })
      .getByRole('link', { name: 'Yupanqui Quispe, Teodora' })
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a member sees only “Mi registro”: their own record, never the register', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'es-PE',
      isMobile: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // The register's address takes a member to their own record.
    await signIn(page, 'member@cedros.example', '/o/cedros/members');
    await page.getByRole('heading', { level: 1, name: 'Mi registro' }).waitFor();
    expect(page.url()).toContain('/o/cedros/me');
    await page
      .getByText(/^N° \d+$/)
      .first()
      .waitFor();
    await page.getByRole('heading', { name: 'Parcelas' }).waitFor();
    await page.getByRole('heading', { name: 'Certificaciones' }).waitFor();

    await page.getByRole('button', { name: 'Mostrar u ocultar el menú de navegación' }).click();
    const nav = page.getByRole('navigation', { name: 'Módulos' });
    await nav.getByRole('link', { name: 'Mi registro' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Socios' }).count()).toBe(0);
    await page.keyboard.press('Escape');

    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a 360 px phone the register is a list of cards that fits the screen', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'es-PE',
      isMobile: true,
    });
    const page = await context.newPage();
    await signIn(page, 'manager@cedros.example', '/o/cedros/members');
    const list = page.getByRole('list', { name: 'Lista de socios' });
    await list.getByRole('link').first().waitFor();
    expect(await page.getByRole('table', { name: 'Lista de socios' }).count()).toBe(0);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'members-list-phone-es.png'), fullPage: false });
    await context.close();
  });
});
