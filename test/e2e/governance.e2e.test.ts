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
 * after the tally; the wall shows the results. Then a proxy is registered at the console, an election
 * of the Board is set up (an ineligible candidate refused with the statute's reason, eligible ones
 * added), opened, voted from the phone and tallied. Screenshots are kept in test-artifacts/.
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
const ELECTION_PASSPHRASE = 'escrutinio del consejo 2026';

interface DemoMember {
  number: string;
  name: string;
}
/** Found in the demo at set-up: one member the statute refuses as a candidate, three it accepts. */
const cast: { ineligible: DemoMember; eligible: DemoMember[] } = {
  ineligible: { number: '', name: '' },
  eligible: [],
};

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
      // candidates for the Board: the statute's own answer on a sample of the demo's members
      const sample = await services.deps.db
        .selectFrom('members')
        .innerJoin('organizations', 'organizations.org_id', 'members.org_id')
        .select(['members.member_number', 'members.given_names', 'members.family_names'])
        .where('organizations.slug', '=', SLUG)
        .where('members.member_number', '<>', MEMBER_NUMBER)
        .orderBy('members.member_number')
        .limit(60)
        .execute();
      const checked = await services.organs.checkCandidates(actor, SLUG, ASSEMBLY_ID, {
        organ: 'board',
        termStartsOn: today,
        memberNumbers: sample.map((m) => m.member_number),
      });
      const member = (number: string): DemoMember => {
        const m = sample.find((x) => x.member_number === number)!;
        return { number, name: `${m.given_names} ${m.family_names}` };
      };
      const refused = checked.find((c) => c.reasons.includes('not_in_good_standing'));
      const accepted = checked.filter((c) => c.reasons.length === 0).slice(0, 3);
      if (!refused || accepted.length < 3) throw new Error('the demo has no members to stand for election');
      cast.ineligible = member(refused.memberNumber);
      cast.eligible = accepted.map((c) => member(c.memberNumber));
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
    await upcoming.getByRole('link', { name: 'Asamblea Extraordinaria de prueba', exact: true }).waitFor();
    // the demo's own assembly (its date depends on when the demo database was made)
    await page.getByRole('link', { name: 'Asamblea General Ordinaria (demo)', exact: true }).waitFor();
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
    await page.getByText(/^La segunda convocatoria debe ser al menos 1 minuto/).waitFor();
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
    const input = console_.getByLabel('N.º de socio', { exact: true });
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
    await console_
      .getByText(new RegExp(`N\\.º ${MEMBER_NUMBER}\\) ya estaba registrado; no se cuenta dos veces\\.`))
      .waitFor();

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
    // back to Spanish (the member's choice is kept for their next visit)
    await page.getByRole('radiogroup', { name: 'Language' }).getByRole('radio', { name: 'ES' }).check();
    await tallied.getByRole('heading', { name: 'Comprobar mi voto' }).waitFor();
    expect(errors).toEqual([]);
    await phone.close();
  });

  it('a proxy is registered, the Board is elected by secret ballot from a phone, and the results show the elected', async () => {
    const errors: string[] = [];
    console_.on('pageerror', (e) => errors.push(e.message));
    const [candidateA, candidateB, grantor] = cast.eligible as [DemoMember, DemoMember, DemoMember];

    // Proxies: a member in the room cannot give a proxy; one who is away gives it to member 0001.
    const proxies = console_.getByRole('region', { name: 'Poderes' });
    await proxies.getByLabel(/^Socio que da el poder/).fill(MEMBER_NUMBER);
    await proxies.getByLabel(/^Socio que lo representa/).fill(grantor.number);
    await proxies.getByRole('button', { name: 'Registrar poder' }).click();
    await proxies
      .getByRole('alert')
      .filter({ hasText: `El socio N.º ${MEMBER_NUMBER} está presente: vota en persona.` })
      .waitFor();
    await proxies.getByLabel(/^Socio que da el poder/).fill(grantor.number);
    await proxies.getByLabel(/^Socio que lo representa/).fill(MEMBER_NUMBER);
    await proxies.getByLabel(/^Referencia de la carta poder/).fill('Carta poder legalizada 118');
    await proxies.getByRole('button', { name: 'Registrar poder' }).click();
    await proxies.getByText(/^Poder registrado: .* representa a /).waitFor();
    await proxies
      .getByRole('list', { name: 'Poderes registrados' })
      .getByText(`${grantor.name} (N.º ${grantor.number})`, { exact: false })
      .waitFor();
    const quorum = console_.getByRole('region', { name: /^Quórum/ });
    await quorum.getByText('1 en persona · 1 con poder').waitFor();

    // A new election: the ineligible candidate shows the statute's reason as soon as they are added,
    // and the server refuses the election with the reason next to them.
    const elections = console_.getByRole('region', { name: 'Elecciones' });
    const form = elections.getByRole('region', { name: 'Nueva elección' });
    await form.getByLabel('Órgano').selectOption({ label: 'Consejo de Administración' });
    await form.getByLabel('Cargos a elegir').fill('1');
    await form.getByLabel('Suplentes').fill('1');
    const candidates = form.getByRole('list', { name: 'Candidatos' });
    const number = form.getByLabel(/^N\.º de socio del candidato/);
    await number.fill(cast.ineligible.number);
    await number.press('Enter');
    const refusedRow = candidates.getByRole('listitem').filter({ hasText: `N.º ${cast.ineligible.number}` });
    await refusedRow.getByText('No es socio hábil.').waitFor();
    await form.getByRole('button', { name: 'Crear la elección' }).click();
    await form.getByRole('alert').filter({ hasText: 'La elección no se creó' }).waitFor();
    await refusedRow.getByText(`El socio N.º ${cast.ineligible.number} no es socio hábil.`).waitFor();
    await shot(console_, 'election-refused-tablet-es');
    await form.screenshot({ path: join(ARTIFACTS, 'governance-election-form-refused-tablet-es.png') });
    await refusedRow
      .getByRole('button', { name: `Quitar al candidato N.º ${cast.ineligible.number}` })
      .click();
    for (const c of [candidateA, candidateB]) {
      await number.fill(c.number);
      await form.getByRole('button', { name: 'Agregar', exact: true }).click();
      await candidates
        .getByRole('listitem')
        .filter({ hasText: `N.º ${c.number}` })
        .getByText('Puede postular')
        .waitFor();
    }
    await form.getByRole('button', { name: 'Crear la elección' }).click();
    await form.getByText('Elección del Consejo de Administración creada con 2 candidatos.').waitFor();

    // Opened with the tellers' passphrase typed twice; the console counts the ballots live.
    const election = elections.getByRole('article', { name: 'Elección: Consejo de Administración' });
    await election.getByText(`1. ${candidateA.name} (N.º ${candidateA.number})`).waitFor();
    await election.getByLabel(/^Clave de los escrutadores/).fill(ELECTION_PASSPHRASE);
    await election.getByLabel('Repita la clave').fill(ELECTION_PASSPHRASE);
    await election.getByRole('button', { name: 'Abrir la elección' }).click();
    await election.getByText('Votación abierta').waitFor();
    await election.getByText('0 de 2 presentes ya votaron').waitFor();
    await shot(console_, 'election-open-tablet-es');

    // The member's phone: their own ballot, and a separate one for the member whose proxy they hold.
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'es-PE',
    });
    const page = await phone.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, `member@${SLUG}.example`, `/o/${SLUG}/governance/assemblies/${ASSEMBLY_ID}/vote`);
    const ballot = page.getByRole('region', { name: 'Elección: Consejo de Administración', exact: true });
    await ballot.getByText('Marque 1 candidato como máximo').waitFor();
    await page
      .getByRole('region', { name: `Votar por ${grantor.name} (poder) Elección: Consejo de Administración` })
      .getByRole('button', { name: 'Votar en blanco' })
      .waitFor();
    await ballot.getByRole('checkbox', { name: candidateA.name }).click();
    await ballot.getByText('Marcados: 1 de 1').waitFor();
    // the seat is taken: the other candidate cannot be marked too
    expect(await ballot.getByRole('checkbox', { name: candidateB.name }).isDisabled()).toBe(true);
    await shot(page, 'election-ballot-phone-es', false);
    await ballot.getByRole('button', { name: 'Continuar' }).click();
    await ballot.getByRole('heading', { name: 'Confirme su voto' }).waitFor();
    await ballot.getByText(candidateA.name).waitFor();
    await shot(page, 'election-confirm-phone-es', false);
    await ballot.getByRole('button', { name: 'Confirmar y enviar' }).click();
    const code = ballot.getByTestId('receipt-code');
    await code.waitFor();
    const receipt = (await code.textContent())?.trim() ?? '';
    expect(receipt).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(page, 'election-receipt-phone-es');

    // The tellers tally; the results name the elected.
    await election.getByText('1 de 2 presentes ya votaron').waitFor({ timeout: 15_000 });
    await election.getByLabel(/^Clave de los escrutadores/).fill(ELECTION_PASSPHRASE);
    await election.getByRole('button', { name: 'Cerrar y escrutar' }).click();
    const results = election.getByRole('table', { name: 'Resultados' });
    await results.getByRole('row').filter({ hasText: candidateA.name }).getByText('Elegido').waitFor();
    await results.getByRole('row').filter({ hasText: candidateB.name }).getByText('No elegido').waitFor();
    await shot(console_, 'election-tallied-tablet-es');
    await elections.screenshot({ path: join(ARTIFACTS, 'governance-election-panel-tablet-es.png') });
    await proxies.screenshot({ path: join(ARTIFACTS, 'governance-proxies-tablet-es.png') });

    // Back on the phone: the result and the member's ballot found in the published list.
    const tallied = page.getByRole('region', { name: 'Elección: Consejo de Administración', exact: true });
    await tallied.getByText('Elección escrutada').waitFor({ timeout: 15_000 });
    await tallied.getByRole('button', { name: 'Buscar en la lista' }).click();
    await tallied.getByText(`Su cédula ${receipt} está en la lista, con: 1. ${candidateA.name}.`).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(page, 'election-checked-phone-es');
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
    const board = wall.getByRole('listitem').filter({ hasText: cast.eligible[0]!.name });
    await board.getByText(/Elegido$/).waitFor();
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
