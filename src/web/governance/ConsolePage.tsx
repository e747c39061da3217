import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assembly, SecretVote } from '../../governance/governance.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { DECISION_TYPES, type DecisionType } from '../../shared/enums.js';
import { LoadError, PageLoader, problemMessage } from '../app/feedback.js';
import { followLink, governancePath } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formatMoment } from '../shared/format.js';
import { newId } from '../shared/ids.js';
import { FlashMessage, FormProblem, serverFieldErrors } from '../shared/ui.js';
import {
  useAssembly,
  useCheckIn,
  useOpenSecretVote,
  useRecordMotion,
  useSecretVotes,
  useTally,
} from './api.js';
import { ElectionPanel } from './ElectionPanel.js';
import { GovernanceHeader } from './GovernanceHeader.js';
import { ProxyPanel } from './ProxyPanel.js';
import {
  choiceName,
  decisionTypeName,
  PassphrasePair,
  passphraseProblems,
  QuorumPanel,
  ResultLine,
  TallyForm,
} from './ui.js';

/**
 * `/o/:slug/governance/assemblies/:id` for the secretary, on a tablet at the door and at the table:
 * check-in, the live quorum, the agenda, motions by show of hands, secret votes and the minutes.
 */
export function ConsolePage({ org, assemblyId }: { org: Org; assemblyId: string }) {
  const { t, i18n } = useTranslation();
  const assembly = useAssembly(org.slug, assemblyId, true);
  const a = assembly.data;
  useDocumentTitle(t('governance.console.title'), a?.title, org.name);

  if (assembly.isError && !a)
    return <LoadError error={assembly.error} onRetry={() => void assembly.refetch()} />;
  if (!a) return <PageLoader />;

  return (
    <Stack gap="lg">
      <GovernanceHeader
        org={org}
        title={a.title}
        back={{ href: governancePath(org.slug), label: t('governance.back') }}
        actions={
          <>
            <Button
              component="a"
              href={governancePath(org.slug, { view: 'wall', assemblyId })}
              target="_blank"
              rel="noopener"
              variant="default"
            >
              {t('governance.openWall')}
            </Button>
            <Button
              component="a"
              href={governancePath(org.slug, { view: 'minutes', assemblyId })}
              onClick={followLink}
              variant="default"
            >
              {t('governance.minutes')}
            </Button>
          </>
        }
      />
      <Text c="dimmed">
        {t('governance.firstCallAt')}: {formatMoment(i18n.language, a.firstCallAt, org.timeZone)} ·{' '}
        {t('governance.secondCallAt')}: {formatMoment(i18n.language, a.secondCallAt, org.timeZone)} ·{' '}
        {t('governance.place')}: {a.place}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="lg">
          <CheckInSection org={org} assembly={a} />
          <QuorumPanel
            quorum={a.quorum}
            updatedAt={assembly.dataUpdatedAt}
            split={{ inPerson: a.inPerson, represented: a.represented }}
          />
          <AgendaSection agenda={a.agenda} />
          <ProxyPanel org={org} assembly={a} />
        </Stack>
        <Stack gap="lg">
          <HandsSection org={org} assembly={a} />
          <SecretSection org={org} assembly={a} />
          <ElectionPanel org={org} assembly={a} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

type CheckInResult =
  | { kind: 'in'; number: string; name: string | null }
  | { kind: 'already'; number: string; name: string }
  | { kind: 'refused'; number: string; reason: string };

function CheckInSection({ org, assembly }: { org: Org; assembly: Assembly }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [results, setResults] = useState<CheckInResult[]>([]);
  const checkIn = useCheckIn(org.slug, assembly.id);
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = number.trim();
    if (!typed || checkIn.isPending) return;
    // a card's QR code (AYNI:M:<slug>:<number>) names the member by its last part
    const shown = typed.split(':').at(-1) || typed;
    checkIn.mutate(typed, {
      onSuccess: ({ checkedIn }) => {
        setNumber('');
        const entry: CheckInResult = checkedIn.already
          ? { kind: 'already', number: checkedIn.memberNumber, name: checkedIn.name }
          : { kind: 'in', number: checkedIn.memberNumber, name: checkedIn.name };
        setResults((r) => [entry, ...r].slice(0, 8));
      },
      onError: (error) => {
        setResults((r) =>
          [{ kind: 'refused' as const, number: shown, reason: problemMessage(error, t) }, ...r].slice(0, 8),
        );
        inputRef.current?.select();
      },
      onSettled: () => inputRef.current?.focus(),
    });
  };

  const [last, ...earlier] = results;
  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      aria-labelledby="ayni-checkin-title"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="ayni-checkin-title">
          {t('governance.console.checkInTitle')}
        </Title>
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              ref={inputRef}
              label={t('governance.console.memberNumber')}
              description={t('elections.checkInHelp')}
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              size="xl"
              autoComplete="off"
              autoFocus
              style={{ flex: '1 1 180px' }}
              styles={{ input: { fontSize: 32, height: 64, fontVariantNumeric: 'tabular-nums' } }}
            />
            <Button type="submit" size="xl" h={64} loading={checkIn.isPending}>
              {t('governance.console.checkIn')}
            </Button>
          </Group>
        </form>
        <div role="status" aria-live="polite">
          {last && <CheckInAlert result={last} />}
        </div>
        {earlier.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600} c="dimmed">
              {t('governance.console.recent')}
            </Text>
            <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
              {earlier.map((r, i) => (
                <Text component="li" key={i} size="sm" c={r.kind === 'refused' ? 'red.8' : undefined}>
                  {checkInText(t, r)}
                </Text>
              ))}
            </Stack>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function checkInText(t: TFunction, r: CheckInResult): string {
  if (r.kind === 'in')
    return r.name
      ? t('governance.console.checkedInName', { name: r.name, number: r.number })
      : t('governance.console.checkedIn', { number: r.number });
  if (r.kind === 'already')
    return r.name
      ? t('elections.alreadyName', { name: r.name, number: r.number })
      : t('governance.console.already', { number: r.number });
  return `${t('governance.console.refused', { number: r.number })}. ${r.reason}`;
}

function CheckInAlert({ result }: { result: CheckInResult }) {
  const { t } = useTranslation();
  if (result.kind === 'refused') {
    return (
      <Alert color="red" variant="filled" title={t('governance.console.refused', { number: result.number })}>
        <Text size="lg">{result.reason}</Text>
      </Alert>
    );
  }
  return (
    <Alert color={result.kind === 'in' ? 'green' : 'blue'} variant="light">
      <Text size="xl" fw={700}>
        {checkInText(t, result)}
      </Text>
    </Alert>
  );
}

function AgendaSection({ agenda }: { agenda: string[] }) {
  const { t } = useTranslation();
  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      aria-labelledby="ayni-agenda-title"
    >
      <Title order={2} size="h3" id="ayni-agenda-title" mb="sm">
        {t('governance.console.agendaTitle')}
      </Title>
      {agenda.length === 0 ? (
        <Text c="dimmed">{t('governance.console.noAgenda')}</Text>
      ) : (
        <ol style={{ margin: 0, paddingInlineStart: 24 }}>
          {agenda.map((item, i) => (
            <Text component="li" key={i} size="lg" mb={4}>
              {item}
            </Text>
          ))}
        </ol>
      )}
    </Paper>
  );
}

interface HandsValues {
  title: string;
  decisionType: DecisionType;
  /** '' or the 1-based agenda item. */
  agendaItem: string;
  /** '' or the id of the motion this one amends. */
  amendsMotionId: string;
  yes: number | string;
  no: number | string;
  abstain: number | string;
}

const EMPTY_HANDS: HandsValues = {
  title: '',
  decisionType: 'ordinary',
  agendaItem: '',
  amendsMotionId: '',
  yes: '',
  no: '',
  abstain: '',
};

function HandsSection({ org, assembly }: { org: Org; assembly: Assembly }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<HandsValues>(EMPTY_HANDS);
  const [id, setId] = useState(newId);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [flash, setFlash] = useState<string | null>(null);
  const record = useRecordMotion(org.slug, assembly.id);
  const server = serverFieldErrors(record.error);
  const error = (f: string) => problems[f] ?? server[f];

  const count = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? 0 : Number(v));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!values.title.trim()) next.title = t('governance.console.required');
    for (const k of ['yes', 'no', 'abstain'] as const) {
      const n = count(values[k]);
      if (!Number.isInteger(n) || n < 0) next[k] = t('governance.console.wholeNumber');
    }
    setProblems(next);
    if (Object.keys(next).length > 0) return;
    record.mutate(
      {
        id,
        title: values.title.trim(),
        decisionType: values.decisionType,
        method: 'hands',
        ...(values.agendaItem ? { agendaItem: Number(values.agendaItem) } : {}),
        ...(values.amendsMotionId ? { amendsMotionId: values.amendsMotionId } : {}),
        yes: count(values.yes),
        no: count(values.no),
        abstain: count(values.abstain),
      },
      {
        onSuccess: (after) => {
          const motion = after.motions.find((m) => m.id === id);
          setFlash(
            t('governance.console.motionSaved', {
              result: motion?.passed ? t('governance.result.passed') : t('governance.result.rejected'),
            }),
          );
          // the next motion is most likely on the same agenda item
          setValues({ ...EMPTY_HANDS, agendaItem: values.agendaItem });
          setId(newId());
        },
      },
    );
  };

  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      aria-labelledby="ayni-hands-title"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="ayni-hands-title">
          {t('governance.console.handsTitle')}
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormProblem
              error={record.error}
              shownFields={['title', 'agendaItem', 'amendsMotionId', 'yes', 'no', 'abstain']}
            />
            <TextInput
              label={t('governance.console.motion')}
              value={values.title}
              onChange={(e) => {
                const title = e.currentTarget.value;
                setValues((v) => ({ ...v, title }));
              }}
              error={error('title')}
              required
              size="md"
              maxLength={300}
            />
            <NativeSelect
              label={t('governance.console.decisionType')}
              value={values.decisionType}
              onChange={(e) => {
                const decisionType = e.currentTarget.value as DecisionType;
                setValues((v) => ({ ...v, decisionType }));
              }}
              data={DECISION_TYPES.map((d) => ({ value: d, label: t(`governance.decisionType.${d}`) }))}
              size="md"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('elections.agendaItem')}
                value={values.agendaItem}
                onChange={(e) => {
                  const agendaItem = e.currentTarget.value;
                  setValues((v) => ({ ...v, agendaItem }));
                }}
                data={[
                  { value: '', label: t('elections.noAgendaItem') },
                  ...assembly.agenda.map((item, i) => ({
                    value: String(i + 1),
                    label: `${i + 1}. ${item.length > 60 ? `${item.slice(0, 59)}…` : item}`,
                  })),
                ]}
                error={error('agendaItem')}
                size="md"
              />
              <NativeSelect
                label={t('elections.amends')}
                value={values.amendsMotionId}
                onChange={(e) => {
                  const amendsMotionId = e.currentTarget.value;
                  setValues((v) => ({ ...v, amendsMotionId }));
                }}
                data={[
                  { value: '', label: t('elections.notAnAmendment') },
                  ...assembly.motions.map((m) => ({
                    value: m.id,
                    label: m.title.length > 60 ? `${m.title.slice(0, 59)}…` : m.title,
                  })),
                ]}
                error={error('amendsMotionId')}
                disabled={assembly.motions.length === 0}
                size="md"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
              {(['yes', 'no', 'abstain'] as const).map((k) => (
                <NumberInput
                  key={k}
                  label={t(`governance.console.${k}`)}
                  value={values[k]}
                  onChange={(v) => setValues((old) => ({ ...old, [k]: v }))}
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  hideControls
                  error={error(k)}
                  size="lg"
                  inputMode="numeric"
                />
              ))}
            </SimpleGrid>
            <Button type="submit" size="md" loading={record.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('governance.console.record')}
            </Button>
          </Stack>
        </form>
        <FlashMessage message={flash} onClose={() => setFlash(null)} />
        <Title order={3} size="h4" mt="xs">
          {t('governance.console.motionsTitle')}
        </Title>
        {assembly.motions.length === 0 ? (
          <Text c="dimmed">{t('governance.console.noMotions')}</Text>
        ) : (
          <Stack
            component="ol"
            gap="sm"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={t('governance.console.motionsTitle')}
          >
            {assembly.motions.map((m) => (
              <li key={m.id}>
                <Text fw={600}>{m.title}</Text>
                <Text size="sm" c="dimmed">
                  {m.agendaItem !== null &&
                    `${t('elections.agendaItemShort', { n: String(m.agendaItem) })} · `}
                  {decisionTypeName(t, m.decisionType)} ·{' '}
                  {m.method === 'named' ? t('governance.console.byNamed') : t('governance.console.byHands')}
                </Text>
                {m.amendsMotionId !== null && (
                  <Text size="sm">
                    {t('elections.amendmentOf', {
                      title:
                        assembly.motions.find((x) => x.id === m.amendsMotionId)?.title ?? m.amendsMotionId,
                    })}
                  </Text>
                )}
                <ResultLine result={m} />
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function SecretSection({ org, assembly }: { org: Org; assembly: Assembly }) {
  const { t } = useTranslation();
  const votes = useSecretVotes(
    org.slug,
    assembly.id,
    assembly.secretVotes.map((v) => v.id),
    true,
  );
  const open = useOpenSecretVote(org.slug, assembly.id);
  const [id, setId] = useState(newId);
  const [title, setTitle] = useState('');
  const [decisionType, setDecisionType] = useState<DecisionType>('ordinary');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [flash, setFlash] = useState<string | null>(null);
  const server = serverFieldErrors(open.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = passphraseProblems(t, passphrase, again);
    if (!title.trim()) next.title = t('governance.console.required');
    setProblems(next);
    if (Object.keys(next).length > 0) return;
    open.mutate(
      { id, title: title.trim(), decisionType, passphrase },
      {
        onSuccess: () => {
          setId(newId());
          setFlash(t('governance.console.opened'));
          setTitle('');
          setPassphrase('');
          setAgain('');
        },
      },
    );
  };

  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      aria-labelledby="ayni-secret-title"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="ayni-secret-title">
          {t('governance.console.secretTitle')}
        </Title>
        <Text size="sm">{t('governance.console.secretIntro')}</Text>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormProblem error={open.error} shownFields={['title', 'passphrase']} />
            <TextInput
              label={t('governance.console.voteTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={problems.title ?? server.title}
              required
              size="md"
              maxLength={300}
            />
            <NativeSelect
              label={t('governance.console.decisionType')}
              value={decisionType}
              onChange={(e) => setDecisionType(e.currentTarget.value as DecisionType)}
              data={DECISION_TYPES.map((d) => ({ value: d, label: t(`governance.decisionType.${d}`) }))}
              size="md"
            />
            <PassphrasePair
              passphrase={passphrase}
              again={again}
              onPassphrase={setPassphrase}
              onAgain={setAgain}
              errors={{ passphrase: problems.passphrase ?? server.passphrase, again: problems.again }}
            />
            <Text size="sm" c="dimmed">
              {t('governance.console.passphraseHelp')}
            </Text>
            <Button type="submit" size="md" loading={open.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('governance.console.open')}
            </Button>
          </Stack>
        </form>
        <FlashMessage message={flash} onClose={() => setFlash(null)} />
        <Title order={3} size="h4" mt="xs">
          {t('governance.console.votesTitle')}
        </Title>
        {votes.isError && !votes.data ? (
          <LoadError error={votes.error} onRetry={() => void votes.refetch()} />
        ) : !votes.data ? (
          <PageLoader />
        ) : votes.data.length === 0 ? (
          <Text c="dimmed">{t('governance.console.noVotes')}</Text>
        ) : (
          <Stack gap="sm">
            {[...votes.data].reverse().map((v) => (
              <SecretVoteCard key={v.id} org={org} vote={v} present={assembly.present} />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function SecretVoteCard({ org, vote, present }: { org: Org; vote: SecretVote; present: number }) {
  const { t } = useTranslation();
  const tally = useTally(org.slug, vote.assemblyId, vote.id);

  return (
    <Paper withBorder p="sm" radius="md" bg={vote.status === 'open' ? 'coffee.0' : undefined}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={700}>{vote.title}</Text>
            <Text size="sm" c="dimmed">
              {decisionTypeName(t, vote.decisionType)}
            </Text>
          </div>
          <Badge
            color={vote.status === 'open' ? 'blue' : 'gray'}
            variant="filled"
            tt="none"
            radius="sm"
            style={{ flexShrink: 0 }}
          >
            {vote.status === 'open'
              ? t('governance.console.statusOpen')
              : t('governance.console.statusTallied')}
          </Badge>
        </Group>
        <Text fz="lg" fw={600} aria-live="polite" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {t('governance.console.voted', {
            voted: String(vote.voted),
            present: String(vote.result?.present ?? present),
          })}
        </Text>
        {vote.status === 'open' ? (
          <TallyForm
            tally={tally}
            help={t('governance.console.tallyHelp')}
            label={t('governance.console.tally')}
          />
        ) : (
          vote.result && (
            <>
              <ResultLine result={vote.result} />
              <details>
                <summary style={{ cursor: 'pointer' }}>
                  {t('governance.console.ballots', { count: vote.ballots.length })}
                </summary>
                <SimpleGrid cols={{ base: 2, sm: 3 }} spacing={4} mt="xs">
                  {vote.ballots.map((b) => (
                    <Text key={b.receiptCode} size="sm" ff="monospace">
                      {b.receiptCode} · {choiceName(t, b.choice)}
                    </Text>
                  ))}
                </SimpleGrid>
              </details>
            </>
          )
        )}
      </Stack>
    </Paper>
  );
}
