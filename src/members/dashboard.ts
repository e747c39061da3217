/**
 * The social-base dashboard's arithmetic, pure: raw counts from the database in, the figures a board
 * or a program looks at out. Shares are basis points (10 000 = 100 %), rounded half up, so every
 * figure is an integer a person can check by hand.
 */

export const AGE_GROUPS = ['<30', '30-44', '45-59', '60+', 'unknown'] as const;
/** Farm and coffee area buckets in hectares: smallholders dominate (REFERENCE.md §7: 45 % < 1 ha). */
export const AREA_BUCKETS = [
  { key: '0', label: 'sin parcelas', maxM2: 0 },
  { key: '<1', label: '< 1 ha', maxM2: 9_999 },
  { key: '1-3', label: '1–3 ha', maxM2: 29_999 },
  { key: '3-5', label: '3–5 ha', maxM2: 49_999 },
  { key: '5-10', label: '5–10 ha', maxM2: 99_999 },
  { key: '>=10', label: '≥ 10 ha', maxM2: Number.POSITIVE_INFINITY },
] as const;

export const CURRENT_STATUSES = ['applicant', 'active', 'suspended'] as const;

/** part / whole in basis points, rounded half up; 0 when there is no whole. */
export function shareBp(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.floor((part * 10_000 * 2 + whole) / (2 * whole));
}

export function areaBucket(m2: number): string {
  return AREA_BUCKETS.find((b) => m2 <= b.maxM2)!.key;
}

export interface DashboardInput {
  byStatus: { org_id: string; status: string; n: number }[];
  bySexAndAge: { org_id: string; sex: string | null; age_group: string; n: number }[];
  joins: { year: string; n: number }[];
  withdrawals: { year: string; n: number }[];
  areas: { org_id: string; farm_m2: number; coffee_m2: number }[];
  certifications: { org_id: string; scheme: string; certified: number; in_conversion: number }[];
  inspectionsDue: number;
  orgs: { org_id: string; slug: string; name: string }[];
}

export function buildDashboard(input: DashboardInput) {
  const current = (orgId?: string) =>
    input.byStatus
      .filter(
        (r) => (!orgId || r.org_id === orgId) && (CURRENT_STATUSES as readonly string[]).includes(r.status),
      )
      .reduce((sum, r) => sum + Number(r.n), 0);
  const women = (orgId?: string) =>
    input.bySexAndAge
      .filter((r) => (!orgId || r.org_id === orgId) && r.sex === 'female')
      .reduce((s, r) => s + Number(r.n), 0);
  const young = (orgId?: string) =>
    input.bySexAndAge
      .filter((r) => (!orgId || r.org_id === orgId) && r.age_group === '<30')
      .reduce((s, r) => s + Number(r.n), 0);
  const certified = (orgId?: string) => {
    // members holding any certification; schemes overlap, so take the largest scheme as a floor
    const bySchemes = input.certifications.filter((c) => !orgId || c.org_id === orgId);
    const perOrg = new Map<string, number>();
    for (const c of bySchemes)
      perOrg.set(
        c.org_id,
        Math.max(perOrg.get(c.org_id) ?? 0, Number(c.certified) + Number(c.in_conversion)),
      );
    return [...perOrg.values()].reduce((s, n) => s + n, 0);
  };

  const members = current();
  const statusTotals = new Map<string, number>();
  for (const r of input.byStatus) statusTotals.set(r.status, (statusTotals.get(r.status) ?? 0) + Number(r.n));

  const pyramid = AGE_GROUPS.map((ageGroup) => {
    const rows = input.bySexAndAge.filter((r) => r.age_group === ageGroup);
    const sum = (sex: string | null) =>
      rows.filter((r) => r.sex === sex).reduce((s, r) => s + Number(r.n), 0);
    return { ageGroup, female: sum('female'), male: sum('male'), unknown: sum(null) };
  });

  const years = [
    ...new Set([...input.joins.map((j) => j.year), ...input.withdrawals.map((w) => w.year)]),
  ].sort();
  const countIn = (rows: { year: string; n: number }[], year: string) =>
    Number(rows.find((r) => r.year === year)?.n ?? 0);

  const buckets = (pick: (a: DashboardInput['areas'][number]) => number) =>
    AREA_BUCKETS.map((b) => ({
      bucket: b.key,
      members: input.areas.filter((a) => areaBucket(Number(pick(a))) === b.key).length,
    }));

  const schemes = [...new Set(input.certifications.map((c) => c.scheme))].sort();
  return {
    cooperatives: input.orgs.map((o) => ({
      slug: o.slug,
      name: o.name,
      members: current(o.org_id),
      womenShareBp: shareBp(women(o.org_id), current(o.org_id)),
      youthShareBp: shareBp(young(o.org_id), current(o.org_id)),
      certifiedShareBp: shareBp(certified(o.org_id), current(o.org_id)),
    })),
    totals: {
      members,
      active: statusTotals.get('active') ?? 0,
      women: women(),
      youngUnder30: young(),
      womenShareBp: shareBp(women(), members),
      youthShareBp: shareBp(young(), members),
      inspectionsDue: input.inspectionsDue,
    },
    byStatus: ['applicant', 'active', 'suspended', 'withdrawn', 'deceased'].map((status) => ({
      status,
      count: statusTotals.get(status) ?? 0,
    })),
    bySexAndAge: pyramid,
    joinsAndWithdrawals: years.map((year) => ({
      year: Number(year),
      joins: countIn(input.joins, year),
      withdrawals: countIn(input.withdrawals, year),
    })),
    farmSize: buckets((a) => a.farm_m2),
    coffeeArea: buckets((a) => a.coffee_m2),
    certifications: schemes.map((scheme) => {
      const rows = input.certifications.filter((c) => c.scheme === scheme);
      const c = rows.reduce((s, r) => s + Number(r.certified), 0);
      const ic = rows.reduce((s, r) => s + Number(r.in_conversion), 0);
      return { scheme, certified: c, inConversion: ic, coverageBp: shareBp(c + ic, members) };
    }),
  };
}

export type SocialBaseDashboard = ReturnType<typeof buildDashboard>;

/** The dashboard as CSV rows (section, key, value): what the "export" button downloads. */
export function dashboardRows(d: SocialBaseDashboard): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const [key, value] of Object.entries(d.totals)) rows.push(['totals', key, value]);
  for (const r of d.byStatus) rows.push(['status', r.status, r.count]);
  for (const r of d.bySexAndAge) {
    rows.push(
      ['sex_age', `${r.ageGroup} female`, r.female],
      ['sex_age', `${r.ageGroup} male`, r.male],
      ['sex_age', `${r.ageGroup} unknown`, r.unknown],
    );
  }
  for (const r of d.joinsAndWithdrawals)
    rows.push(['joins', r.year, r.joins], ['withdrawals', r.year, r.withdrawals]);
  for (const r of d.farmSize) rows.push(['farm_size_ha', r.bucket, r.members]);
  for (const r of d.coffeeArea) rows.push(['coffee_area_ha', r.bucket, r.members]);
  for (const r of d.certifications)
    rows.push(
      [`certification ${r.scheme}`, 'certified', r.certified],
      [`certification ${r.scheme}`, 'in_conversion', r.inConversion],
      [`certification ${r.scheme}`, 'coverage_bp', r.coverageBp],
    );
  for (const c of d.cooperatives)
    rows.push(
      [`cooperative ${c.slug}`, 'members', c.members],
      [`cooperative ${c.slug}`, 'women_share_bp', c.womenShareBp],
      [`cooperative ${c.slug}`, 'youth_share_bp', c.youthShareBp],
    );
  return rows;
}
