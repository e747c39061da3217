import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assembly, Election } from '../../governance/governance.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { type ElectionMethod, ORGAN_KINDS as ORGANS, type OrganKind as Organ } from '../../shared/enums.js';
import { api, isApiProblem } from '../api/client.js';
import { LoadError, PageLoader, problemMessage } from '../app/feedback.js';
import { canReadMembers } from '../members/access.js';
import { fullName } from '../shared/format.js';
import { newId } from '../shared/ids.js';
import { FlashMessage, FormProblem, serverFieldErrors } from '../shared/ui.js';
import {
  useAddCandidates,
  useCheckEligibility,
  useCreateElection,
  useElections,
  useOpenElection,
  useRecordCounts,
  useStartRunoff,
  useStatute,
  useTallyElection,
} from './api.js';
import { ElectionResults } from './ElectionResults.js';
import { ineligibilityReason, organName, PassphrasePair, passphraseProblems, TallyForm } from './ui.js';

/**
 * The console's elections: an organ's seats put to the vote at the assembly. The secretary sets the
 * election up (seats and alternates from the statute), nominates candidates, each checked against the
 * statute as they are added (good standing, re-election limit, incompatible offices), then either opens
 * a secret electronic vote sealed with the tellers' passphrase, or enters the tellers' counts of the
 * paper ballots. The results say who is elected, who is an alternate and how any tie was settled.
 */
export function ElectionPanel({ org, assembly }: { org: Org; assembly: Assembly }) {
  const { t } = useTranslation();
  const elections = useElections(org.slug, assembly.id, true);

  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      aria-labelledby="ayni-elections-title"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="ayni-elections-title">
          {t('elections.title')}
        </Title>
        <Text size="sm">{t('elections.intro')}</Text>
        {elections.isError && !elections.data ? (
          <LoadError error={elections.error} onRetry={() => void elections.refetch()} />
        ) : !elections.data ? (
          <PageLoader />
        ) : (
          [...elections.data.items]
            .reverse()
            .map((e) => <ElectionCard key={e.id} org={org} assembly={assembly} election={e} />)
        )}
        <NewElection org={org} assembly={assembly} />
      </Stack>
    </Paper>
  );
}

/** A candidate on the form, with what the statute says about them. */
interface Nominee {
  memberNumber: string;
  name: string | null;
  state: 'checking' | 'eligible' | 'ineligible' | 'error';
  /** Eligibility reason codes, or the server's sentences when it refused the election. */
  reasons: string[];
  /** A sentence when the check failed (no such member). */
  error: string | null;
}

/** The assembly's day in the cooperative's zone: the earliest a term may start. */
function assemblyDay(assembly: Assembly, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(assembly.firstCallAt));
}

/**
 * Checks members against the statute for an organ and a term start, one request each (so one unknown
 * number does not hide the others' answers), with their names when this user may read the register.
 */
function useNomineeCheck(org: Org, assemblyId: string) {
  const { t } = useTranslation();
  const eligibility = useCheckEligibility(org.slug, assemblyId);
  const readNames = canReadMembers(org);
  return async (memberNumber: string, organ: Organ, termStartsOn: string): Promise<Nominee> => {
    const name = readNames
      ? api<{ givenNames: string; familyNames: string }>(
          'GET',
          `/api/v1/orgs/${encodeURIComponent(org.slug)}/members/${encodeURIComponent(memberNumber)}`,
        ).then(fullName, () => null)
      : Promise.resolve(null);
    try {
      const { items } = await eligibility.mutateAsync({ organ, termStartsOn, memberNumbers: [memberNumber] });
      const reasons = items[0]?.reasons ?? [];
      return {
        memberNumber,
        name: await name,
        state: reasons.length > 0 ? 'ineligible' : 'eligible',
        reasons: reasons.map((r) => ineligibilityReason(t, r)),
        error: null,
      };
    } catch (error) {
      return { memberNumber, name: null, state: 'error', reasons: [], error: problemMessage(error, t) };
    }
  };
}

function NewElection({ org, assembly }: { org: Org; assembly: Assembly }) {
  const { t } = useTranslation();
  const statute = useStatute(org.slug);
  const create = useCreateElection(org.slug, assembly.id);
  const check = useNomineeCheck(org, assembly.id);
  const firstDay = assemblyDay(assembly, org.timeZone);
  const [id, setId] = useState(newId);
  const [organ, setOrgan] = useState<Organ>('board');
  const [seats, setSeats] = useState<number | string>('');
  const [alternates, setAlternates] = useState<number | string>('');
  const [termStartsOn, setTermStartsOn] = useState(firstDay);
  const [method, setMethod] = useState<ElectionMethod>('secret');
  const [nominees, setNominees] = useState<Nominee[]>([]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [flash, setFlash] = useState<string | null>(null);
  const server = serverFieldErrors(create.error);

  const params = statute.data?.params;
  const organs = params?.organs?.length ? params.organs.map((o) => o.organ) : [...ORGANS];
  const spec = params?.organs?.find((o) => o.organ === organ);

  const recheck = (list: Nominee[], nextOrgan: Organ, nextStart: string) => {
    if (list.length === 0 || !/^\d{4}-\d{2}-\d{2}$/.test(nextStart)) return;
    setNominees(list.map((n) => ({ ...n, state: 'checking' })));
    void Promise.all(list.map((n) => check(n.memberNumber, nextOrgan, nextStart))).then(setNominees);
  };

  const add = async (memberNumber: string): Promise<string | null> => {
    if (nominees.some((n) => n.memberNumber === memberNumber))
      return t('elections.alreadyListed', { number: memberNumber });
    create.reset();
    setNominees((list) => [
      ...list,
      { memberNumber, name: null, state: 'checking', reasons: [], error: null },
    ]);
    const checked = await check(memberNumber, organ, termStartsOn);
    setNominees((list) => list.map((n) => (n.memberNumber === memberNumber ? checked : n)));
    return null;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(termStartsOn)) next.termStartsOn = t('governance.console.required');
    setProblems(next);
    if (Object.keys(next).length > 0) return;
    const numbers = nominees.map((n) => n.memberNumber);
    create.mutate(
      {
        id,
        organ,
        ...(seats === '' ? {} : { seats: Number(seats) }),
        ...(alternates === '' ? {} : { alternates: Number(alternates) }),
        termStartsOn,
        method,
        candidates: numbers,
      },
      {
        onSuccess: (election) => {
          setFlash(
            t('elections.created', {
              organ: organName(t, election.organ),
              count: election.candidates.length,
            }),
          );
          setNominees([]);
          setSeats('');
          setAlternates('');
          setId(newId());
        },
        onError: (error) => {
          // one field error per reason, at candidates.N: shown next to that candidate
          if (!isApiProblem(error)) return;
          const byIndex = new Map<number, string[]>();
          for (const e of error.errors) {
            const match = /^\/?candidates[./](\d+)/.exec(e.path);
            if (!match) continue;
            const i = Number(match[1]);
            byIndex.set(i, [...(byIndex.get(i) ?? []), e.message]);
          }
          if (byIndex.size === 0) return;
          setNominees((list) =>
            list.map((n) => {
              const reasons = byIndex.get(numbers.indexOf(n.memberNumber));
              return reasons ? { ...n, state: 'ineligible', reasons } : n;
            }),
          );
        },
      },
    );
  };

  const candidateRefusal =
    isApiProblem(create.error) && create.error.errors.some((e) => /^\/?candidates/.test(e.path));
  const blocked = nominees.filter((n) => n.state === 'ineligible' || n.state === 'error').length;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="ayni-new-election-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="ayni-new-election-title">
            {t('elections.newTitle')}
          </Title>
          {candidateRefusal ? (
            <Alert color="red" variant="light" role="alert" title={t('elections.notCreated')}>
              <Text size="sm">
                {problemMessage(create.error, t)} {t('elections.seeCandidates')}
              </Text>
            </Alert>
          ) : (
            <FormProblem
              error={create.error}
              shownFields={['organ', 'seats', 'alternates', 'termStartsOn', 'termEndsOn', 'method']}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('elections.organLabel')}
              value={organ}
              onChange={(e) => {
                const next = e.currentTarget.value as Organ;
                setOrgan(next);
                setSeats('');
                setAlternates('');
                recheck(nominees, next, termStartsOn);
              }}
              data={organs.map((o) => ({ value: o, label: organName(t, o) }))}
              error={server.organ}
              size="md"
            />
            <TextInput
              type="date"
              label={t('elections.termStartsOn')}
              description={t('elections.termStartsHelp', { years: String(params?.termYears ?? '—') })}
              value={termStartsOn}
              min={firstDay}
              onChange={(e) => {
                const next = e.currentTarget.value;
                setTermStartsOn(next);
                recheck(nominees, organ, next);
              }}
              error={problems.termStartsOn ?? server.termStartsOn ?? server.termEndsOn}
              required
              size="md"
            />
            <NumberInput
              label={t('elections.seats')}
              description={spec ? t('elections.fromStatute', { count: spec.seats }) : undefined}
              placeholder={spec ? String(spec.seats) : undefined}
              value={seats}
              onChange={setSeats}
              min={1}
              max={15}
              allowDecimal={false}
              allowNegative={false}
              error={server.seats}
              size="md"
              inputMode="numeric"
            />
            <NumberInput
              label={t('elections.alternates')}
              description={spec ? t('elections.fromStatute', { count: spec.alternates }) : undefined}
              placeholder={spec ? String(spec.alternates) : undefined}
              value={alternates}
              onChange={setAlternates}
              min={0}
              max={15}
              allowDecimal={false}
              allowNegative={false}
              error={server.alternates}
              size="md"
              inputMode="numeric"
            />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="ayni-election-method">
              {t('elections.method')}
            </Text>
            <SegmentedControl
              aria-labelledby="ayni-election-method"
              value={method}
              onChange={(v) => setMethod(v as ElectionMethod)}
              data={[
                { value: 'secret', label: t('elections.methodSecret') },
                { value: 'counted', label: t('elections.methodCounted') },
              ]}
              fullWidth
            />
            <Text size="sm" c="dimmed">
              {method === 'secret' ? t('elections.methodSecretHelp') : t('elections.methodCountedHelp')}
            </Text>
          </Stack>
          <NomineeList
            nominees={nominees}
            onRemove={(n) => {
              create.reset();
              setNominees((list) => list.filter((x) => x.memberNumber !== n));
            }}
          />
          <CandidateInput label={t('elections.candidateNumber')} onAdd={add} />
          {blocked > 0 && (
            <Text size="sm" c="red.8" fw={600}>
              {t('elections.removeIneligible', { count: blocked })}
            </Text>
          )}
          <Button type="submit" size="md" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('elections.create')}
          </Button>
        </Stack>
      </form>
      <FlashMessage message={flash} onClose={() => setFlash(null)} />
    </Paper>
  );
}

/** A member number and "Agregar": Enter adds too (a scanner types the card's code and Enter). */
function CandidateInput({
  label,
  onAdd,
  disabled = false,
}: {
  label: string;
  onAdd: (memberNumber: string) => Promise<string | null>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const go = async () => {
    const typed = value.trim();
    const number = typed.split(':').at(-1)?.trim() ?? '';
    if (!number) return;
    setBusy(true);
    const problem = await onAdd(number);
    setBusy(false);
    setError(problem);
    if (!problem) setValue('');
    ref.current?.focus();
  };
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        ref={ref}
        label={label}
        description={t('elections.candidateHelp')}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void go();
          }
        }}
        error={error}
        inputMode="numeric"
        autoComplete="off"
        size="md"
        style={{ flex: 1, minWidth: 0 }}
        disabled={disabled}
      />
      <Button variant="light" size="md" onClick={() => void go()} loading={busy} disabled={disabled}>
        {t('elections.addCandidate')}
      </Button>
    </Group>
  );
}

function NomineeList({ nominees, onRemove }: { nominees: Nominee[]; onRemove: (n: string) => void }) {
  const { t } = useTranslation();
  if (nominees.length === 0) return <Text c="dimmed">{t('elections.noCandidatesYet')}</Text>;
  return (
    <Stack
      component="ul"
      gap="xs"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label={t('elections.candidatesList')}
    >
      {nominees.map((n) => (
        <Paper
          component="li"
          key={n.memberNumber}
          withBorder
          p="xs"
          radius="sm"
          style={{
            borderColor:
              n.state === 'eligible'
                ? 'var(--mantine-color-green-7)'
                : n.state === 'checking'
                  ? undefined
                  : 'var(--mantine-color-red-7)',
          }}
        >
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Text fw={700}>
                {n.name
                  ? t('elections.nameNumber', { name: n.name, number: n.memberNumber })
                  : t('elections.numberOnly', { number: n.memberNumber })}
              </Text>
              {n.state === 'checking' ? (
                <Text size="sm" c="dimmed">
                  {t('elections.checking')}
                </Text>
              ) : n.state === 'eligible' ? (
                <Text size="sm" c="green.9" fw={600}>
                  ✓ {t('elections.eligible')}
                </Text>
              ) : n.state === 'error' ? (
                <Text size="sm" c="red.8" fw={600}>
                  {n.error}
                </Text>
              ) : (
                <Stack gap={0}>
                  <Text size="sm" c="red.8" fw={700}>
                    ✗ {t('elections.ineligible')}
                  </Text>
                  {n.reasons.map((r) => (
                    <Text key={r} size="sm" c="red.8">
                      {r}
                    </Text>
                  ))}
                </Stack>
              )}
            </div>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              onClick={() => onRemove(n.memberNumber)}
              aria-label={t('elections.removeCandidate', { number: n.memberNumber })}
            >
              ✕
            </ActionIcon>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

export function statusName(t: TFunction, status: Election['status']): string {
  return t(`elections.status.${status}`);
}

function ElectionCard({ org, assembly, election }: { org: Org; assembly: Assembly; election: Election }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  const title = t('elections.electionOf', { organ: organName(t, election.organ) });
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="article"
      aria-label={title}
      bg={election.status === 'open' ? 'coffee.0' : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text fw={700} size="lg">
              {title}
            </Text>
            <Text size="sm" c="dimmed">
              {t('elections.seatsLine', { count: election.seats, alternates: String(election.alternates) })} ·{' '}
              {t('elections.termLine', {
                from: date(election.termStartsOn),
                to: date(election.termEndsOn),
              })}{' '}
              · {election.method === 'secret' ? t('elections.methodSecret') : t('elections.methodCounted')}
            </Text>
          </div>
          <Badge
            color={election.status === 'open' ? 'blue' : election.status === 'tallied' ? 'gray' : 'yellow'}
            variant="filled"
            tt="none"
            radius="sm"
            style={{ flexShrink: 0 }}
          >
            {statusName(t, election.status)}
          </Badge>
        </Group>
        {election.status === 'tallied' ? (
          <>
            <ElectionResults election={election} />
            {election.candidates.some((c) => c.outcome === 'tied') && (
              <Runoff org={org} assembly={assembly} election={election} />
            )}
          </>
        ) : (
          <>
            {election.candidates.length === 0 ? (
              <Text c="dimmed">{t('elections.noCandidatesYet')}</Text>
            ) : (
              <Stack
                component="ol"
                gap={2}
                m={0}
                p={0}
                style={{ listStyle: 'none' }}
                aria-label={t('elections.candidatesList')}
              >
                {election.candidates.map((c) => (
                  <Text component="li" key={c.memberNumber}>
                    <Text component="span" fw={800} style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {c.ballotNumber}.
                    </Text>{' '}
                    {t('elections.nameNumber', { name: c.name, number: c.memberNumber })}
                  </Text>
                ))}
              </Stack>
            )}
            {election.status === 'nominating' && (
              <>
                <AddCandidates org={org} assembly={assembly} election={election} />
                {election.method === 'secret' ? (
                  <OpenElection org={org} election={election} />
                ) : (
                  <CountsForm org={org} election={election} present={assembly.present} />
                )}
              </>
            )}
            {election.status === 'open' && (
              <>
                <Text fz="lg" fw={600} aria-live="polite" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {t('governance.console.voted', {
                    voted: String(election.voted),
                    present: String(assembly.present),
                  })}
                </Text>
                <TallyElection org={org} election={election} />
              </>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** The statute settles a tie by a runoff: one click makes the election among those tied. */
function Runoff({ org, assembly, election }: { org: Org; assembly: Assembly; election: Election }) {
  const { t } = useTranslation();
  const runoff = useStartRunoff(org.slug, assembly.id, election.id);
  const [pending] = useState(() => newId());
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {t('elections.runoffHelp')}
      </Text>
      <Button
        variant="light"
        color="orange"
        style={{ alignSelf: 'flex-start' }}
        loading={runoff.isPending}
        disabled={runoff.isSuccess}
        onClick={() => runoff.mutate(pending)}
      >
        {t('elections.runoff')}
      </Button>
      {runoff.isSuccess && <Text size="sm">{t('elections.runoffCreated')}</Text>}
      {runoff.isError && (
        <Text size="sm" c="red">
          {problemMessage(runoff.error, t)}
        </Text>
      )}
    </Stack>
  );
}

function AddCandidates({ org, assembly, election }: { org: Org; assembly: Assembly; election: Election }) {
  const { t } = useTranslation();
  const check = useNomineeCheck(org, assembly.id);
  const addCandidates = useAddCandidates(org.slug, assembly.id, election.id);
  const [refused, setRefused] = useState<Nominee | null>(null);
  const add = async (memberNumber: string) => {
    if (election.candidates.some((c) => c.memberNumber === memberNumber))
      return t('elections.alreadyListed', { number: memberNumber });
    const checked = await check(memberNumber, election.organ as Organ, election.termStartsOn);
    if (checked.state === 'error') return checked.error;
    if (checked.state === 'ineligible') {
      setRefused(checked);
      return t('elections.ineligible');
    }
    setRefused(null);
    try {
      await addCandidates.mutateAsync([memberNumber]);
      return null;
    } catch (error) {
      return problemMessage(error, t);
    }
  };
  return (
    <Stack gap="xs">
      <CandidateInput label={t('elections.addMoreCandidates')} onAdd={add} />
      {refused && (
        <Alert color="red" variant="light" role="alert">
          {refused.reasons.map((r) => (
            <Text key={r} size="sm">
              {r}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}

function OpenElection({ org, election }: { org: Org; election: Election }) {
  const { t } = useTranslation();
  const open = useOpenElection(org.slug, election.assemblyId, election.id);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const server = serverFieldErrors(open.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = passphraseProblems(t, passphrase, again);
    setProblems(next);
    if (Object.keys(next).length > 0) return;
    open.mutate(passphrase, {
      onSuccess: () => {
        setPassphrase('');
        setAgain('');
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Text size="sm">{t('elections.openHelp')}</Text>
        {open.error && !server.passphrase ? (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(open.error, t)}
          </Alert>
        ) : null}
        <PassphrasePair
          passphrase={passphrase}
          again={again}
          onPassphrase={setPassphrase}
          onAgain={setAgain}
          errors={{ passphrase: problems.passphrase ?? server.passphrase, again: problems.again }}
        />
        <Button
          type="submit"
          size="md"
          loading={open.isPending}
          disabled={election.candidates.length === 0}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('elections.open')}
        </Button>
      </Stack>
    </form>
  );
}

function TallyElection({ org, election }: { org: Org; election: Election }) {
  const { t } = useTranslation();
  const tally = useTallyElection(org.slug, election.assemblyId, election.id);
  return <TallyForm tally={tally} help={t('elections.tallyHelp')} label={t('elections.tally')} />;
}

/** Paper ballots: the tellers' count of voters, blank ballots and each candidate's votes. */
function CountsForm({ org, election, present }: { org: Org; election: Election; present: number }) {
  const { t } = useTranslation();
  const record = useRecordCounts(org.slug, election.assemblyId, election.id);
  const [voters, setVoters] = useState<number | string>('');
  const [blank, setBlank] = useState<number | string>('');
  const [votes, setVotes] = useState<Record<string, number | string>>({});
  const server = serverFieldErrors(record.error);
  const n = (v: number | string | undefined) => (typeof v === 'number' ? v : !v?.trim() ? 0 : Number(v));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({
      voters: n(voters),
      blank: n(blank),
      counts: election.candidates.map((c) => ({
        memberNumber: c.memberNumber,
        votes: n(votes[c.memberNumber]),
      })),
    });
  };
  if (election.candidates.length === 0) return null;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Text size="sm">{t('elections.countsHelp', { count: election.seats })}</Text>
        <FormProblem error={record.error} shownFields={['voters', 'blank', 'counts']} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <NumberInput
            label={t('elections.voters')}
            description={t('elections.votersHelp', { count: present })}
            value={voters}
            onChange={setVoters}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            error={server.voters}
            size="md"
            inputMode="numeric"
          />
          <NumberInput
            label={t('elections.blank')}
            value={blank}
            onChange={setBlank}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            error={server.blank}
            size="md"
            inputMode="numeric"
          />
        </SimpleGrid>
        <Table withTableBorder>
          <Table.Tbody>
            {election.candidates.map((c, i) => (
              <Table.Tr key={c.memberNumber}>
                <Table.Td>
                  <Text fw={600}>
                    {c.ballotNumber}. {c.name}
                  </Text>
                </Table.Td>
                <Table.Td w={120}>
                  <NumberInput
                    aria-label={t('elections.votesFor', { name: c.name })}
                    value={votes[c.memberNumber] ?? ''}
                    onChange={(v) => setVotes((old) => ({ ...old, [c.memberNumber]: v }))}
                    min={0}
                    allowDecimal={false}
                    allowNegative={false}
                    hideControls
                    error={server[`counts.${i}.votes`] ?? server[`counts.${i}`]}
                    inputMode="numeric"
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {server.counts && (
          <Text size="sm" c="red.8">
            {server.counts}
          </Text>
        )}
        <Button type="submit" size="md" loading={record.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('elections.recordCounts')}
        </Button>
      </Stack>
    </form>
  );
}
