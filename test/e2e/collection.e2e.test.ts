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

  /** An active member who may deliver conventional coffee (asked with the page's own session). */
  async function deliveringMember(page: Page, skip = 0) {
    const list = (await (
      await page.request.get(`${base}/api/v1/orgs/cedros/members?status=active&limit=30`)
    ).json()) as {
      items: { memberNumber: string; givenNames: string; familyNames: string }[];
    };
    const found: (typeof list.items)[number][] = [];
    for (const m of list.items) {
      const summary = (await (
        await page.request.get(`${base}/api/v1/orgs/cedros/members/${m.memberNumber}/delivery-summary`)
      ).json()) as { canDeliver: boolean; certificationClasses: string[] };
      if (summary.canDeliver && summary.certificationClasses.includes('conventional')) found.push(m);
      if (found.length > skip) return found[skip]!;
    }
    throw new Error('no active member who may deliver conventional coffee in the demo');
  }

  type ListedTicket = {
    id: string;
    number: number;
    memberNumber: string;
    netKg: string;
    replacesTicketId: string | null;
  };
  const ticketsAt = async (page: Page) =>
    (
      (await (
        await page.request.get(`${base}/api/v1/orgs/cedros/tickets?pointCode=HUA&limit=500`)
      ).json()) as {
        items: ListedTicket[];
      }
    ).items;

  it('a cashier records a delivery with the keyboard, sees the live price, saves and gets the receipt', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-PE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await signIn(page, 'cashier@cedros.example', '/o/cedros');
    await page.getByRole('navigation', { name: 'Módulos' }).getByRole('link', { name: 'Acopio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acopio' }).waitFor();

    const member = await deliveringMember(page);
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
    await page.keyboard.press('Enter'); // sack type: Enter moves on, as Tab does
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

    // Ctrl+Enter saves from any field; the receipt follows.
    await page.keyboard.press('Control+Enter');
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

  it('offline: a saved ticket waits on the device, survives a reload, and is sent once with its number', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-PE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'cashier@cedros.example', '/o/cedros/collection');
    await page.getByRole('heading', { level: 1, name: 'Acopio' }).waitFor();
    const member = await deliveringMember(page, 1);
    const name = `${member.givenNames} ${member.familyNames}`;
    const before = (await ticketsAt(page)).length;

    // The member is found while the connection lasts; then it drops.
    await expect.poll(() => page.getByLabel('Punto de acopio').inputValue()).toBe('HUA');
    await page.getByLabel('Buscar socio').fill(member.memberNumber);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name }).waitFor();
    await context.setOffline(true);
    await page
      .getByRole('status')
      .filter({ hasText: /^Sin conexión$/ })
      .waitFor();
    await page
      .getByText('Sin conexión: el precio lo calculará el servidor cuando reciba el ticket.')
      .waitFor();
    await page.getByLabel('Clase de certificación').selectOption('conventional');
    await page.getByLabel('Sacos').fill('2');
    await page.getByLabel('Peso bruto (kg)').fill('120,5');
    await page.getByLabel('Tara (kg)').fill('0,5');
    await page.getByLabel('Humedad (%)').fill('12');
    await page.getByLabel('Rendimiento (%)').fill('78');
    // On a tablet held upright, offline.
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.screenshot({ path: join(ARTIFACTS, 'collection-desk-offline-tablet-es.png'), fullPage: true });
    await page.getByRole('button', { name: 'Guardar en este equipo' }).click();

    // Kept on the device, without a number yet, and the desk is ready for the next member.
    await page.getByText('Guardado en este equipo: pendiente de enviar').waitFor();
    const pending = page.getByRole('region', { name: 'Pendientes de enviar (1)' });
    const item = pending.getByTestId('pending-ticket');
    await item.getByText(`${member.memberNumber} · ${name}`).waitFor();
    await item.getByText('Sin número aún').waitFor();
    await pending.getByText(/el servidor lo asigna cuando llegan/).waitFor();
    await pending.getByText('Sin conexión. Se enviarán solos cuando vuelva la conexión.').waitFor();
    const search = page.getByLabel('Buscar socio');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'collection-desk-pending-es.png'), fullPage: true });

    // Reloaded while the server is still out of reach (the page loads, the tickets cannot be sent).
    await page.route('**/tickets/batch', (route) => route.abort('internetdisconnected'));
    await context.setOffline(false);
    await page.reload();
    const afterReload = page.getByRole('region', { name: 'Pendientes de enviar (1)' });
    await afterReload.getByTestId('pending-ticket').getByText('Sin número aún').waitFor();
    await afterReload.getByText(/^No se pudieron enviar: .*Se reintentará solo\.$/).waitFor();
    expect((await ticketsAt(page)).length).toBe(before);

    // Back online: the browser says so and the ticket leaves by itself, with the number it got.
    await page.unroute('**/tickets/batch');
    await context.setOffline(true);
    await context.setOffline(false);
    const sent = page.getByRole('region', { name: 'Enviados hace poco' });
    const number = `HUA-${String(before + 1).padStart(6, '0')}`;
    await sent.getByRole('link', { name: `Recibo del ticket ${number}` }).waitFor();
    await sent.getByText(`${member.memberNumber} · ${name}`).waitFor();
    expect(await page.getByRole('region', { name: /^Pendientes de enviar/ }).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'collection-desk-sent-es.png'), fullPage: true });

    // Recorded exactly once, however many times it was tried.
    const mine = (await ticketsAt(page)).filter(
      (x) => x.memberNumber === member.memberNumber && x.netKg === '120.000',
    );
    expect(mine).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a save whose answer is lost waits as pending and is recorded once, with the number it already had', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-PE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'cashier@cedros.example', '/o/cedros/collection');
    await page.getByRole('heading', { level: 1, name: 'Acopio' }).waitFor();
    const member = await deliveringMember(page, 2);
    const before = (await ticketsAt(page)).length;
    await expect.poll(() => page.getByLabel('Punto de acopio').inputValue()).toBe('HUA');
    await page.getByLabel('Buscar socio').fill(member.memberNumber);
    await page.keyboard.press('Enter');
    await page.getByLabel('Sacos').waitFor();
    await page.getByLabel('Clase de certificación').selectOption('conventional');
    await page.getByLabel('Sacos').fill('1');
    await page.getByLabel('Peso bruto (kg)').fill('33');
    await page.getByLabel('Tara (kg)').fill('0');
    await page.getByLabel('Humedad (%)').fill('12');
    await page.getByLabel('Rendimiento (%)').fill('78');
    // The server records the ticket, but its answer never reaches the desk.
    await page.route('**/api/v1/orgs/cedros/tickets', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Guardar ticket' }).click();
    await page.getByText('Guardado en este equipo: pendiente de enviar').waitFor();
    await page.unroute('**/api/v1/orgs/cedros/tickets');
    expect((await ticketsAt(page)).length).toBe(before + 1);
    // Sent again with the same id: the server answers with the ticket it already recorded.
    await page.getByRole('button', { name: 'Enviar ahora' }).click();
    const number = `HUA-${String(before + 1).padStart(6, '0')}`;
    await page
      .getByRole('region', { name: 'Enviados hace poco' })
      .getByRole('link', { name: `Recibo del ticket ${number}` })
      .waitFor();
    expect((await ticketsAt(page)).length).toBe(before + 1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a ticket refused on arrival stays with the reason, is fixed and sent', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-PE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'cashier@cedros.example', '/o/cedros/collection');
    await page.getByRole('heading', { level: 1, name: 'Acopio' }).waitFor();
    const member = await deliveringMember(page, 1);
    const before = (await ticketsAt(page)).length;
    await expect.poll(() => page.getByLabel('Punto de acopio').inputValue()).toBe('HUA');
    await page.getByLabel('Buscar socio').fill(member.memberNumber);
    await page.keyboard.press('Enter');
    await page.getByLabel('Sacos').waitFor();
    await context.setOffline(true);
    await page.getByLabel('Clase de certificación').selectOption('conventional');
    await page.getByLabel('Sacos').fill('1');
    await page.getByLabel('Peso bruto (kg)').fill('50');
    await page.getByLabel('Tara (kg)').fill('0');
    await page.getByLabel('Humedad (%)').fill('12');
    await page.getByLabel('Rendimiento (%)').fill('78');
    // More cash than the coffee is worth: only the server, pricing it, can tell.
    await page.getByLabel('Pagado en efectivo (PEN)').fill('99999');
    await page.getByRole('button', { name: 'Guardar en este equipo' }).click();
    await page.getByRole('region', { name: 'Pendientes de enviar (1)' }).waitFor();
    await context.setOffline(false);

    const item = page.getByTestId('pending-ticket');
    await item.getByText('Rechazado', { exact: true }).waitFor();
    await item.getByText(/^Pagado en efectivo: /).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'collection-desk-refused-es.png'), fullPage: true });
    await page.getByRole('button', { name: /^Corregir el ticket pendiente de / }).click();
    await page
      .getByText('Corrigiendo un ticket rechazado: al guardar, este reemplaza al pendiente.')
      .waitFor();
    await expect.poll(() => page.getByLabel('Peso bruto (kg)').inputValue()).toBe('50');
    await page.getByLabel('Pagado en efectivo (PEN)').fill('');
    await page.getByRole('button', { name: 'Guardar ticket' }).click();
    const number = `HUA-${String(before + 1).padStart(6, '0')}`;
    await page.getByRole('heading', { level: 1, name: `Recibo ${number}` }).waitFor();
    await page.getByRole('link', { name: 'Nueva entrega' }).click();
    await page.getByLabel('Buscar socio').waitFor();
    expect(await page.getByTestId('pending-ticket').count()).toBe(0);
    expect((await ticketsAt(page)).length).toBe(before + 1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a manager voids a ticket from its receipt and records the replacement at the desk', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-PE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'manager@cedros.example', '/o/cedros/collection/tickets');
    await page.getByRole('heading', { level: 1, name: 'Tickets de acopio' }).waitFor();
    const valid = (await ticketsAt(page)).find((x) => x.number === 2)!;
    const before = (await ticketsAt(page)).length;
    await page.getByRole('link', { name: 'Recibo del ticket HUA-000002' }).click();
    await page.getByRole('heading', { level: 1, name: 'Recibo HUA-000002' }).waitFor();
    await page.getByRole('button', { name: 'Anular el ticket HUA-000002' }).click();
    const dialog = page.getByRole('dialog', { name: 'Anular el ticket HUA-000002' });
    await dialog.getByLabel('Motivo de la anulación').fill('Tara mal anotada');
    await dialog.getByRole('button', { name: 'Anular y registrar el reemplazo' }).click();

    // The desk, prefilled from the voided ticket.
    await page.getByRole('heading', { name: 'Reemplazo del ticket HUA-000002' }).waitFor();
    await page
      .getByText('Anulado por: Tara mal anotada. El ticket nuevo queda enlazado al anulado.')
      .waitFor();
    await expect.poll(() => page.getByLabel('Peso bruto (kg)').inputValue()).toBe('120.5');
    await page.getByLabel('Tara (kg)').fill('1');
    await page.getByLabel('Tara (kg)').press('Control+Enter');
    const number = `HUA-${String(before + 1).padStart(6, '0')}`;
    await page.getByRole('heading', { level: 1, name: `Recibo ${number}` }).waitFor();
    await page.getByRole('link', { name: 'Reemplaza a un ticket anulado' }).waitFor();
    const replacement = (await ticketsAt(page)).find((x) => x.number === before + 1)!;
    expect(replacement.replacesTicketId).toBe(valid.id);
    expect(replacement.netKg).toBe('119.500');
    // The voided one points to its replacement and offers no second one.
    await page.getByRole('link', { name: 'Reemplaza a un ticket anulado' }).click();
    await page.getByText(`Reemplazado por el ticket ${number}`).waitFor();
    expect(
      await page.getByRole('link', { name: 'Registrar el reemplazo del ticket HUA-000002' }).count(),
    ).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opened offline: the service worker serves the app, the desk runs on saved data and its ticket leaves when the connection returns', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-PE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'cashier@cedros.example', '/o/cedros/collection');
    await page.getByRole('heading', { level: 1, name: 'Acopio' }).waitFor();
    await expect.poll(() => page.getByLabel('Punto de acopio').inputValue()).toBe('HUA');
    const member = await deliveringMember(page, 3);
    const name = `${member.givenNames} ${member.familyNames}`;
    const before = (await ticketsAt(page)).length;

    // One visit online installs the service worker; from the next load on it serves the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Acopio' }).waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // The browser is opened again with no connection at all: the app still loads.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Acopio' }).waitFor();
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'Sin conexión — trabajando con los datos guardados en este equipo.' });
    await notice.waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Sin conexión$/ })
      .waitFor();
    await expect.poll(() => page.getByLabel('Punto de acopio').inputValue()).toBe('HUA');
    await page.screenshot({ path: join(ARTIFACTS, 'collection-desk-opened-offline-es.png'), fullPage: true });

    // The member by their full number (the server checks it on arrival); any class may be chosen.
    await page.getByLabel('Buscar socio').fill(member.memberNumber);
    await page.getByLabel('Buscar socio').press('Enter');
    await page.getByLabel('Sacos').waitFor();
    await page.getByLabel('Clase de certificación').selectOption('conventional');
    await page.getByLabel('Sacos').fill('1');
    await page.getByLabel('Peso bruto (kg)').fill('41,5');
    await page.getByLabel('Tara (kg)').fill('0,5');
    await page.getByLabel('Humedad (%)').fill('12');
    await page.getByLabel('Rendimiento (%)').fill('78');
    await page.getByRole('button', { name: 'Guardar en este equipo' }).click();
    const pending = page.getByRole('region', { name: 'Pendientes de enviar (1)' });
    await pending.getByTestId('pending-ticket').getByText('Sin número aún').waitFor();
    expect((await ticketsAt(page)).length).toBe(before);

    // The connection returns: the ticket leaves by itself and comes back with its number.
    await context.setOffline(false);
    const number = `HUA-${String(before + 1).padStart(6, '0')}`;
    const sent = page.getByRole('region', { name: 'Enviados hace poco' });
    await sent.getByRole('link', { name: `Recibo del ticket ${number}` }).waitFor();
    await sent.getByText(`${member.memberNumber} · ${name}`).waitFor();
    // Once the server answers again the app is no longer on saved data.
    await notice.waitFor({ state: 'detached' });
    const mine = (await ticketsAt(page)).filter(
      (x) => x.memberNumber === member.memberNumber && x.netKg === '41.000',
    );
    expect(mine).toHaveLength(1);

    // A session that has ended is still an ended session: the sign-in page, and the saved data goes.
    await context.clearCookies();
    await page.reload();
    await page.getByRole('button', { name: 'Entrar' }).waitFor();
    const saved = await page.evaluate(() =>
      Object.keys(window.localStorage).filter((k) => k.startsWith('ayni.offline.')),
    );
    expect(saved).toEqual([]);
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
