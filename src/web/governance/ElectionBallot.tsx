import { Box, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Election, ElectionCandidate } from '../../governance/governance.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { storedReceipt, storeReceipt, useCastElectionBallot } from './api.js';
import { alreadyVotedNow, BallotFrame, ConfirmStep, ReceiptCheck } from './BallotParts.js';
import { BallotList, ElectionResults } from './ElectionResults.js';
import { organName } from './ui.js';

/** The number printed on the paper ballot, in a circle, as the tellers call it out. */
function BallotNumber({ n, size = 44 }: { n: number; size?: number }) {
  return (
    <Box
      aria-hidden="true"
      style={{
        flexShrink: 0,
        width: size,
        height: size,
        borderRadius: '50%',
        border: '2px solid var(--mantine-color-coffee-7)',
        display: 'grid',
        placeItems: 'center',
        fontWeight: 800,
        fontSize: size * 0.5,
        fontVariantNumeric: 'tabular-nums',
      }}
    >
      {n}
    </Box>
  );
}

/**
 * A member's ballot in an open election, on their phone: the candidates as large cards, at most `seats`
 * marked, or an explicit blank vote; a confirmation; then the receipt code. `forMember` makes it the
 * ballot of a member whose proxy this member holds, cast separately.
 */
export function ElectionBallot({
  org,
  election,
  votedBefore,
  forMember,
}: {
  org: Org;
  election: Election;
  votedBefore: boolean;
  forMember?: { memberNumber: string; name: string };
}) {
  const { t } = useTranslation();
  const forNumber = forMember?.memberNumber;
  const [marked, setMarked] = useState<string[]>([]);
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [receipt, setReceipt] = useState<string | null>(() => storedReceipt(election.id, forNumber));
  const cast = useCastElectionBallot(org.slug, election.assemblyId, election.id, forNumber);
  const headingId = `election-${election.id}${forNumber ? `-for-${forNumber}` : ''}`;
  const full = marked.length >= election.seats;
  const alreadyVoted = alreadyVotedNow(votedBefore, receipt, cast);
  const chosen = election.candidates.filter((c) => marked.includes(c.memberNumber));

  const toggle = (c: ElectionCandidate) => {
    cast.reset();
    setMarked((m) =>
      m.includes(c.memberNumber)
        ? m.filter((x) => x !== c.memberNumber)
        : m.length >= election.seats
          ? m
          : [...m, c.memberNumber],
    );
  };
  const confirm = () =>
    cast.mutate(marked, {
      onSuccess: ({ receiptCode }) => {
        storeReceipt(election.id, receiptCode, forNumber);
        setReceipt(receiptCode);
      },
    });

  return (
    <BallotFrame
      headingId={headingId}
      forMember={forMember}
      kicker={t('elections.openElection')}
      title={t('elections.electionOf', { organ: organName(t, election.organ) })}
      receipt={receipt}
      alreadyVoted={alreadyVoted}
      alreadyVotedText={t('elections.alreadyVoted')}
    >
      {step === 'choose' ? (
        <Stack gap="sm">
          <Text fw={700} size="lg">
            {t('elections.markUpTo', { count: election.seats })}
          </Text>
          <Text size="sm" aria-live="polite" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('elections.marked', { marked: String(marked.length), seats: String(election.seats) })}
          </Text>
          <Stack gap="xs" role="group" aria-label={t('elections.candidates')}>
            {election.candidates.map((c) => {
              const checked = marked.includes(c.memberNumber);
              return (
                <Checkbox.Card
                  key={c.memberNumber}
                  checked={checked}
                  onClick={() => toggle(c)}
                  disabled={!checked && full}
                  radius="md"
                  p="sm"
                  style={{
                    minHeight: 64,
                    opacity: !checked && full ? 0.55 : 1,
                    borderWidth: 2,
                    borderColor: checked ? 'var(--mantine-color-coffee-7)' : undefined,
                    background: checked ? 'var(--mantine-color-coffee-0)' : undefined,
                  }}
                >
                  <Group wrap="nowrap" gap="sm" align="center">
                    <Checkbox.Indicator size="lg" />
                    <BallotNumber n={c.ballotNumber} />
                    <Text fz={20} fw={700} lh={1.2} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                      {c.name}
                    </Text>
                  </Group>
                </Checkbox.Card>
              );
            })}
          </Stack>
          {full && election.seats > 0 && (
            <Text size="sm" c="dimmed">
              {t('elections.fullHelp', { count: election.seats })}
            </Text>
          )}
          <Button
            size="xl"
            h={64}
            fullWidth
            disabled={marked.length === 0}
            onClick={() => setStep('confirm')}
          >
            {t('elections.continue')}
          </Button>
          <Button
            size="lg"
            variant="outline"
            color="gray.7"
            fullWidth
            onClick={() => {
              cast.reset();
              setMarked([]);
              setStep('confirm');
            }}
          >
            {t('elections.voteBlank')}
          </Button>
        </Stack>
      ) : (
        <ConfirmStep cast={cast} onConfirm={confirm} onChange={() => setStep('choose')}>
          {chosen.length === 0 ? (
            <Text fz={36} fw={800} lh={1.1} c="gray.7">
              {t('elections.blankVote')}
            </Text>
          ) : (
            <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
              {chosen.map((c) => (
                <Group component="li" key={c.memberNumber} wrap="nowrap" gap="sm">
                  <BallotNumber n={c.ballotNumber} size={40} />
                  <Text fz={22} fw={800} lh={1.2} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    {c.name}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </ConfirmStep>
      )}
    </BallotFrame>
  );
}

/** An open election for someone who does not vote here (a manager's phone): who stands, how many voted. */
export function ElectionWatch({ election }: { election: Election }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={700}>{t('elections.electionOf', { organ: organName(t, election.organ) })}</Text>
      <Text size="sm">{t('elections.votedSoFar', { count: election.voted })}</Text>
    </Paper>
  );
}

/** A tallied election: the result, and "Comprobar mi voto" by the receipt code. */
export function ElectionTallied({ election }: { election: Election }) {
  const { t } = useTranslation();
  const headingId = `election-tallied-${election.id}`;
  const label = (n: string) => {
    const c = election.candidates.find((x) => x.memberNumber === n);
    return c ? `${c.ballotNumber}. ${c.name}` : n;
  };

  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      aria-labelledby={headingId}
    >
      <Stack gap="sm">
        <div>
          <Text size="sm" c="dimmed">
            {t('elections.talliedTitle')}
          </Text>
          <Title order={2} size="h3" id={headingId}>
            {t('elections.electionOf', { organ: organName(t, election.organ) })}
          </Title>
        </div>
        <ElectionResults election={election} showBallots={false} />
        {election.method === 'secret' && (
          <ReceiptCheck
            receiptKey={election.id}
            ballots={election.ballots}
            found={(code, { choices }) =>
              choices.length === 0
                ? t('elections.foundBlank', { code })
                : t('elections.found', { code, choices: choices.map(label).join(', ') })
            }
          >
            <BallotList election={election} />
          </ReceiptCheck>
        )}
      </Stack>
    </Paper>
  );
}
