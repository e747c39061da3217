import { Alert, Badge, Group, Paper, Text, Title, Tooltip } from '@mantine/core';
import type { ReactNode, RefObject } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../api/client.js';
import { isApiProblem } from '../api/client.js';
import { problemMessage } from '../app/feedback.js';
import { statusName } from './format.js';

export { normalizeDecimal } from './format.js';

import type { StandingView as Standing } from '../../members/members.contract.js';

const STATUS_COLORS: Record<string, string> = {
  applicant: 'blue',
  active: 'green',
  suspended: 'orange',
  withdrawn: 'gray',
  deceased: 'dark',
};

export function StatusBadge({ status, size = 'md' }: { status: string; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="light" radius="sm" tt="none" size={size}>
      {statusName(t, status)}
    </Badge>
  );
}

/** "Socio hábil" or "No hábil: …", with every reason spelled out next to it. */
export function StandingBadge({ standing, size = 'lg' }: { standing: Standing; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  if (standing.inGoodStanding) {
    return (
      <Badge color="green" variant="filled" radius="sm" tt="none" size={size}>
        {t('standing.good')}
      </Badge>
    );
  }
  const reasons = standing.reasons.map((r) => r.message).join(' ');
  return (
    <Tooltip label={reasons || t('standing.notGood')} multiline maw={320} disabled={!reasons}>
      <Badge color="red" variant="filled" radius="sm" tt="none" size={size}>
        {t('standing.notGood')}
      </Badge>
    </Tooltip>
  );
}

/** A titled card for one part of a page, with its actions at the right of the title. */
export function Section({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      aria-labelledby={`${id}-title`}
    >
      <Group justify="space-between" align="center" mb="sm" gap="xs">
        <Title order={2} size="h4" id={`${id}-title`}>
          {title}
        </Title>
        {actions && (
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
      {children}
    </Paper>
  );
}

/** One label and value of a description list (`<dl>`). */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text component="dd" m={0} fw={500} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

export function NotSet() {
  const { t } = useTranslation();
  return (
    <Text span c="dimmed" fw={400}>
      {t('org.notSet')}
    </Text>
  );
}

/** Messages for fields from a problem+json answer, by field path ("nationalId", "geometry.coordinates"). */
export function serverFieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiProblem(error)) return out;
  for (const e of error.errors) {
    const path = e.path.replace(/^\//, '').replace(/\//g, '.');
    if (!(path in out)) out[path] = e.message;
    const head = path.split('.')[0] ?? path;
    if (!(head in out)) out[head] = e.message;
  }
  return out;
}

/**
 * The alert above a form after a failed save: the server's sentence, unless every problem is already
 * shown under its field. Network errors say the data is kept and can be sent again.
 */
export function FormProblem({
  error,
  shownFields,
  alertRef,
  fieldConflict = false,
}: {
  error: unknown;
  shownFields: readonly string[];
  alertRef?: RefObject<HTMLDivElement | null>;
  /** The caller already shows this conflict under a field. */
  fieldConflict?: boolean;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = isApiProblem(error) ? (error as ApiProblem) : null;
  const unshown = problem?.errors.filter((e) => {
    const head = e.path.replace(/^\//, '').split(/[./]/)[0] ?? '';
    return !shownFields.includes(head);
  });
  const onlyFields = (problem && problem.errors.length > 0 && unshown?.length === 0) || fieldConflict;
  return (
    <Alert ref={alertRef} tabIndex={-1} color="red" variant="light" role="alert" title={t('form.notSaved')}>
      {problem?.isNetworkError ? (
        <Text size="sm">{t('form.networkKept')}</Text>
      ) : onlyFields ? (
        <Text size="sm">{t('form.fixFields')}</Text>
      ) : (
        <>
          <Text size="sm">{problemMessage(error, t)}</Text>
          {unshown && unshown.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {unshown.map((e) => (
                <li key={`${e.path}-${e.message}`}>
                  <Text size="sm">
                    {e.path ? `${e.path}: ` : ''}
                    {e.message}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Alert>
  );
}

/** After a failed submit, move focus to the first field marked invalid (or the alert) inside `root`. */
export function useFocusFirstInvalid(
  root: RefObject<HTMLElement | null>,
  attempt: number,
  fallback?: RefObject<HTMLElement | null>,
) {
  useEffect(() => {
    if (attempt === 0) return;
    const first = root.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? fallback?.current)?.focus();
  }, [attempt, root, fallback]);
}

let flash: string | null = null;

/** A one-time confirmation shown by the next page ("Socio guardado"), e.g. after a form navigates away. */
export function setFlash(message: string): void {
  flash = message;
}

export function useFlash(): string | null {
  const [message] = useState<string | null>(() => flash);
  // Read once, then forgotten (in an effect: React may run the initializer twice).
  useEffect(() => {
    flash = null;
  }, []);
  return message;
}

/** The confirmation after a save, read out politely and closable. */
export function FlashMessage({ message, onClose }: { message: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite">
      {message && (
        <Alert
          color="green"
          variant="light"
          withCloseButton
          closeButtonLabel={t('app.close')}
          onClose={onClose}
          mb="md"
        >
          {message}
        </Alert>
      )}
    </div>
  );
}
