import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretVote } from '../../governance/governance.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { CHOICES, type Choice } from '../../shared/enums.js';
import { LoadError, PageLoader } from '../app/feedback.js';
import { governancePath } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import {
  isVotingMember,
  storedReceipt,
  storeReceipt,
  useAssembly,
  useCastBallot,
  useElections,
  useMyAssembly,
  useSecretVotes,
} from './api.js';
import { alreadyVotedNow, BallotFrame, ConfirmStep, ReceiptCheck } from './BallotParts.js';
import { ElectionBallot, ElectionTallied, ElectionWatch } from './ElectionBallot.js';
import { GovernanceHeader } from './GovernanceHeader.js';
import { choiceName, decisionTypeName, ResultLine } from './ui.js';

const CHOICE_COLORS: Record<Choice, string> = { yes: 'green.8', no: 'red.8', abstain: 'gray.7' };

/**
 * `/o/:slug/governance/assemblies/:id/vote`: a member's phone in the assembly. The open votes with big
 * buttons, a confirmation, then the receipt code; after the tally, the result and the receipt check.
 */
export function VotePage({ org, assemblyId }: { org: Org; assemblyId: string }) {
  const { t } = useTranslation();
  const assembly = useAssembly(org.slug, assemblyId, true);
  const member = isVotingMember(org);
  const me = useMyAssembly(org.slug, assemblyId, member);
  const votes = useSecretVotes(
    org.slug,
    assemblyId,
    [...(assembly.data?.secretVotes.map((v) => v.id) ?? []), ...(me.data?.openVotes.map((v) => v.id) ?? [])],
    true,
  );
  const elections = useElections(org.slug, assemblyId, true);
  useDocumentTitle(t('governance.vote.title'), assembly.data?.title, org.name);

  if (assembly.isError && !assembly.data)
    return <LoadError error={assembly.error} onRetry={() => void assembly.refetch()} />;
  if (!assembly.data) return <PageLoader />;
  const a = assembly.data;
  const open = votes.data?.filter((v) => v.status === 'open') ?? [];
  const tallied = [...(votes.data?.filter((v) => v.status === 'tallied') ?? [])].reverse();
  const represents = me.data?.represents ?? [];
  const openElections = elections.data?.items.filter((e) => e.status === 'open') ?? [];
  const talliedElections = [...(elections.data?.items.filter((e) => e.status === 'tallied') ?? [])].reverse();

  return (
    <Stack gap="md" maw={640}>
      <GovernanceHeader
        org={org}
        title={a.title}
        back={{ href: governancePath(org.slug), label: t('governance.back') }}
      />
      <Group gap="xs">
        <Badge color={a.quorum.met ? 'green.8' : 'red.8'} variant="filled" size="lg" tt="none" radius="sm">
          {a.quorum.met
            ? t('governance.quorum.met')
            : t('governance.quorum.notMet', {
                count: Math.max(a.quorum.required - a.quorum.present, 0),
              })}
        </Badge>
        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {t('governance.quorum.present')}: {a.quorum.present} / {a.quorum.required}
        </Text>
      </Group>
      {member ? (
        <>
          <Text>{t('governance.vote.intro')}</Text>
          {me.data &&
            (!me.data.onRoll ? (
              <Alert color="red" variant="light">
                <Text>{t('governance.vote.notOnRoll')}</Text>
              </Alert>
            ) : !me.data.checkedIn ? (
              <Alert color="yellow" variant="light">
                <Text fw={600}>{t('governance.vote.notCheckedIn')}</Text>
              </Alert>
            ) : (
              <Text fw={600} c="green.9">
                ✓ {t('governance.vote.checkedIn')}
              </Text>
            ))}
          {represents.length > 0 && (
            <Alert color="blue" variant="light">
              <Text>
                {t('elections.youRepresent', {
                  names: represents.map((r) => `${r.name} (N.º ${r.memberNumber})`).join(', '),
                })}
              </Text>
            </Alert>
          )}
        </>
      ) : (
        <Alert color="blue" variant="light">
          {t('governance.vote.notMember')}
        </Alert>
      )}
      {votes.isError && !votes.data ? (
        <LoadError error={votes.error} onRetry={() => void votes.refetch()} />
      ) : !votes.data ? (
        <PageLoader />
      ) : (
        <>
          {openElections.map((e) =>
            member ? (
              <Fragment key={e.id}>
                <ElectionBallot
                  org={org}
                  election={e}
                  votedBefore={me.data?.openElections.find((o) => o.id === e.id)?.votedByMe ?? false}
                />
                {represents.map((r) => (
                  <ElectionBallot
                    key={r.memberNumber}
                    org={org}
                    election={e}
                    forMember={r}
                    votedBefore={
                      me.data?.openElections.find((o) => o.id === e.id)?.votedFor.includes(r.memberNumber) ??
                      false
                    }
                  />
                ))}
              </Fragment>
            ) : (
              <ElectionWatch key={e.id} election={e} />
            ),
          )}
          {open.length === 0 && openElections.length === 0 ? (
            <Paper withBorder p="md" radius="md">
              <Text size="lg">{t('governance.vote.noOpen')}</Text>
            </Paper>
          ) : (
            open.map((v) =>
              member ? (
                <Fragment key={v.id}>
                  <Ballot
                    org={org}
                    vote={v}
                    votedBefore={me.data?.openVotes.find((o) => o.id === v.id)?.voted ?? false}
                  />
                  {represents.map((r) => (
                    <Ballot
                      key={r.memberNumber}
                      org={org}
                      vote={v}
                      forMember={r}
                      votedBefore={
                        me.data?.openVotes.find((o) => o.id === v.id)?.votedFor.includes(r.memberNumber) ??
                        false
                      }
                    />
                  ))}
                </Fragment>
              ) : (
                <Paper key={v.id} withBorder p="md" radius="md">
                  <Text fw={700}>{v.title}</Text>
                </Paper>
              ),
            )
          )}
          {talliedElections.map((e) => (
            <ElectionTallied key={e.id} election={e} />
          ))}
          {tallied.map((v) => (
            <TalliedVote key={v.id} vote={v} />
          ))}
        </>
      )}
    </Stack>
  );
}

/** One open vote: choose, confirm, receipt. */
function Ballot({
  org,
  vote,
  votedBefore,
  forMember,
}: {
  org: Org;
  vote: SecretVote;
  votedBefore: boolean;
  /** Set for the ballot of a member whose proxy this member holds. */
  forMember?: { memberNumber: string; name: string };
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<Choice | null>(null);
  const forNumber = forMember?.memberNumber;
  const [receipt, setReceipt] = useState<string | null>(() => storedReceipt(vote.id, forNumber));
  const cast = useCastBallot(org.slug, vote.assemblyId, vote.id, forNumber);
  const headingId = `vote-${vote.id}${forNumber ? `-for-${forNumber}` : ''}`;
  const alreadyVoted = alreadyVotedNow(votedBefore, receipt, cast);

  const confirm = () => {
    if (!choice) return;
    cast.mutate(choice, {
      onSuccess: ({ receiptCode }) => {
        storeReceipt(vote.id, receiptCode, forNumber);
        setReceipt(receiptCode);
      },
    });
  };

  return (
    <BallotFrame
      headingId={headingId}
      forMember={forMember}
      kicker={`${t('governance.vote.question')} · ${decisionTypeName(t, vote.decisionType)}`}
      title={vote.title}
      receipt={receipt}
      alreadyVoted={alreadyVoted}
      alreadyVotedText={t('governance.vote.alreadyVoted')}
    >
      {choice === null ? (
        <Stack gap="sm" role="group" aria-label={t('governance.vote.choose')}>
          <Text fw={600}>{t('governance.vote.choose')}</Text>
          {CHOICES.map((c) => (
            <Button
              key={c}
              size="xl"
              h={72}
              fz={28}
              color={CHOICE_COLORS[c]}
              variant={c === 'abstain' ? 'outline' : 'filled'}
              fullWidth
              onClick={() => {
                cast.reset();
                setChoice(c);
              }}
            >
              {choiceName(t, c)}
            </Button>
          ))}
        </Stack>
      ) : (
        <ConfirmStep cast={cast} onConfirm={confirm} onChange={() => setChoice(null)}>
          <Text fz={44} fw={800} lh={1.1} c={CHOICE_COLORS[choice]}>
            {choiceName(t, choice)}
          </Text>
        </ConfirmStep>
      )}
    </BallotFrame>
  );
}

function TalliedVote({ vote }: { vote: SecretVote }) {
  const { t } = useTranslation();

  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      aria-labelledby={`tallied-${vote.id}`}
    >
      <Stack gap="sm">
        <div>
          <Text size="sm" c="dimmed">
            {t('governance.vote.closedTitle')} · {decisionTypeName(t, vote.decisionType)}
          </Text>
          <Title order={2} size="h3" id={`tallied-${vote.id}`}>
            {vote.title}
          </Title>
        </div>
        {vote.result && <ResultLine result={vote.result} />}
        <ReceiptCheck
          receiptKey={vote.id}
          ballots={vote.ballots}
          found={(code, { choice }) => t('governance.vote.found', { code, choice: choiceName(t, choice) })}
        >
          <SimpleGrid cols={2} spacing={4} mt="xs">
            {vote.ballots.map((b) => (
              <Text key={b.receiptCode} size="sm" ff="monospace">
                {b.receiptCode} · {choiceName(t, b.choice)}
              </Text>
            ))}
          </SimpleGrid>
        </ReceiptCheck>
      </Stack>
    </Paper>
  );
}
