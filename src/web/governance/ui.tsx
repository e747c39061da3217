import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuorumView as Quorum } from '../../governance/governance.contract.js';
import { problemMessage } from '../app/feedback.js';
import { serverFieldErrors } from '../shared/ui.js';

function has<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

/** Translated names of the governance codes; an unknown code is shown as it comes. */
export function assemblyKindName(t: TFunction, code: string): string {
  const table = { ordinary: 0, extraordinary: 0, delegates: 0 };
  return has(table, code) ? t(`governance.assemblyKind.${code}`) : code;
}

export function decisionTypeName(t: TFunction, code: string): string {
  const table = { ordinary: 0, statute_reform: 0, merger_dissolution: 0, election: 0 };
  return has(table, code) ? t(`governance.decisionType.${code}`) : code;
}

export function choiceName(t: TFunction, code: string): string {
  const table = { yes: 0, no: 0, abstain: 0 };
  return has(table, code) ? t(`governance.choice.${code}`) : code;
}

export function organName(t: TFunction, code: string): string {
  const table = { board: 0, oversight: 0, electoral: 0, education: 0, fiscal_auditor: 0, delegates: 0 };
  return has(table, code) ? t(`elections.organ.${code}`) : code;
}

/** Why a member may not stand for an office (eligibility reasons from the server). */
export function ineligibilityReason(t: TFunction, code: string): string {
  const table = {
    not_in_good_standing: 0,
    reelection_limit: 0,
    on_electoral_committee: 0,
    incompatible_office: 0,
  };
  return has(table, code) ? t(`elections.reason.${code}`) : code;
}

export function outcomeName(t: TFunction, code: string): string {
  const table = { elected: 0, alternate: 0, not_elected: 0, tied: 0 };
  return has(table, code) ? t(`elections.outcome.${code}`) : code;
}

/** How the statute settles a tie at the last seat, in a sentence. */
export function tieBreakText(t: TFunction, code: string): string {
  const table = { seniority: 0, lot: 0, runoff: 0 };
  return has(table, code) ? t(`elections.tieBreak.${code}`) : code;
}

/** Present / needed / eligible for the current call, and whether there is a quorum. */
export function QuorumPanel({
  quorum,
  updatedAt,
  split,
}: {
  quorum: Quorum;
  updatedAt?: number;
  /** Who is counted: in the room, and represented by a proxy. */
  split?: { inPerson: number; represented: number };
}) {
  const { t, i18n } = useTranslation();
  const missing = Math.max(quorum.required - quorum.present, 0);
  const time =
    updatedAt && new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(new Date(updatedAt));
  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      aria-labelledby="ayni-quorum-title"
      style={{
        borderWidth: 2,
        borderColor: quorum.met ? 'var(--mantine-color-green-7)' : 'var(--mantine-color-red-7)',
      }}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h3" id="ayni-quorum-title">
            {t('governance.quorum.title')} · {t(`governance.call.${quorum.call}`)}
          </Title>
          <Badge size="xl" color={quorum.met ? 'green' : 'red'} variant="filled" tt="none" radius="sm">
            {quorum.met ? t('governance.quorum.met') : t('governance.quorum.notMet', { count: missing })}
          </Badge>
        </Group>
        <SimpleGrid cols={3} spacing="xs" role="group" aria-live="polite">
          <Figure label={t('governance.quorum.present')} value={quorum.present} strong />
          <Figure label={t('governance.quorum.required')} value={quorum.required} />
          <Figure label={t('governance.quorum.eligible')} value={quorum.eligible} />
        </SimpleGrid>
        {split && (
          <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('elections.quorumSplit', {
              inPerson: String(split.inPerson),
              represented: String(split.represented),
            })}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('governance.quorum.live')}
          {time ? ` ${t('governance.quorum.updatedAt', { time })}` : ''}
        </Text>
      </Stack>
    </Paper>
  );
}

function Figure({ label, value, strong = false }: { label: string; value: number; strong?: boolean }) {
  return (
    <div>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text
        fz={{ base: 28, sm: 40 }}
        fw={strong ? 800 : 600}
        lh={1.1}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {value}
      </Text>
    </div>
  );
}

/** "Aprobado" / "No aprobado" with the counts. */
export function ResultLine({
  result,
}: {
  result: { yes: number; no: number; abstain: number; requiredYes: number; passed: boolean };
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <Badge color={result.passed ? 'green' : 'red'} variant="filled" tt="none" radius="sm" size="lg">
        {result.passed ? t('governance.result.passed') : t('governance.result.rejected')}
      </Badge>
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {t('governance.result.counts', {
          yes: String(result.yes),
          no: String(result.no),
          abstain: String(result.abstain),
        })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('governance.result.requiredYes', { count: result.requiredYes })}
      </Text>
    </Group>
  );
}

/** The receipt code after a ballot is cast, with what to do with it. */
export function Receipt({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" role="status">
      <Alert color="green" variant="filled">
        <Text size="lg" fw={700}>
          {t('governance.vote.receiptTitle')}
        </Text>
      </Alert>
      <Text fw={600}>{t('governance.vote.receiptLabel')}</Text>
      <Text
        ff="monospace"
        fz={{ base: 36, sm: 48 }}
        fw={800}
        ta="center"
        py="sm"
        style={{ letterSpacing: '0.06em', border: '2px dashed var(--mantine-color-dark-3)', borderRadius: 8 }}
        data-testid="receipt-code"
      >
        {code}
      </Text>
      <Text>{t('governance.vote.receiptHelp')}</Text>
    </Stack>
  );
}

/** "ab cde-12345" → "ABCDE-12345", as the list prints it. */
export function normalizeCode(input: string): string {
  const plain = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return plain.length === 10 ? `${plain.slice(0, 5)}-${plain.slice(5)}` : input.trim().toUpperCase();
}

/** A mutation that takes the tellers' passphrase (open or tally a secret vote or election). */
interface PassphraseMutation {
  mutate: (passphrase: string, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  error: unknown;
}

/** The tellers' passphrase, at least 10 characters, typed twice the same: the problems by field. */
export function passphraseProblems(t: TFunction, passphrase: string, again: string): Record<string, string> {
  if (passphrase.length < 10) return { passphrase: t('governance.console.tooShort') };
  if (passphrase !== again) return { again: t('governance.console.passphraseMismatch') };
  return {};
}

/** The tellers' passphrase and its repetition, side by side, for opening a secret vote or election. */
export function PassphrasePair({
  passphrase,
  again,
  onPassphrase,
  onAgain,
  errors,
}: {
  passphrase: string;
  again: string;
  onPassphrase: (value: string) => void;
  onAgain: (value: string) => void;
  errors: { passphrase?: string; again?: string };
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <PasswordInput
        label={t('governance.console.passphrase')}
        value={passphrase}
        onChange={(e) => onPassphrase(e.currentTarget.value)}
        error={errors.passphrase}
        autoComplete="off"
        required
        size="md"
      />
      <PasswordInput
        label={t('governance.console.passphraseAgain')}
        value={again}
        onChange={(e) => onAgain(e.currentTarget.value)}
        error={errors.again}
        autoComplete="off"
        required
        size="md"
      />
    </SimpleGrid>
  );
}

/** The tellers close a secret vote or election and count it with their passphrase. */
export function TallyForm({
  tally,
  help,
  label,
}: {
  tally: PassphraseMutation;
  help: string;
  label: string;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const server = serverFieldErrors(tally.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) return;
    tally.mutate(passphrase, { onSuccess: () => setPassphrase('') });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {tally.error && !server.passphrase ? (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(tally.error, t)}
          </Alert>
        ) : null}
        <Group align="flex-end" gap="xs">
          <PasswordInput
            label={t('governance.console.passphrase')}
            description={help}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={server.passphrase}
            autoComplete="off"
            style={{ flex: 1, minWidth: 200 }}
          />
          <Button type="submit" color="red" loading={tally.isPending} disabled={!passphrase}>
            {label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
