import { createServices } from '../app.js';
import type { DemoContext, DemoPart } from '../demo/demo.js';
import { prng } from '../demo/random.js';
import { demoId, systemActor } from '../orgs/index.js';
import { SteppingClock } from '../platform/clock.js';
import { addDays, daysBetween, todayIn, yearsBefore } from '../platform/dates.js';
import { AppError } from '../platform/errors.js';
import type { OrganKind } from './governance.tables.js';

/**
 * Two demo cooperatives with the Peruvian statute preset, their organs and terms, last year's ordinary
 * general assembly held (quorum at the second call, proxies, decisions by show of hands, the Board and
 * the Oversight Council elected from paper ballots, minutes approved, numbered and signed), the
 * oversight council's reports, and the next ordinary assembly convened for next month.
 */
const ASSEMBLY_COOPS = ['cecafe', 'origin-coffee'] as const;
const DAY = 86_400_000;
const LIMA_OFFSET = '-05:00';

/** The last 14 March at least 60 days ago: the ordinary assembly of the demo's past year. */
function pastAssemblyDay(today: string): string {
  const year = Number(today.slice(0, 4));
  const candidate = `${year}-03-14`;
  return daysBetween(candidate, today) >= 60 ? candidate : `${year - 1}-03-14`;
}

export const governanceDemo: DemoPart = {
  name: 'statutes, organs and terms, a past assembly with elections and signed minutes, and one convened for next month',
  async load(ctx) {
    const { governance, deps } = ctx.services;
    const actor = systemActor('demo');
    const today = todayIn('America/Lima', deps.clock.now());
    for (const slug of ASSEMBLY_COOPS) {
      await governance.setStatute(actor, slug, {
        id: demoId(`statute:${slug}`),
        effectiveFrom: '2020-01-01',
        preset: 'PE',
      });
      await pastAssembly(ctx, slug, pastAssemblyDay(today), today);
      const day = new Date(Date.parse(`${today}T14:00:00Z`) + 30 * DAY);
      const assembly = await governance.convene(actor, slug, {
        id: demoId(`assembly:${slug}`),
        kind: 'ordinary',
        title: 'Asamblea General Ordinaria (demo)',
        place: 'Local institucional de la cooperativa',
        firstCallAt: day.toISOString(),
        secondCallAt: new Date(day.getTime() + 60 * 60_000).toISOString(),
        cutoffDate: today,
        agenda: [
          'Lectura y aprobación del acta anterior',
          'Memoria del Consejo de Administración',
          'Estados financieros y distribución de remanentes',
          'Plan de uso de la prima de Comercio Justo',
          'Elección de miembros del Consejo de Vigilancia',
        ],
      });
      ctx.progress(`demo: ${slug}: assembly convened with ${assembly.eligible} members in good standing`);
    }
  },
};

/** Tries members in turn until the statute accepts one for the office (good standing, limits). */
async function appointFirstEligible(run: () => Promise<unknown>, attempts: number): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    try {
      await run();
      return true;
    } catch (error) {
      if (!(error instanceof AppError && error.kind === 'invalid')) throw error;
    }
  }
  return false;
}

async function pastAssembly(ctx: DemoContext, slug: string, day: string, today: string) {
  const random = prng(slug === 'cecafe' ? 41 : 43);
  const clock = new SteppingClock(`${day}T12:00:00Z`);
  clock.advance(-20 * DAY);
  // The same services on a clock set back to the time of the assembly: the record is written as it happened.
  const past = createServices({ db: ctx.services.deps.db, clock, ids: ctx.services.deps.ids });
  const actor = systemActor('demo');
  const year = Number(day.slice(0, 4));
  const id = (name: string) => demoId(`${slug}:${name}`);

  // The organs before the assembly: a Board whose term ends this April, the others mid-term.
  const pool = (
    await ctx.services.deps.db
      .selectFrom('members')
      .innerJoin('organizations', 'organizations.org_id', 'members.org_id')
      .select(['members.member_number', 'members.join_date'])
      .where('organizations.slug', '=', slug)
      .where('members.status', '=', 'active')
      .where('members.member_number', '<>', '0001')
      .orderBy('members.join_date')
      .orderBy('members.member_number')
      .limit(200)
      .execute()
  ).map((m) => m.member_number);
  let next = 0;
  const take = () => pool[next++ % pool.length]!;
  const history: [OrganKind, number, string, string][] = [
    ['board', 5, `${year - 3}-04-01`, `${year}-04-01`],
    ['oversight', 3, `${year - 2}-04-01`, `${year + 1}-04-01`],
    // ends within the warning window of today, so the organs screen shows it
    ['electoral', 3, yearsBefore(addDays(today, 60), 3), addDays(today, 60)],
    ['education', 3, `${year - 1}-04-01`, `${year + 2}-04-01`],
  ];
  for (const [organ, seats, startsOn, endsOn] of history) {
    for (let seat = 0; seat < seats; seat++) {
      const position = seat === 0 ? 'president' : seat === 1 && organ === 'board' ? 'secretary' : 'member';
      // the Oversight Council renews by thirds: one seat's term ends at this assembly
      const renewed = organ === 'oversight' && seat === seats - 1;
      await appointFirstEligible(
        () =>
          past.organs.appointTerm(actor, slug, {
            id: id(`term:${organ}:${seat}:${next}`),
            organ,
            position,
            memberNumber: take(),
            startsOn: renewed ? `${year - 3}-04-01` : startsOn,
            endsOn: renewed ? `${year}-04-01` : endsOn,
          }),
        30,
      );
    }
  }

  const assemblyId = id(`assembly:${year}`);
  const firstCall = `${day}T09:00:00${LIMA_OFFSET}`;
  const secondCall = `${day}T10:00:00${LIMA_OFFSET}`;
  const convened = await past.governance.convene(actor, slug, {
    id: assemblyId,
    kind: 'ordinary',
    title: `Asamblea General Ordinaria ${year}`,
    place: 'Local institucional de la cooperativa',
    firstCallAt: firstCall,
    secondCallAt: secondCall,
    cutoffDate: addDays(day, -21),
    agenda: [
      `Memoria y estados financieros ${year - 1}`,
      'Distribución de remanentes',
      'Plan de uso de la prima de Comercio Justo',
      'Elección del Consejo de Administración',
      'Elección de un miembro del Consejo de Vigilancia',
    ],
  });
  const roll = (
    await ctx.services.deps.db
      .selectFrom('assembly_roll')
      .innerJoin('members', (j) =>
        j
          .onRef('members.org_id', '=', 'assembly_roll.org_id')
          .onRef('members.member_id', '=', 'assembly_roll.member_id'),
      )
      .select('members.member_number')
      .where('assembly_roll.assembly_id', '=', assemblyId)
      .orderBy('members.member_number')
      .execute()
  ).map((r) => r.member_number);

  // The morning of the assembly: not enough at the first call; the second call an hour later has quorum.
  clock.advance(Date.parse(firstCall) - clock.now().getTime() - 30 * 60_000);
  const attending = roll.filter(() => random.chance(0.44));
  for (const memberNumber of attending) await past.governance.checkIn(actor, slug, assemblyId, memberNumber);
  const away = roll.filter((m) => !attending.includes(m));
  for (let i = 0; i < 4 && i < away.length; i++)
    await past.organs.registerProxy(actor, slug, assemblyId, {
      grantorNumber: away[i]!,
      holderNumber: attending[i]!,
      documentRef: 'Carta poder simple',
    });
  clock.advance(Date.parse(secondCall) - clock.now().getTime() + 5 * 60_000);
  const present = convened.eligible === 0 ? 0 : attending.length + Math.min(4, away.length);

  const hands = (
    title: string,
    yesShare: number,
    decisionType: 'ordinary' | 'statute_reform' = 'ordinary',
  ) => {
    const yes = Math.round(present * yesShare);
    const no = Math.round((present - yes) * 0.6);
    return past.governance.recordMotion(actor, slug, assemblyId, {
      id: id(`motion:${year}:${title}`),
      title,
      decisionType,
      method: 'hands',
      yes,
      no,
      abstain: present - yes - no,
    });
  };
  await hands(`Aprobar la memoria y los estados financieros ${year - 1}`, 0.86);
  await hands('Aprobar la distribución de remanentes propuesta por el Consejo', 0.74);
  await hands('Aprobar el plan de uso de la prima de Comercio Justo', 0.91);

  // Elections counted from paper ballots by the Electoral Committee.
  const candidates = (count: number) => {
    const chosen: string[] = [];
    while (chosen.length < count) {
      const m = random.pick(attending);
      if (!chosen.includes(m)) chosen.push(m);
    }
    return chosen;
  };
  const elect = async (organ: OrganKind, seats: number, alternates: number, count: number) => {
    const electionId = id(`election:${year}:${organ}`);
    // some members cannot stand (on the electoral committee, at the re-election limit): nominate the eligible
    const checked = await past.organs.checkCandidates(actor, slug, assemblyId, {
      organ,
      termStartsOn: `${year}-04-01`,
      memberNumbers: candidates(count + 6),
    });
    const names = checked
      .filter((c) => c.reasons.length === 0)
      .slice(0, count)
      .map((c) => c.memberNumber);
    await past.organs.createElection(actor, slug, assemblyId, {
      id: electionId,
      organ,
      seats,
      alternates,
      termStartsOn: `${year}-04-01`,
      method: 'counted',
      candidates: names,
    });
    const voters = present - Math.floor(present * 0.03);
    const blank = Math.floor(voters * 0.02);
    let left = (voters - blank) * seats;
    const counts = names.map((memberNumber, i) => {
      const votes = Math.min(
        voters - blank,
        Math.floor(left * (i === names.length - 1 ? 1 : 0.18 + random.next() * 0.2)),
      );
      left -= votes;
      return { memberNumber, votes };
    });
    return past.organs.recordElectionCounts(actor, slug, electionId, { voters, blank, counts });
  };
  const boardElection = await elect('board', 5, 2, 9);
  await elect('oversight', 1, 1, 3);

  // The new Board gives itself its positions at its first session.
  clock.advance(18 * DAY);
  const terms = await past.organs.organsView(actor, slug, `${year}-04-01`);
  const elected = terms.organs
    .find((o) => o.organ === 'board')!
    .current.filter((t) => t.electionId === boardElection.id && t.position === 'member');
  const positions = ['president', 'vice_president', 'secretary', 'treasurer'] as const;
  for (let i = 0; i < positions.length && i < elected.length; i++)
    await past.organs.changeTerm(actor, slug, elected[i]!.id, { position: positions[i] });

  // The minutes: written from the record, approved, numbered, signed within the statute's days.
  const draft = await past.minutes.minutesView(actor, slug, assemblyId, 'es');
  await past.minutes.saveMinutes(
    actor,
    slug,
    assemblyId,
    { body: `${draft.body}\n\nLa asamblea agradeció el trabajo del Consejo saliente.`, baseVersion: 0 },
    'es',
  );
  await past.minutes.approveMinutes(actor, slug, assemblyId, 'es');
  const outgoing = terms.organs.find((o) => o.organ === 'board')!.history;
  const president = outgoing.find((t) => t.position === 'president')?.holderName ?? 'Presidente del Consejo';
  const secretary = outgoing.find((t) => t.position === 'secretary')?.holderName ?? 'Secretario del Consejo';
  await past.minutes.signMinutes(actor, slug, assemblyId, { role: 'president', signerName: president }, 'es');
  await past.minutes.signMinutes(actor, slug, assemblyId, { role: 'secretary', signerName: secretary }, 'es');
  for (let i = 0; i < 3; i++)
    await past.minutes.signMinutes(
      actor,
      slug,
      assemblyId,
      { role: 'designated', memberNumber: attending[10 + i]! },
      'es',
    );

  // The oversight council's half-yearly reports.
  for (const [periodEnd, filedOn] of [
    [`${year - 1}-06-30`, `${year - 1}-07-22`],
    [`${year - 1}-12-31`, `${year}-01-28`],
    [`${year}-06-30`, `${year}-07-19`],
  ] as const) {
    if (filedOn > today) continue;
    await ctx.services.minutes.fileOversightReport(actor, slug, {
      id: id(`oversight:${periodEnd}`),
      periodEnd,
      filedOn,
      title: `Informe del Consejo de Vigilancia al ${periodEnd}`,
      summary: 'Revisión de la caja, de las liquidaciones a los socios y del uso de la prima.',
    });
  }
  ctx.progress(
    `demo: ${slug}: assembly of ${day} held with ${present} of ${convened.eligible}, board elected, minutes signed`,
  );
}
