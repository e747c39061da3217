import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/client.js';
import { problemMessage } from '../app/feedback.js';
import { storedReceipt } from './api.js';
import { normalizeCode, Receipt } from './ui.js';

/** "Votar por <name> (poder)": above every ballot cast for a member whose proxy this member holds. */
export function ProxyBanner({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Text
      id={id}
      fw={700}
      c="white"
      bg="blue.8"
      px="sm"
      py={4}
      mb={6}
      style={{ borderRadius: 'var(--mantine-radius-sm)', display: 'inline-block', overflowWrap: 'anywhere' }}
    >
      {t('elections.voteFor', { name })}
    </Text>
  );
}

/** What a ballot's cast mutation exposes to the shared parts. */
interface CastState {
  isPending: boolean;
  error: unknown;
}

/** Voted from another device, or the server says so: no ballot to show. */
export function alreadyVotedNow(votedBefore: boolean, receipt: string | null, cast: CastState): boolean {
  return (
    (votedBefore && !receipt && !cast.isPending) ||
    (isApiProblem(cast.error, 409) && cast.error.code === 'governance.already_voted')
  );
}

/**
 * An open ballot on a member's phone (their own, or `forMember`'s by proxy): the heading, then the
 * receipt once cast, "already voted", or the ballot itself (`children`).
 */
export function BallotFrame({
  headingId,
  forMember,
  kicker,
  title,
  receipt,
  alreadyVoted,
  alreadyVotedText,
  children,
}: {
  headingId: string;
  forMember?: { name: string };
  kicker: ReactNode;
  title: ReactNode;
  receipt: string | null;
  alreadyVoted: boolean;
  alreadyVotedText: string;
  children: ReactNode;
}) {
  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      aria-labelledby={forMember ? `${headingId}-for ${headingId}` : headingId}
      style={{
        borderWidth: 2,
        borderColor: forMember ? 'var(--mantine-color-blue-7)' : 'var(--mantine-color-coffee-7)',
      }}
    >
      <Stack gap="md">
        <div>
          {forMember && <ProxyBanner id={`${headingId}-for`} name={forMember.name} />}
          <Text size="sm" c="dimmed">
            {kicker}
          </Text>
          <Title order={2} size="h2" id={headingId}>
            {title}
          </Title>
        </div>
        {receipt ? (
          <Receipt code={receipt} />
        ) : alreadyVoted ? (
          <Alert color="blue" variant="light">
            <Text size="lg">{alreadyVotedText}</Text>
          </Alert>
        ) : (
          children
        )}
      </Stack>
    </Paper>
  );
}

/** "Confirme su voto": what was chosen (`children`), then send it or go back and change it. */
export function ConfirmStep({
  cast,
  onConfirm,
  onChange,
  children,
}: {
  cast: CastState;
  onConfirm: () => void;
  onChange: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={3} size="h3">
        {t('governance.vote.confirmTitle')}
      </Title>
      <Text>{t('governance.vote.youChose')}:</Text>
      {children}
      <Text>{t('governance.vote.confirmHelp')}</Text>
      {cast.error ? (
        <Alert color="red" variant="light" role="alert">
          <Text>{problemMessage(cast.error, t)}</Text>
        </Alert>
      ) : null}
      <Button size="xl" h={64} fullWidth onClick={onConfirm} loading={cast.isPending}>
        {t('governance.vote.confirm')}
      </Button>
      <Button size="lg" variant="default" fullWidth onClick={onChange} disabled={cast.isPending}>
        {t('governance.vote.change')}
      </Button>
    </Stack>
  );
}

/**
 * "Comprobar mi voto" after the tally: the receipt code (the one kept on this device to start with)
 * looked up in the published ballots, then every ballot (`children`) under a disclosure.
 */
export function ReceiptCheck<B extends { receiptCode: string }>({
  receiptKey,
  ballots,
  found,
  children,
}: {
  /** The vote or election whose stored receipt fills the field. */
  receiptKey: string;
  ballots: B[];
  /** The "found" sentence for a ballot in the list, in the current language. */
  found: (code: string, ballot: B) => string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState(() => storedReceipt(receiptKey) ?? '');
  const [checked, setChecked] = useState<{ code: string; ballot: B | null } | null>(null);

  const check = (event: FormEvent) => {
    event.preventDefault();
    const wanted = normalizeCode(code);
    if (!wanted) return;
    setChecked({ code: wanted, ballot: ballots.find((b) => b.receiptCode === wanted) ?? null });
  };

  return (
    <>
      <form onSubmit={check}>
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('governance.vote.checkTitle')}
          </Title>
          <TextInput
            label={t('governance.vote.checkLabel')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            size="lg"
            autoComplete="off"
            autoCapitalize="characters"
            styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.05em' } }}
          />
          <Button type="submit" size="md" fullWidth>
            {t('governance.vote.check')}
          </Button>
        </Stack>
      </form>
      <div role="status" aria-live="polite">
        {checked &&
          (checked.ballot ? (
            <Alert color="green" variant="light">
              <Text size="lg" fw={600}>
                {found(checked.code, checked.ballot)}
              </Text>
            </Alert>
          ) : (
            <Alert color="red" variant="light">
              <Text>{t('governance.vote.notFound', { code: checked.code })}</Text>
            </Alert>
          ))}
      </div>
      <details>
        <summary style={{ cursor: 'pointer' }}>
          {t('governance.vote.allBallots', { count: ballots.length })}
        </summary>
        {children}
      </details>
    </>
  );
}
