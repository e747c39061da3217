import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/orgs/actor.js';
import {
  ARTIFACTS,
  chromiumMissingReason,
  launchChromium,
  signInAs,
  startWebServer,
  type WebServer,
} from './browser.js';

/**
 * Collection and accounts in a real browser against the real server and the demo: a cashier records a
 * delivery with the keyboard, sees the live price and prints the receipt; an accountant sees the trial
 * balance balanced. Screenshots are kept in test-artifacts/ for a human to look at.
 */
const skipReason = chromiumMissingReason();
if (skipReason) console.warn(`[ayni tests] ${skipReason}`);

describe.skipIf(Boolean(skipReason))('collection and accounts screens in Chromium', () => {
  let server: WebServer;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    server = await startWebServer(async (services) => {
      // The demo has no collection points or prices: a manager would set them up first.
      const actor = systemActor('e2e');
      await services.collection.createPoint(actor, 'cedros', {
        id: '6a4f0c1e-5b1d-4c1a-9f00-000000000001',
        code: 'HUA',
        name: 'Huabal',
      });
      await services.collection.createSchedule(actor, 'cedros', {
        id: '6a4f0c1e-5b1d-4c1a-9f00-000000000002',
        effectiveFrom: '2026-01-01',
        coffeeState: 'dry_parchment',
        certificationClass: 'conventional',
        basePricePerKg: '12.00',
        moistureReferencePercent: '12',
        yield: { kind: 'points', referencePercent: '78', perPoint: '0.10' },
      });
    });
    base = server.base;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = (page: Page, email: string, path: string) => signInAs(page, base, email, path);

  it('a cashier records a delivery with the keyboard, sees the live price, saves and gets the receipt', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-PE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await signIn(page, 'cashier@cedros.example', '/o/cedros');
    await page.getByRole('navigation', { name: 'Módulos' }).getByRole('link', { name: 'Acopio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acopio' }).waitFor();

    // An active member who may deliver conventional coffee (asked with the cashier's own session).
    const list = (await (
      await page.request.get(`${base}/api/v1/orgs/cedros/members?status=active&limit=30`)
    ).json()) as {
      items: { memberNumber: string; givenNames: string; familyNames: string }[];
    };
    let member: (typeof list.items)[number] | undefined;
    for (const m of list.items) {
      const summary = (await (
        await page.request.get(`${base}/api/v1/orgs/cedros/members/${m.memberNumber}/delivery-summary`)
      ).json()) as { canDeliver: boolean; certificationClasses: string[] };
      if (summary.canDeliver && summary.certificationClasses.includes('conventional')) {
        member = m;
        break;
      }
    }
    if (!member) throw new Error('no active member who may deliver conventional coffee in the demo');
    const name = `${member.givenNames} ${member.familyNames}`;

    // The only point is chosen by itself; the search box has the focus.
    await expect.poll(() => page.getByLabel('Punto de acopio').inputValue()).toBe('HUA');
    const search = page.getByLabel('Buscar socio');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    // Number and Enter at typing speed: the desk picks the member when the search answers.
    await page.keyboard.type(member.memberNumber);
    await page.keyboard.press('Enter');

    // The member's summary: the classes they may deliver into and the year's quota.
    await page.getByRole('heading', { name }).waitFor();
    await page.getByText('Puede entregar como').waitFor();
    await page.getByRole('progressbar', { name: 'Cuota del año' }).waitFor({ state: 'attached' });

    // Focus is on the first field; the rest is typed with Tab between fields.
    const state = page.getByLabel('Estado del café');
    await expect.poll(() => state.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => page.getByLabel('Clase de certificación').inputValue()).toBe('conventional');
    await page.keyboard.press('Tab'); // class
    await page.keyboard.press('Tab'); // sacks
    await page.keyboard.type('3');
    await page.keyboard.press('Tab'); // sack type
    await page.keyboard.type('yute');
    await page.keyboard.press('Tab'); // gross
    await page.keyboard.type('182,5');
    await page.keyboard.press('Tab'); // tare
    await page.keyboard.type('1,5');
    await page.keyboard.press('Tab'); // moisture
    await page.keyboard.type('13');
    await page.keyboard.press('Tab'); // yield
    await page.keyboard.type('80');

    await expect.poll(() => page.getByTestId('net-kg').textContent()).toBe('181 kg');
    // 181 kg at 13 % moisture (reference 12 %) = 178.943 payable kg; 80 % yield adds 2 points × 0.10.
    await expect.poll(() => page.getByTestId('price-value').textContent()).toMatch(/2,183\.11/);
    const explanation = page.getByRole('list', { name: 'Cómo se calcula' });
    await explanation.getByText(/^Humedad 13\.00 %/).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'collection-desk-desktop-es.png'), fullPage: true });

    // Enter saves; the receipt follows.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Recibo HUA-000001' }).waitFor();
    await page.getByRole('status').getByText('Ticket HUA-000001 guardado.').waitFor();
    const receipt = page.getByRole('region', { name: 'Vista previa del recibo' });
    await receipt.getByText(`${member.memberNumber} · ${name}`).waitFor();
    await receipt.getByText('S/ 2,183.11').first().waitFor();
    await receipt.getByText(/^Valor: 178\.943 kg × PEN 12\.20/).waitFor();
    expect(await receipt.locator('[data-layout="80mm"]').count()).toBe(1);
    // Just saved: the focus is on Print, so the cashier's next Enter prints.
    const print = page.getByRole('button', { name: 'Imprimir' });
    await expect.poll(() => print.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'collection-receipt-80mm-es.png'), fullPage: true });

    // Printing shows the receipt alone: no navigation, no buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Imprimir' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Módulos' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // The ticket is in the list.
    await page.getByRole('link', { name: 'Volver a los tickets' }).click();
    const table = page.getByRole('table', { name: 'Tickets de acopio' });
    await table.getByRole('link', { name: 'Recibo del ticket HUA-000001' }).waitFor();
    // A cashier may not void.
    expect(await page.getByRole('button', { name: 'Anular el ticket HUA-000001' }).count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('a manager voids the ticket with a reason; the receipt says ANULADO', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-PE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'manager@cedros.example', '/o/cedros/collection/tickets');
    await page.getByRole('heading', { level: 1, name: 'Tickets de acopio' }).waitFor();
    await page.getByRole('button', { name: 'Anular el ticket HUA-000001' }).click();
    const dialog = page.getByRole('dialog', { name: 'Anular el ticket HUA-000001' });
    // No reason, no voiding.
    await dialog.getByRole('button', { name: 'Anular ticket' }).click();
    await dialog.getByText('Este campo es obligatorio.').waitFor();
    await dialog.getByLabel('Motivo de la anulación').fill('Peso mal leído en la balanza');
    await dialog.getByRole('button', { name: 'Anular ticket' }).click();
    await page.getByText('Ticket HUA-000001 anulado.').waitFor();
    await page.getByRole('link', { name: 'Recibo del ticket HUA-000001' }).click();
    const receipt = page.getByRole('region', { name: 'Vista previa del recibo' });
    await receipt.getByText('ANULADO', { exact: true }).waitFor();
    await receipt.getByText('Motivo: Peso mal leído en la balanza').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an accountant sees the trial balance balanced', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-PE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'accountant@cedros.example', '/o/cedros/accounts');
    await page.getByRole('heading', { level: 1, name: 'Cuentas' }).waitFor();
    const table = page.getByRole('table', { name: 'Balance de comprobación' });
    await table.getByRole('row').nth(1).waitFor();
    await page.getByText('Cuadrado', { exact: true }).waitFor();
    const totals = table.getByRole('row', { name: /^Totales/ });
    const cells = await totals.getByRole('cell').allTextContents();
    expect(cells).toHaveLength(2);
    expect(cells[0]).toBe(cells[1]);
    await page.screenshot({ path: join(ARTIFACTS, 'accounts-trial-balance-desktop-es.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
