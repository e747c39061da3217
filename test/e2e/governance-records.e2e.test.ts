import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/orgs/actor.js';
import { demoId } from '../../src/orgs/orgs.demo.js';
import {
  ARTIFACTS,
  chromiumMissingReason,
  launchChromium,
  signInAs,
  startWebServer,
  type WebServer,
} from './browser.js';

/**
 * The governance records in a real browser against the real server and the demo: the organs with their
 * holders and the warning of a term about to end; the signed minutes of last year's assembly; the
 * secretary writing the minutes of the next assembly (saved, a stale save refused and reloaded,
 * approved with a book number, the signatures of the paper book recorded until they are signed); the
 * scorecard of a cooperative, and the comparison a program sees. Screenshots go to test-artifacts/.
 */
const skipReason = chromiumMissingReason();
if (skipReason) console.warn(`[ayni tests] ${skipReason}`);

const SLUG = 'cecafe';
/** The next ordinary assembly the demo convened: its minutes are not written yet. */
const NEXT_ASSEMBLY_ID = demoId(`assembly:${SLUG}`);

describe.skipIf(Boolean(skipReason))('governance records in Chromium', () => {
  let server: WebServer;
  let browser: Browser;
  let base: string;
  /** The year of the demo's past ordinary assembly (the demo database is dated when it was built). */
  let pastYear: number;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startWebServer();
    base = server.base;
    const past = await server.services.deps.db
      .selectFrom('assemblies')
      .innerJoin('organizations', 'organizations.org_id', 'assemblies.org_id')
      .select('assemblies.title')
      .where('organizations.slug', '=', SLUG)
      .where('assemblies.title', 'like', 'Asamblea General Ordinaria 2%')
      .executeTakeFirstOrThrow();
    pastYear = Number(past.title.slice(-4));
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  const open = async (width: number, height: number) => {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'es-PE' });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  };
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `governance-records-${name}.png`), fullPage: true });

  it('the organs page shows the board with its positions and warns of a term about to end', async () => {
    const { page, errors } = await open(1280, 900);
    await signInAs(page, base, `manager@${SLUG}.example`, `/o/${SLUG}/governance`);
    await page.getByRole('heading', { level: 1, name: 'Gobernanza' }).waitFor();
    await page.getByRole('link', { name: 'Órganos de gobierno: cargos, periodos y vacantes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Órganos de gobierno' }).waitFor();
    const board = page.getByRole('region', { name: 'Consejo de Administración' });
    const inOffice = board.getByRole('list', { name: 'En el cargo' });
    await inOffice.getByText('Presidente(a)', { exact: true }).waitFor();
    await inOffice.getByText('Secretario(a)', { exact: true }).waitFor();
    await inOffice.getByText('Tesorero(a)', { exact: true }).waitFor();
    expect(await inOffice.getByText(/^Socio N\.º /).count()).toBeGreaterThanOrEqual(5);
    // the electoral committee's term ends 60 days after the demo was made: by now it is either about to
    // end or over (its seats vacant), and the warning says which
    await page
      .getByText(/^Comité Electoral: (el periodo de .+ termina el .+|\d+ cargos? vacantes?\.)$/)
      .first()
      .waitFor();
    // the board elected at last year's assembly replaced the previous one, kept in the history
    await board.getByRole('button', { name: /^Ver periodos anteriores/ }).click();
    await board
      .getByRole('list', { name: 'Periodos anteriores' })
      .getByText('Presidente(a)')
      .first()
      .waitFor();
    await shot(page, 'organs-desktop-es');

    // the manager assigns a position: the vice-president becomes a plain member (vocal) and back
    const vice = inOffice.getByRole('listitem').filter({ hasText: 'Vicepresidente(a)' }).first();
    const name = (await vice.locator('p').first().textContent()) ?? '';
    await vice.getByRole('button', { name: 'Cambiar cargo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Cargo').selectOption('member');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('status').filter({ hasText: 'Cargo actualizado.' }).waitFor();
    await expect.poll(() => inOffice.getByText('Vicepresidente(a)', { exact: true }).count()).toBe(0);
    const again = inOffice.getByRole('listitem').filter({ hasText: name }).first();
    await again.getByRole('button', { name: 'Cambiar cargo' }).click();
    await page.getByRole('dialog').getByLabel('Cargo').selectOption('vice_president');
    await page.getByRole('dialog').getByRole('button', { name: 'Guardar' }).click();
    await inOffice.getByText('Vicepresidente(a)', { exact: true }).waitFor();

    // recording a term for someone who cannot hold it is refused with the statute's reasons
    await page.getByRole('button', { name: 'Registrar un cargo' }).click();
    const appoint = page.getByRole('dialog');
    await appoint.getByLabel('Órgano').selectOption('education');
    await appoint.getByLabel(/^N\.º de socio/).fill('99999');
    await appoint.getByRole('button', { name: 'Registrar', exact: true }).click();
    await appoint.getByRole('alert').waitFor();
    await appoint.getByRole('button', { name: 'Cancelar' }).click();
    expect(errors).toEqual([]);

    const phone = await open(360, 780);
    await signInAs(phone.page, base, `manager@${SLUG}.example`, `/o/${SLUG}/governance/organs`);
    await phone.page.getByRole('heading', { level: 1, name: 'Órganos de gobierno' }).waitFor();
    await phone.page.getByRole('region', { name: 'Consejo de Administración' }).waitFor();
    await shot(phone.page, 'organs-phone-es');
    expect(phone.errors).toEqual([]);
  });

  it('the minutes of last year’s assembly show their book number and every signature', async () => {
    const { page, errors } = await open(1280, 900);
    await signInAs(page, base, `manager@${SLUG}.example`, `/o/${SLUG}/governance`);
    await page
      .getByRole('region', { name: 'Asambleas pasadas' })
      .getByRole('link', { name: `Acta de Asamblea General Ordinaria ${pastYear}` })
      .click();
    await page
      .getByRole('heading', { level: 1, name: `Acta: Asamblea General Ordinaria ${pastYear}` })
      .waitFor();
    await page.getByText(/^Acta N\.º \d+ del libro$/).waitFor();
    await page.getByText('Firmada', { exact: true }).first().waitFor();
    const signatures = page.getByRole('region', { name: 'Firmas' });
    await signatures.getByText('1 de 1').first().waitFor();
    await signatures.getByText('3 de 3').waitFor();
    expect(await signatures.getByText(/firma en el libro/).count()).toBe(5);
    // approved: read, not edited
    expect(await page.getByRole('textbox', { name: 'Texto' }).count()).toBe(0);
    await page.getByText('La asamblea agradeció el trabajo del Consejo saliente.').waitFor();
    const pdf = page.getByRole('link', { name: 'Ver PDF' });
    expect(await pdf.getAttribute('href')).toMatch(/\/minutes\.pdf$/);
    await shot(page, 'minutes-signed-desktop-es');
    expect(errors).toEqual([]);

    const phone = await open(360, 780);
    await signInAs(phone.page, base, `manager@${SLUG}.example`, page.url().replace(base, ''));
    await phone.page.getByText(/^Acta N\.º \d+ del libro$/).waitFor();
    await shot(phone.page, 'minutes-signed-phone-es');
  });

  it('the secretary writes, saves, reloads after a stale save, approves and records the signatures', async () => {
    const { page, errors } = await open(1280, 900);
    const path = `/o/${SLUG}/governance/assemblies/${NEXT_ASSEMBLY_ID}/minutes`;
    await signInAs(page, base, `manager@${SLUG}.example`, path);
    await page.getByRole('heading', { level: 1, name: 'Acta: Asamblea General Ordinaria (demo)' }).waitFor();
    await page.getByText('Sin guardar', { exact: true }).waitFor();
    const text = page.getByRole('textbox', { name: 'Texto' });
    const draft = await text.inputValue();
    expect(draft.length).toBeGreaterThan(20);
    await text.fill(`${draft}\n\n# Acuerdos\nSe aprobó el plan de renovación de cafetales.`);
    // nothing saved yet: it cannot be approved
    expect(await page.getByRole('button', { name: 'Aprobar el acta' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Guardar versión' }).click();
    await page.getByRole('status').filter({ hasText: 'Acta guardada (versión 1).' }).waitFor();
    await page.getByText('Versión 1', { exact: true }).waitFor();
    await shot(page, 'minutes-draft-desktop-es');

    // someone else saves version 2 meanwhile: this editor's save is refused, and it reloads
    await server.services.minutes.saveMinutes(
      systemActor('e2e'),
      SLUG,
      NEXT_ASSEMBLY_ID,
      { body: `${draft}\n\nTexto revisado por el presidente.`, baseVersion: 1 },
      'es',
    );
    await text.fill(`${await text.inputValue()}\nUna línea más.`);
    await page.getByRole('button', { name: 'Guardar versión' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Otra persona guardó el acta' });
    await conflict.waitFor();
    await conflict.getByText(/versión 2/).waitFor();
    await shot(page, 'minutes-conflict-desktop-es');
    await conflict.getByRole('button', { name: 'Recargar el acta' }).click();
    await expect.poll(() => text.inputValue()).toContain('Texto revisado por el presidente.');
    await page.getByText('Versión 2', { exact: true }).waitFor();

    // approve, after a confirmation: the book's next number, and no more editing
    await page.getByRole('button', { name: 'Aprobar el acta' }).click();
    const confirm = page.getByRole('dialog', { name: '¿Aprobar el acta?' });
    await confirm.getByText(/ya no se podrá editar/).waitFor();
    await confirm.getByRole('button', { name: 'Sí, aprobar' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Acta aprobada: N\.º \d+ del libro\./ })
      .waitFor();
    await page.getByText('Aprobada, faltan firmas', { exact: true }).waitFor();
    await page.getByText(/^Acta N\.º \d+ del libro$/).waitFor();
    expect(await page.getByRole('textbox', { name: 'Texto' }).count()).toBe(0);

    // the signatures made in the paper book, by name
    const signatures = page.getByRole('region', { name: 'Firmas' });
    const form = signatures.getByRole('form', { name: 'Registrar una firma del libro de actas' });
    const sign = async (role: string, name: string) => {
      await form.getByLabel('Firma como').selectOption(role);
      await form.getByLabel('Nombre de quien firmó').fill(name);
      await form.getByRole('button', { name: 'Registrar firma' }).click();
      await expect.poll(() => signatures.getByText(`✓ ${name}`, { exact: false }).count()).toBe(1);
    };
    await sign('president', 'Rosa Huamán Quispe');
    await shot(page, 'minutes-signing-desktop-es');
    await sign('secretary', 'Julio Tapia Ruiz');
    await sign('designated', 'María Flores Díaz');
    await sign('designated', 'Pedro Vílchez Cruz');
    await form.getByLabel('Firma como').selectOption('designated');
    await form.getByLabel('Nombre de quien firmó').fill('Ana Campos Rojas');
    await form.getByRole('button', { name: 'Registrar firma' }).click();
    await page.getByRole('status').filter({ hasText: 'el acta ya tiene todas las firmas' }).waitFor();
    await page.getByText('Firmada', { exact: true }).first().waitFor();
    expect(await signatures.getByRole('form').count()).toBe(0);
    await shot(page, 'minutes-signed-now-desktop-es');
    expect(errors).toEqual([]);

    const phone = await open(360, 780);
    await signInAs(phone.page, base, `manager@${SLUG}.example`, path);
    await phone.page.getByText('Firmada', { exact: true }).first().waitFor();
    await shot(phone.page, 'minutes-phone-es');
  });

  it('the oversight reports are listed and a new one is recorded', async () => {
    const { page, errors } = await open(1280, 900);
    // the oversight council files its own reports (the board it oversees cannot)
    await signInAs(page, base, `oversight@${SLUG}.example`, `/o/${SLUG}/governance/reports`);
    await page.getByRole('heading', { level: 1, name: 'Informes del Consejo de Vigilancia' }).waitFor();
    await page
      .getByRole('heading', { name: /^Informe del Consejo de Vigilancia al / })
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Registrar informe' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Periodo que informa, hasta/).fill(`${pastYear}-09-30`);
    await dialog.getByLabel(/^Fecha en que se presentó/).fill(`${pastYear}-09-01`);
    await dialog.getByLabel(/^Título/).fill('Informe trimestral de vigilancia');
    await dialog.getByRole('button', { name: 'Registrar', exact: true }).click();
    await dialog.getByText('Un informe se presenta después de terminar el periodo que informa.').waitFor();
    await dialog.getByLabel(/^Fecha en que se presentó/).fill(`${pastYear}-10-15`);
    await dialog.getByRole('button', { name: 'Registrar', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Informe registrado.' }).waitFor();
    await page.getByRole('heading', { name: 'Informe trimestral de vigilancia' }).waitFor();
    await shot(page, 'reports-desktop-es');
    expect(errors).toEqual([]);

    const phone = await open(360, 780);
    await signInAs(phone.page, base, `manager@${SLUG}.example`, `/o/${SLUG}/governance/reports`);
    await phone.page.getByRole('heading', { name: 'Informe trimestral de vigilancia' }).waitFor();
    await shot(phone.page, 'reports-phone-es');
  });

  it('the scorecard of a cooperative says each indicator in plain words', async () => {
    const { page, errors } = await open(1280, 900);
    await signInAs(page, base, `manager@${SLUG}.example`, `/o/${SLUG}/governance`);
    await page.getByRole('link', { name: 'Indicadores de buen gobierno del año' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indicadores de buen gobierno' }).waitFor();
    await page.getByLabel('Año', { exact: true }).selectOption(String(pastYear));
    const attendance = page.getByRole('listitem').filter({ hasText: 'Asistencia a la asamblea' });
    await attendance.getByText(/de los socios hábiles asistieron \(\d+ de \d+\); meta: más de 50/).waitFor();
    const held = page.getByRole('listitem').filter({ hasText: 'Asamblea ordinaria a tiempo' });
    await held.getByText(/^La asamblea ordinaria se realizó el /).waitFor();
    await held.getByText('Cumple', { exact: true }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Mujeres en los órganos' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Actas firmadas a tiempo' }).waitFor();
    expect(await page.getByRole('img').count()).toBeGreaterThanOrEqual(4);
    await shot(page, 'scorecard-desktop-es');
    expect(errors).toEqual([]);

    const phone = await open(360, 780);
    await signInAs(phone.page, base, `manager@${SLUG}.example`, `/o/${SLUG}/governance/scorecard`);
    await phone.page.getByLabel('Año', { exact: true }).selectOption(String(pastYear));
    await phone.page.getByText(/de los socios hábiles asistieron/).waitFor();
    await shot(phone.page, 'scorecard-phone-es');
  });

  it('a program compares the cooperatives that shared their governance', async () => {
    const { page, errors } = await open(1280, 900);
    await signInAs(page, base, 'manager@cafe-selva-norte.example', '/o/cafe-selva-norte/governance');
    await page.getByRole('heading', { level: 1, name: 'Indicadores de buen gobierno' }).waitFor();
    await page.getByLabel('Año', { exact: true }).selectOption(String(pastYear));
    const table = page.getByRole('table').filter({ hasText: 'Cooperativa' }).first();
    await table.getByRole('rowheader', { name: 'Cooperativa Agraria Cafetalera CECAFE (demo)' }).waitFor();
    await table.getByRole('rowheader', { name: 'Cooperativa Origin Coffee (demo)' }).waitFor();
    expect(await table.getByRole('rowheader').count()).toBe(5);
    await page.getByRole('figure', { name: 'Asistencia a la asamblea' }).waitFor();
    await shot(page, 'scorecard-program-desktop-es');
    expect(errors).toEqual([]);

    const phone = await open(360, 780);
    await signInAs(phone.page, base, 'manager@cafe-selva-norte.example', '/o/cafe-selva-norte/governance');
    await phone.page.getByRole('figure', { name: 'Asistencia a la asamblea' }).waitFor();
    await shot(phone.page, 'scorecard-program-phone-es');
  });
});
