import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/orgs/actor.js';
import { todayIn } from '../../src/platform/dates.js';
import {
  ARTIFACTS,
  chromiumMissingReason,
  launchChromium,
  signInAs,
  startWebServer,
  type WebServer,
} from './browser.js';

/**
 * Governance in a real browser against the real server and the demo: the secretary checks members in
 * at the console and watches the quorum, records a motion by show of hands and opens a secret vote; a
 * member votes from a 360 px phone and gets a receipt code, which they find in the published list
 * after the tally; the wall shows the results. Screenshots are kept in test-artifacts/.
 *
 * The assembly is convened for today, its second call a minute ago, under a statute version with no
 * notice period and a second-call quorum of one person: a real assembly is convened days ahead.
 */
const skipReason = chromiumMissingReason();
if (skipReason) console.warn(`[ayni tests] ${skipReason}`);

const SLUG = 'cecafe';
const ASSEMBLY_ID = '7b1e2a60-3c4d-4e5f-9a00-000000000001';
const PASSPHRASE = 'cafe de altura 1850';
/** Tomorrow in Lima, as YYYY-MM-DD. */
const tomorrow = () => todayIn('America/Lima', new Date(Date.now() + 86_400_000));
const MEMBER_NUMBER = '0001'; // the demo links member@<slug>.example to member 0001

describe.skipIf(Boolean(skipReason))('governance screens in Chromium', () => {
  let server: WebServer;
  let browser: Browser;
  let base: string;
  let secretary: BrowserContext;
  let console_: Page;

  beforeAll(async () => {
    server = await startWebServer(async (services) => {
      const actor = systemActor('e2e');
      const today = todayIn('America/Lima', new Date());
      await services.governance.setStatute(actor, SLUG, {
        id: '7b1e2a60-3c4d-4e5f-9a00-000000000002',
        effectiveFrom: today,
        preset: 'PE',
        params: {
          noticeDays: 0,
          secondCall: { waitMinutes: 1, shareBp: 0, minimumPresent: 1 },
        },
      });
      const now = Date.now();
      await services.governance.convene(actor, SLUG, {
        id: ASSEMBLY_ID,
        kind: 'extraordinary',
        title: 'Asamblea Extraordinaria de prueba',
        place: 'Local de la cooperativa',
        firstCallAt: new Date(now - 3 * 60_000).toISOString(),
        secondCallAt: new Date(now - 2 * 60_000).toISOString(),
        cutoffDate: today,
        agenda: ['Aprobación del plan de renovación de cafetales', 'Uso de la prima de Comercio Justo'],
      });
    });
    base = server.base;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await secretary?.close();
    await browser?.close();
    await server?.close();
  });

  const signIn = (page: Page, email: string, path: string) => signInAs(page, base, email, path);
  const shot = (page: Page, name: string, fullPage = true) =>
    page.screenshot({ path: join(ARTIFACTS, `governance-${name}.png`), fullPage });

  it('the governance home lists the assemblies and leads to the statute and the convocation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-PE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, `manager@${SLUG}.example`, `/o/${SLUG}`);
    await page.getByRole('navigation', { name: 'Módulos' }).getByRole('link', { name: 'Gobernanza' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gobernanza' }).waitFor();
    const upcoming = page.getByRole('region', { name: 'Próximas asambleas' });
    await upcoming.getByRole('link', { name: 'Asamblea Extraordinaria de prueba' }).waitFor();
    // the demo's own assembly (its date depends on when the demo database was made)
    await page.getByRole('link', { name: 'Asamblea General Ordinaria (demo)' }).waitFor();
    await shot(page, 'home-desktop-es');

    // The statute editor: plain-language numbers from the preset, saved as a new dated version; one
    // version per date (the set-up already saved today's).
    await page.getByRole('link', { name: 'Estatuto', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Estatuto' }).waitFor();
    const notice = page.getByLabel('Días de anticipación para convocar una asamblea');
    // today's version, from the set-up, is the one in force
    await page.getByText(/^Estatuto vigente desde el /).waitFor();
    expect(await notice.inputValue()).toBe('0');
    await notice.fill('15');
    await page.getByRole('button', { name: 'Guardar como nueva versión' }).click();
    await page.getByText('Ya hay una versión vigente desde esa fecha: elija otra fecha.').waitFor();
    await page.getByLabel(/^Vigente desde/).fill(tomorrow());
    await page.getByRole('button', { name: 'Guardar como nueva versión' }).click();
    await page.getByRole('status').filter({ hasText: 'Estatuto guardado' }).waitFor();
    const versions = page.getByRole('region', { name: 'Versiones registradas' });
    await expect.poll(() => versions.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
    await shot(page, 'statute-desktop-es');

    // Convening: a second call too soon after the first, for today's statute, is refused under its field.
    await page.goto(`${base}/o/${SLUG}/governance/convene`);
    await page.getByRole('heading', { level: 1, name: 'Convocar asamblea' }).waitFor();
    await page.getByLabel(/^Título/).fill('Asamblea mal convocada');
    await page.getByLabel(/^Lugar/).fill('Local de la cooperativa');
    await page.getByLabel(/^Punto 1/).fill('Informe del consejo');
    await page.getByRole('button', { name: 'Agregar punto' }).click();
    await page.getByLabel(/^Punto 2/).fill('Elección del comité electoral');
    const first = await page.getByLabel(/^Primera convocatoria/).inputValue();
    await page.getByLabel(/^Segunda convocatoria/).fill(first);
    await page.getByRole('button', { name: 'Convocar', exact: true }).click();
    await page
      .getByText('La segunda convocatoria debe ser al menos 1 minutos después de la primera.')
      .waitFor();
    await shot(page, 'convene-refused-desktop-es');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the secretary checks members in and sees the quorum, records a show of hands, opens a secret vote', async () => {
    secretary = await browser.newContext({
      viewport: { width: 1024, height: 1366 },
      locale: 'es-PE',
      hasTouch: true,
    });
    console_ = await secretary.newPage();
    const errors: string[] = [];
    console_.on('pageerror', (e) => errors.push(e.message));
    await signIn(console_, `manager@${SLUG}.example`, `/o/${SLUG}/governance/assemblies/${ASSEMBLY_ID}`);
    await console_.getByRole('heading', { level: 1, name: 'Asamblea Extraordinaria de prueba' }).waitFor();
    const quorum = console_.getByRole('region', { name: /^Quórum/ });
    await quorum.getByText('Segunda convocatoria', { exact: false }).waitFor();
    await quorum.getByText('Sin quórum: falta 1').waitFor();

    // A number that is not a member is refused with the reason; the member is checked in with Enter.
    const input = console_.getByLabel('N.º de socio');
    await input.fill('99999');
    await input.press('Enter');
    await console_.getByRole('alert').filter({ hasText: 'No registrado: N.º 99999' }).waitFor();
    await input.fill(MEMBER_NUMBER);
    await input.press('Enter');
    await console_.getByText(new RegExp(`^Registrado: .*N\\.º ${MEMBER_NUMBER}`)).waitFor();
    await quorum.getByText('Hay quórum').waitFor();
    // Checked in twice: counted once.
    await input.fill(MEMBER_NUMBER);
    await input.press('Enter');
    await console_.getByText(`N.º ${MEMBER_NUMBER} ya estaba registrado; no se cuenta dos veces.`).waitFor();

    // The agenda as convened.
    await console_
      .getByRole('region', { name: 'Agenda' })
      .getByText('Uso de la prima de Comercio Justo')
      .waitFor();

    // A motion decided by show of hands.
    const hands = console_.getByRole('region', { name: 'Votación a mano alzada' });
    await hands.getByLabel('Moción').fill('Aprobar el acta anterior');
    await hands.getByLabel('A favor').fill('1');
    await hands.getByLabel('En contra').fill('0');
    await hands.getByLabel('Abstenciones').fill('0');
    await hands.getByRole('button', { name: 'Registrar resultado' }).click();
    await hands.getByText('Resultado registrado: Aprobado.').waitFor();
    const motions = hands.getByRole('list', { name: 'Acuerdos' });
    await motions.getByText('Aprobar el acta anterior').waitFor();
    await motions.getByText('Sí 1 · No 0 · Abstención 0').waitFor();

    // A secret vote, sealed with the tellers' passphrase typed twice.
    const secret = console_.getByRole('region', { name: 'Votación secreta electrónica' });
    await secret.getByLabel('Pregunta').fill('¿Aprueba el plan de renovación de cafetales?');
    await secret.getByLabel(/^Clave de los escrutadores/).fill(PASSPHRASE);
    await secret.getByLabel('Repita la clave').fill('otra clave distinta');
    await secret.getByRole('button', { name: 'Abrir votación' }).click();
    await secret.getByText('Las dos claves no coinciden.').waitFor();
    await secret.getByLabel('Repita la clave').fill(PASSPHRASE);
    await secret.getByRole('button', { name: 'Abrir votación' }).click();
    await secret.getByText('Votación abierta: los socios ya pueden votar.').waitFor();
    await secret.getByText('0 de 1 presentes ya votaron').waitFor();
    await shot(console_, 'console-tablet-es');
    expect(errors).toEqual([]);
  });

  it('a member votes from a 360 px phone, gets a receipt code and finds it in the list after the tally', async () => {
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'es-PE',
    });
    const page = await phone.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, `member@${SLUG}.example`, `/o/${SLUG}/governance`);
    await page.getByRole('heading', { level: 1, name: 'Gobernanza' }).waitFor();
    await shot(page, 'home-phone-es');
    const card = page.getByRole('listitem').filter({ hasText: 'Asamblea Extraordinaria de prueba' });
    await card.getByRole('link', { name: 'Ver y votar' }).click();

    await page.getByText(/Su asistencia está registrada\./).waitFor();
    const vote = page.getByRole('region', { name: '¿Aprueba el plan de renovación de cafetales?' });
    await vote.getByRole('button', { name: 'Sí' }).waitFor();
    await shot(page, 'vote-choose-phone-es', false);
    await vote.getByRole('button', { name: 'Sí' }).click();
    await vote.getByRole('heading', { name: 'Confirme su voto' }).waitFor();
    await shot(page, 'vote-confirm-phone-es', false);
    await vote.getByRole('button', { name: 'Confirmar y enviar' }).click();
    const code = vote.getByTestId('receipt-code');
    await code.waitFor();
    const receipt = (await code.textContent())?.trim() ?? '';
    expect(receipt).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    await shot(page, 'vote-receipt-phone-es', false);
    // nothing on the page is wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The console sees one vote cast, and the tellers tally with their passphrase.
    const secret = console_.getByRole('region', { name: 'Votación secreta electrónica' });
    await secret.getByText('1 de 1 presentes ya votaron').waitFor({ timeout: 15_000 });
    await secret
      .getByLabel(/^Clave de los escrutadores/)
      .last()
      .fill('no es la clave');
    await secret.getByRole('button', { name: 'Cerrar y escrutar' }).click();
    await secret.getByText('La clave de los escrutadores no es correcta.').waitFor();
    await secret
      .getByLabel(/^Clave de los escrutadores/)
      .last()
      .fill(PASSPHRASE);
    await secret.getByRole('button', { name: 'Cerrar y escrutar' }).click();
    await secret.getByText('Escrutada').waitFor();
    await shot(console_, 'console-tallied-tablet-es');

    // Back on the phone: the result, and the member's code is in the published list as "Sí".
    const tallied = page.getByRole('region', { name: '¿Aprueba el plan de renovación de cafetales?' });
    await tallied.getByText('Votación cerrada', { exact: false }).waitFor({ timeout: 15_000 });
    await tallied.getByRole('button', { name: 'Buscar en la lista' }).click();
    await tallied.getByText(`Su boleta ${receipt} está en la lista: Sí.`).waitFor();
    await shot(page, 'vote-checked-phone-es');
    // The same screen in English.
    await page.getByRole('radiogroup', { name: 'Idioma' }).getByRole('radio', { name: 'EN' }).check();
    await tallied.getByRole('heading', { name: 'Check my vote' }).waitFor();
    await tallied.getByRole('button', { name: 'Look it up in the list' }).click();
    await tallied.getByText(`Your ballot ${receipt} is in the list: Yes.`).waitFor();
    await shot(page, 'vote-checked-phone-en');
    expect(errors).toEqual([]);
    await phone.close();
  });

  it('the wall shows the quorum and every result in big type, without the app around it', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'es-PE' });
    const page = await context.newPage();
    await signIn(page, `manager@${SLUG}.example`, `/o/${SLUG}/governance/assemblies/${ASSEMBLY_ID}/wall`);
    const wall = page.getByRole('region', { name: 'Asamblea Extraordinaria de prueba' });
    await wall.getByText('Hay quórum').waitFor();
    await wall.getByText('¿Aprueba el plan de renovación de cafetales?').waitFor();
    await wall.getByText('Aprobar el acta anterior').waitFor();
    await shot(page, 'wall-desktop-es', false);
    await context.close();
  });

  it('every page of the secretary fits a 360 px phone, and the console a desktop', async () => {
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'es-PE',
    });
    const page = await phone.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, `manager@${SLUG}.example`, `/o/${SLUG}/governance`);
    await page.getByRole('heading', { level: 1, name: 'Gobernanza' }).waitFor();
    const pages: [string, string, string][] = [
      ['home', '', 'Gobernanza'],
      ['convene', '/convene', 'Convocar asamblea'],
      ['statute', '/statute', 'Estatuto'],
      ['console', `/assemblies/${ASSEMBLY_ID}`, 'Asamblea Extraordinaria de prueba'],
    ];
    for (const [name, path, heading] of pages) {
      await page.goto(`${base}/o/${SLUG}/governance${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(360);
      await shot(page, `${name}-phone-manager-es`);
    }
    await page.goto(`${base}/o/${SLUG}/governance/assemblies/${ASSEMBLY_ID}/wall`);
    await page.getByRole('heading', { level: 1, name: 'Asamblea Extraordinaria de prueba' }).waitFor();
    await shot(page, 'wall-phone-es', false);
    expect(errors).toEqual([]);
    await phone.close();

    const desktop = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'es-PE' });
    const wide = await desktop.newPage();
    await signIn(wide, `manager@${SLUG}.example`, `/o/${SLUG}/governance/assemblies/${ASSEMBLY_ID}`);
    await wide.getByRole('heading', { level: 1, name: 'Asamblea Extraordinaria de prueba' }).waitFor();
    await wide.getByRole('heading', { name: 'Registro de asistencia' }).waitFor();
    await shot(wide, 'console-desktop-es');
    await desktop.close();
  });
});
