import { Box, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Election } from '../../governance/governance.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { problemMessage } from '../app/feedback.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useAssembly, useElections, useSecretVotes } from './api.js';
import { rankedCandidates } from './ElectionResults.js';
import { choiceName, decisionTypeName, organName, outcomeName, tieBreakText } from './ui.js';

const GREEN = '#7CFC9A';
const RED = '#FF8A80';
const big = 'clamp(2rem, 1rem + 4vw, 5rem)';
const huge = 'clamp(3rem, 1rem + 8vw, 9rem)';
const medium = 'clamp(1.25rem, 0.8rem + 1.6vw, 2.5rem)';

/**
 * `/o/:slug/governance/assemblies/:id/wall`: the screen projected in the room. White on black, big
 * type, no navigation (it covers the app's frame), refreshed every few seconds.
 */
export function WallPage({ org, assemblyId }: { org: Org; assemblyId: string }) {
  const { t, i18n } = useTranslation();
  const assembly = useAssembly(org.slug, assemblyId, true);
  const a = assembly.data;
  const votes = useSecretVotes(org.slug, assemblyId, a?.secretVotes.map((v) => v.id) ?? [], true);
  const elections = useElections(org.slug, assemblyId, true);
  const shownElections = [...(elections.data?.items ?? [])]
    .filter((e) => e.status !== 'nominating')
    .reverse();
  useDocumentTitle(a?.title, org.name);
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(
    new Date(assembly.dataUpdatedAt || Date.now()),
  );

  return (
    <Box
      role="region"
      aria-label={a?.title ?? org.name}
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 1000,
        background: '#000',
        color: '#fff',
        overflowY: 'auto',
        padding: 'clamp(16px, 3vw, 48px)',
      }}
    >
      {!a ? (
        <Text fz={big}>{assembly.isError ? problemMessage(assembly.error, t) : t('app.loading')}</Text>
      ) : (
        <Stack gap="clamp(16px, 3vw, 40px)">
          <div>
            <Text fz={medium} c="#ddd">
              {org.name} · {t(`governance.call.${a.quorum.call}`)} · {time}
            </Text>
            <Text component="h1" fz={big} fw={800} lh={1.1} m={0}>
              {a.title}
            </Text>
          </div>

          <Box
            component="section"
            aria-label={t('governance.quorum.title')}
            style={{
              border: `4px solid ${a.quorum.met ? GREEN : RED}`,
              borderRadius: 16,
              padding: 'clamp(12px, 2vw, 32px)',
            }}
          >
            <Text fz={big} fw={800} c={a.quorum.met ? GREEN : RED}>
              {a.quorum.met
                ? t('governance.quorum.met')
                : t('governance.quorum.notMet', {
                    count: Math.max(a.quorum.required - a.quorum.present, 0),
                  })}
            </Text>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'clamp(16px, 4vw, 80px)' }}>
              <Figure label={t('governance.quorum.present')} value={a.quorum.present} size={huge} />
              <Figure label={t('governance.quorum.required')} value={a.quorum.required} size={big} />
              <Figure label={t('governance.quorum.eligible')} value={a.quorum.eligible} size={big} />
            </div>
          </Box>

          {shownElections.length > 0 && (
            <Section title={t('elections.title')}>
              {shownElections.map((e) => (
                <WallElection key={e.id} election={e} present={a.present} />
              ))}
            </Section>
          )}

          {votes.data && votes.data.length > 0 && (
            <Section title={t('governance.wall.votes')}>
              {[...votes.data].reverse().map((v) => (
                <Row
                  key={v.id}
                  title={v.title}
                  subtitle={decisionTypeName(t, v.decisionType)}
                  result={v.result ? { ...v.result } : null}
                  pending={v.result ? null : t('governance.wall.votingNow', { count: v.voted })}
                />
              ))}
              {votes.data.some((v) => v.status === 'open') && (
                <Text fz={medium} c="#ddd">
                  {t('governance.wall.howToVote')}
                </Text>
              )}
            </Section>
          )}

          {a.motions.length > 0 && (
            <Section title={t('governance.wall.motions')}>
              {[...a.motions].reverse().map((m) => (
                <Row
                  key={m.id}
                  title={m.title}
                  subtitle={decisionTypeName(t, m.decisionType)}
                  result={m}
                  pending={null}
                />
              ))}
            </Section>
          )}

          {a.motions.length === 0 && (votes.data?.length ?? 0) === 0 && shownElections.length === 0 && (
            <Text fz={medium} c="#ddd">
              {t('governance.wall.nothingYet')}
            </Text>
          )}
        </Stack>
      )}
    </Box>
  );
}

function Figure({ label, value, size }: { label: string; value: number; size: string }) {
  return (
    <div>
      <Text fz={medium} c="#ddd">
        {label}
      </Text>
      <Text fz={size} fw={800} lh={1} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <Text component="h2" fz={medium} fw={700} c="#ddd" m={0} mb="xs" tt="uppercase">
        {title}
      </Text>
      <Stack gap="md">{children}</Stack>
    </Box>
  );
}

function Row({
  title,
  subtitle,
  result,
  pending,
}: {
  title: string;
  subtitle: string;
  result: { yes: number; no: number; abstain: number; passed: boolean } | null;
  pending: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Box style={{ borderTop: '2px solid #444', paddingTop: 12 }}>
      <Text fz={big} fw={700} lh={1.15}>
        {title}
      </Text>
      <Text fz={medium} c="#ccc">
        {subtitle}
      </Text>
      {result ? (
        <Text fz={big} fw={800} style={{ fontVariantNumeric: 'tabular-nums' }}>
          <span style={{ color: result.passed ? GREEN : RED }}>
            {result.passed ? t('governance.result.passed') : t('governance.result.rejected')}
          </span>
          {' · '}
          {choiceName(t, 'yes')} {result.yes} · {choiceName(t, 'no')} {result.no} · {choiceName(t, 'abstain')}{' '}
          {result.abstain}
        </Text>
      ) : (
        <Text fz={big} fw={700} c="#FFE082">
          {pending}
        </Text>
      )}
    </Box>
  );
}

/**
 * An election on the wall: while open, how many have voted (of those present); once tallied, every
 * candidate with a bar for their votes, the elected in green and the alternates in yellow.
 */
function WallElection({ election, present }: { election: Election; present: number }) {
  const { t } = useTranslation();
  const ranked = rankedCandidates(election);
  const most = Math.max(1, ...ranked.map((c) => c.votes ?? 0));
  const tie = election.candidates.find((c) => c.tieNote !== null);
  return (
    <Box style={{ borderTop: '2px solid #444', paddingTop: 12 }}>
      <Text fz={big} fw={700} lh={1.15}>
        {t('elections.electionOf', { organ: organName(t, election.organ) })}
      </Text>
      <Text fz={medium} c="#ccc">
        {t('elections.seatsLine', { count: election.seats, alternates: String(election.alternates) })}
      </Text>
      {election.status === 'open' ? (
        <>
          <Text fz={big} fw={700} c="#FFE082" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('elections.wallVoted', { voted: String(election.voted), present: String(present) })}
          </Text>
          <Bar share={present > 0 ? election.voted / present : 0} color="#FFE082" />
          <Text fz={medium} c="#ddd" mt="xs">
            {election.candidates.map((c) => `${c.ballotNumber}. ${c.name}`).join(' · ')}
          </Text>
        </>
      ) : (
        <Stack gap={8} mt="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {ranked.map((c) => {
            const color = c.outcome === 'elected' ? GREEN : c.outcome === 'alternate' ? '#FFE082' : '#bbb';
            return (
              <li key={c.memberNumber}>
                <div
                  style={{
                    display: 'flex',
                    flexWrap: 'wrap',
                    justifyContent: 'space-between',
                    gap: '0 16px',
                    fontSize: medium,
                    fontWeight: c.outcome === 'elected' ? 800 : 500,
                    color,
                  }}
                >
                  <span>
                    {c.name}
                    {c.tieNote ? ' *' : ''}
                  </span>
                  <span style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {c.votes ?? 0} · {outcomeName(t, c.outcome ?? 'not_elected')}
                  </span>
                </div>
                <Bar share={(c.votes ?? 0) / most} color={color} />
              </li>
            );
          })}
          <Text fz={medium} c="#ddd" component="li">
            {t('elections.turnout', { voted: String(election.voted), blank: String(election.blank ?? 0) })}
            {tie ? ` · * ${tieBreakText(t, tie.tieNote ?? election.tieBreak)}` : ''}
          </Text>
        </Stack>
      )}
    </Box>
  );
}

function Bar({ share, color }: { share: number; color: string }) {
  return (
    <div
      aria-hidden="true"
      style={{ height: 'clamp(10px, 1.2vw, 22px)', background: '#222', borderRadius: 6 }}
    >
      <div
        style={{
          width: `${Math.round(Math.min(1, Math.max(0, share)) * 100)}%`,
          height: '100%',
          background: color,
          borderRadius: 6,
        }}
      />
    </div>
  );
}
