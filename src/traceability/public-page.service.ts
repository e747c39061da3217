import { findLotByCode, type LotRow } from '../lots/index.js';
import type { OrgsService } from '../orgs/index.js';
import { type Actor, auditActor, findOrgBySlug } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { todayIn } from '../platform/dates.js';
import { inTransaction } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import type { Locale } from '../platform/i18n.js';
import { gatherLotTrace, type TraceData } from './trace.gather.js';
import { displayName } from './trace.service.js';
import type { LotProcess, PublicLotView } from './traceability.contract.js';
import * as q from './traceability.queries.js';

/** The short address of a lot's public page (and of its QR code). */
export const publicLotPath = (orgSlug: string, code: string) =>
  `/l/${encodeURIComponent(orgSlug)}/${encodeURIComponent(code)}`;

/** Rounded outward to 0.1° (about 11 km): the area of origin without pointing at anyone's farm. */
const down = (x: number) => Math.floor(x * 10) / 10;
const up = (x: number) => Math.ceil(x * 10 + 1e-9) / 10;

/**
 * A lot's public page: what buyers and consumers may read of a published lot with no sign-in, in aggregate.
 * No member's name or plot appears unless the member consented to show them to buyers (`member_consents`
 * kind `geolocation_to_buyers`, in force today). The cup profile is left out: the quality domain is not on
 * main yet.
 */
export function publicLotView(
  data: TraceData,
  story: { process: LotProcess; story: string | null },
): Omit<PublicLotView, 'url'> {
  const members = [...data.members.values()];
  const delivering = [...data.plots.values()];
  const plots = delivering.length > 0 ? delivering : [...data.allPlots.values()];
  const altitudes = plots.map((p) => p.altitude_m).filter((a): a is number => a !== null);
  const located = delivering.filter((p) => p.centroid_lon !== null && p.centroid_lat !== null);
  const regions = [
    ...new Set(
      members.map((m) => [m.province, m.region].filter(Boolean).join(', ')).filter((r) => r.length > 0),
    ),
  ].sort();
  const orgRegion = [data.org.province, data.org.region].filter(Boolean).join(', ');
  const dates = data.tickets.map((t) => t.delivery_date).sort();
  const consenting = new Set(members.filter((m) => m.geolocation_to_buyers).map((m) => m.key));
  return {
    orgName: data.org.name,
    orgSlug: data.org.slug,
    country: data.org.country,
    code: data.lot.code,
    product: data.lot.product,
    certificationClass: data.lot.certification_class,
    process: story.process,
    story: story.story,
    regions: regions.length > 0 ? regions : orgRegion ? [orgRegion] : [],
    altitudeMinM: altitudes.length > 0 ? Math.min(...altitudes) : null,
    altitudeMaxM: altitudes.length > 0 ? Math.max(...altitudes) : null,
    varieties: [...new Set(plots.flatMap((p) => p.varieties))].sort((a, b) => a.localeCompare(b, 'es')),
    producers: members.length,
    harvestFrom: data.lot.harvest_from ?? dates[0] ?? null,
    harvestTo: data.lot.harvest_to ?? dates.at(-1) ?? null,
    area:
      located.length > 0
        ? {
            west: down(Math.min(...located.map((p) => p.centroid_lon!))),
            south: down(Math.min(...located.map((p) => p.centroid_lat!))),
            east: up(Math.max(...located.map((p) => p.centroid_lon!))),
            north: up(Math.max(...located.map((p) => p.centroid_lat!))),
          }
        : null,
    consentedPlots: located
      .filter((p) => consenting.has(p.memberKey))
      .map((p) => ({
        producer: displayName(data.members.get(p.memberKey)!),
        plot: p.name,
        lon: Number(p.centroid_lon!.toFixed(5)),
        lat: Number(p.centroid_lat!.toFixed(5)),
      }))
      .sort((a, b) => a.producer.localeCompare(b.producer, 'es')),
  };
}

export function createPublicPageService(deps: ServiceDeps, orgs: OrgsService) {
  const { db, clock } = deps;

  async function lotIn(actor: Actor, slug: string, code: string, action: 'lots.read' | 'lots.write') {
    const access = await orgs.authorize(db, actor, slug, action);
    const lot = await findLotByCode(db, access.org.org_id, code);
    if (!lot) throw notFound('traceability.lot_not_found', { code });
    return { access, lot };
  }

  const publicationView = (
    slug: string,
    code: string,
    row: NonNullable<Awaited<ReturnType<typeof q.findPublication>>>,
  ) => ({
    code,
    process: row.process,
    storyEs: row.story_es,
    storyEn: row.story_en,
    publishedAt: new Date(row.published_at).toISOString(),
    url: publicLotPath(slug, code),
  });

  /** Publishes a lot's page (or changes what it says): people who write lots. */
  async function publish(
    actor: Actor,
    slug: string,
    code: string,
    input: { process: LotProcess; storyEs?: string | undefined; storyEn?: string | undefined },
  ) {
    return inTransaction(db, async (trx) => {
      const access = await orgs.authorize(trx, actor, slug, 'lots.write');
      const lot = await findLotByCode(trx, access.org.org_id, code);
      if (!lot) throw notFound('traceability.lot_not_found', { code });
      const at = clock.now();
      const row = await q.upsertPublication(trx, {
        org_id: access.org.org_id,
        lot_id: lot.lot_id,
        process: input.process,
        story_es: input.storyEs || null,
        story_en: input.storyEn || null,
        published_at: at,
        published_by_label: auditActor(actor).label,
      });
      await appendAudit(trx, {
        orgId: access.org.org_id,
        actor: auditActor(actor),
        action: 'lot.publish',
        entityType: 'lot',
        entityId: lot.lot_id,
        data: input,
        at,
      });
      return publicationView(slug, code, row);
    });
  }

  async function withdraw(actor: Actor, slug: string, code: string) {
    await inTransaction(db, async (trx) => {
      const access = await orgs.authorize(trx, actor, slug, 'lots.write');
      const lot = await findLotByCode(trx, access.org.org_id, code);
      if (!lot) throw notFound('traceability.lot_not_found', { code });
      await q.deletePublication(trx, access.org.org_id, lot.lot_id);
      await appendAudit(trx, {
        orgId: access.org.org_id,
        actor: auditActor(actor),
        action: 'lot.unpublish',
        entityType: 'lot',
        entityId: lot.lot_id,
        data: {},
        at: clock.now(),
      });
    });
  }

  async function publication(actor: Actor, slug: string, code: string) {
    const { access, lot } = await lotIn(actor, slug, code, 'lots.read');
    const row = await q.findPublication(db, access.org.org_id, lot.lot_id);
    if (!row) throw notFound('traceability.page_not_found');
    return publicationView(slug, code, row);
  }

  /** The page as anyone reads it, with no sign-in; 404 unless published. */
  async function publicLot(slug: string, code: string, locale: Locale): Promise<PublicLotView> {
    const org = await findOrgBySlug(db, slug);
    const lot: LotRow | undefined = org && (await findLotByCode(db, org.org_id, code));
    const row = org && lot && (await q.findPublication(db, org.org_id, lot.lot_id));
    if (!org || !lot || !row) throw notFound('traceability.page_not_found');
    const data = await gatherLotTrace(db, lot, org, todayIn(org.time_zone, clock.now()));
    const story = locale === 'en' ? (row.story_en ?? row.story_es) : (row.story_es ?? row.story_en);
    return { ...publicLotView(data, { process: row.process, story }), url: publicLotPath(slug, code) };
  }

  return { publish, withdraw, publication, publicLot };
}

export type PublicPageService = ReturnType<typeof createPublicPageService>;
