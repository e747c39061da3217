/**
 * Governance figures for `npm run bench`: an assembly of 2,000 eligible voters — check-in throughput,
 * 2,000 secret ballots cast concurrently, and the tally — each beside a raw-SQL baseline doing the same
 * writes on the same database in the same run.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createApp } from '../src/app.js';
import { loadDemo } from '../src/demo/demo.js';
import { receiptCode, seal } from '../src/governance/ballots.js';
import { systemActor } from '../src/orgs/actor.js';
import { connect } from '../src/platform/db/connect.js';
import { migrate } from '../src/platform/db/migrate.js';

type Report = (
  name: string,
  value: number,
  unit: string,
  baseline: number,
  better: 'lower' | 'higher',
) => void;

export async function benchGovernance(report: Report, log: (line: string) => void, voters = 2_000) {
  const handle = await connect({ dataDir: 'memory://' });
  try {
    await migrate(handle.db);
    const { services } = await createApp({ db: handle.db });
    await loadDemo(services);
    const system = systemActor('bench');
    const org = await handle.db
      .selectFrom('organizations')
      .select(['org_id'])
      .where('slug', '=', 'cedros')
      .executeTakeFirstOrThrow();
    log(`bench: ${voters} members in good standing for the assembly…`);
    const at = new Date();
    const memberIds: string[] = [];
    for (let start = 0; start < voters; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, voters - start) }, (_, k) => {
        const i = start + k;
        const id = randomUUID();
        memberIds.push(id);
        return {
          org_id: org.org_id,
          member_id: id,
          member_number: `V${String(i).padStart(5, '0')}`,
          given_names: 'Votante',
          family_names: `Prueba ${i}`,
          status: 'active' as const,
          join_date: '2015-01-01',
          currency: 'PEN',
          share_capital_subscribed_minor: 0,
          search_text: `v${i}`,
          created_at: at,
          updated_at: at,
        };
      });
      await handle.db.insertInto('members').values(rows).execute();
      await handle.db
        .insertInto('member_status_changes')
        .values(
          rows.map((r) => ({
            org_id: org.org_id,
            change_id: randomUUID(),
            member_id: r.member_id,
            from_status: null,
            to_status: 'active' as const,
            effective_date: '2015-01-01',
            reason: 'bench',
            recorded_at: at,
            recorded_by_label: 'bench',
            recorded_by: null,
          })),
        )
        .execute();
    }
    // Only the bench's voters: the demo's members leave the cooperative for this run.
    await sql`UPDATE members SET status = 'withdrawn' WHERE org_id = ${org.org_id} AND member_number NOT LIKE 'V%'`.execute(
      handle.db,
    );
    const firstCall = new Date(Date.now() + 20 * 86_400_000);
    const assembly = await services.governance.convene(system, 'cedros', {
      id: randomUUID(),
      kind: 'ordinary',
      title: 'Bench',
      place: 'Bench',
      firstCallAt: firstCall.toISOString(),
      secondCallAt: new Date(firstCall.getTime() + 3_600_000).toISOString(),
      cutoffDate: new Date().toISOString().slice(0, 10),
      agenda: [],
    });
    if (assembly.eligible < voters) throw new Error(`roll has ${assembly.eligible}`);

    // Check-in through the service (one transaction each, as the desk does) vs a raw UPDATE per member.
    const numbers = Array.from({ length: voters }, (_, i) => `V${String(i).padStart(5, '0')}`);
    let start = performance.now();
    for (const memberNumber of numbers)
      await services.governance.checkIn(system, 'cedros', assembly.id, memberNumber);
    const checkInMs = performance.now() - start;
    await sql`UPDATE assembly_roll SET checked_in_at = NULL WHERE assembly_id = ${assembly.id}`.execute(
      handle.db,
    );
    start = performance.now();
    for (const memberId of memberIds) {
      await sql`UPDATE assembly_roll SET checked_in_at = now(), checked_in_by_label = 'raw' WHERE org_id = ${org.org_id} AND assembly_id = ${assembly.id} AND member_id = ${memberId} AND checked_in_at IS NULL`.execute(
        handle.db,
      );
    }
    const rawCheckInMs = performance.now() - start;
    report(
      `check-in of ${voters} voters (per second)`,
      (voters / checkInMs) * 1000,
      'per s',
      (voters / rawCheckInMs) * 1000,
      'higher',
    );

    // Secret ballots cast concurrently by every voter, through the service (seal, participation, envelope).
    const vote = await services.governance.openSecretVote(system, 'cedros', assembly.id, {
      id: randomUUID(),
      title: 'Bench',
      decisionType: 'ordinary',
      passphrase: 'bench-passphrase-2026',
    });
    // The writes a member's phone causes (seal the choice, record participation and envelope), per voter.
    start = performance.now();
    const choices = ['yes', 'no', 'abstain'] as const;
    const castOne = async (i: number) => {
      await handle.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('vote_participation')
          .values({ org_id: org.org_id, vote_id: vote.id, member_id: memberIds[i]! })
          .execute();
        const row = await trx
          .selectFrom('secret_votes')
          .select('public_key')
          .where('vote_id', '=', vote.id)
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('vote_envelopes')
          .values({
            org_id: org.org_id,
            vote_id: vote.id,
            envelope_id: randomUUID(),
            sealed: seal(row.public_key, { choice: choices[i % 3]!, receipt: receiptCode() }),
          })
          .execute();
      });
    };
    await Promise.all(Array.from({ length: voters }, (_, i) => castOne(i)));
    const castMs = performance.now() - start;
    // Baseline: the same two rows per voter, unsealed, concurrently.
    const other = randomUUID();
    await handle.db
      .insertInto('secret_votes')
      .values({
        org_id: org.org_id,
        vote_id: other,
        assembly_id: assembly.id,
        title: 'raw',
        decision_type: 'ordinary',
        status: 'open',
        public_key: '-',
        sealed_private_key: '-',
        opened_at: new Date(),
        opened_by_label: 'raw',
      })
      .execute();
    start = performance.now();
    await Promise.all(
      memberIds.map((memberId, i) =>
        handle.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('vote_participation')
            .values({ org_id: org.org_id, vote_id: other, member_id: memberId })
            .execute();
          await trx
            .insertInto('vote_envelopes')
            .values({
              org_id: org.org_id,
              vote_id: other,
              envelope_id: randomUUID(),
              sealed: choices[i % 3]!,
            })
            .execute();
        }),
      ),
    );
    const rawCastMs = performance.now() - start;
    report(
      `${voters} secret ballots cast concurrently (seal + participation + envelope)`,
      castMs,
      'ms',
      rawCastMs,
      'lower',
    );

    start = performance.now();
    const tallied = await services.governance.tallySecretVote(
      system,
      'cedros',
      vote.id,
      'bench-passphrase-2026',
    );
    const tallyMs = performance.now() - start;
    if (tallied.voted !== voters || tallied.ballots.length !== voters) throw new Error('tally lost ballots');
    start = performance.now();
    await sql`SELECT sealed, count(*) FROM vote_envelopes WHERE vote_id = ${other} GROUP BY sealed`.execute(
      handle.db,
    );
    const rawTallyMs = performance.now() - start;
    report(
      `tally of ${voters} sealed ballots (open, shuffle, publish, decide)`,
      tallyMs,
      'ms',
      rawTallyMs,
      'lower',
    );
  } finally {
    await handle.close();
  }
}
