import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { type FormEvent, type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorStatus } from '../../shared/enums.js';
import { FormProblem, useFocusFirstInvalid } from '../shared/ui.js';

function has<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

/** Translated names of the organs, positions and signing roles; an unknown code is shown as it comes. */
export function organName(t: TFunction, code: string): string {
  const table = { board: 0, oversight: 0, electoral: 0, education: 0, fiscal_auditor: 0, delegates: 0 };
  return has(table, code) ? t(`governanceRecords.organ.${code}`) : code;
}

export function positionName(t: TFunction, code: string): string {
  const table = { president: 0, vice_president: 0, secretary: 0, treasurer: 0, member: 0, alternate: 0 };
  return has(table, code) ? t(`governanceRecords.position.${code}`) : code;
}

export function signRoleName(t: TFunction, code: string): string {
  const table = { president: 0, secretary: 0, designated: 0 };
  return has(table, code) ? t(`governanceRecords.minutes.role.${code}`) : code;
}

/** Colours of a scorecard status: green met, yellow to watch, red missed, grey not yet or not applicable. */
export const STATUS_COLOR: Record<IndicatorStatus, string> = {
  ok: 'green',
  warn: 'yellow',
  bad: 'red',
  pending: 'gray',
  na: 'gray',
};

/** Bar fill for the charts (the SVG needs a colour value, not a Mantine name). */
export const STATUS_FILL: Record<IndicatorStatus, string> = {
  ok: '#2b8a3e',
  warn: '#e8a317',
  bad: '#c92a2a',
  pending: '#adb5bd',
  na: '#adb5bd',
};

/** A form in a dialog (full screen on a phone), with the server's problem above the fields. */
export function DialogForm({
  opened,
  onClose,
  title,
  submitLabel,
  error,
  pending,
  shownFields,
  onSubmit,
  attempt,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  error: unknown;
  pending: boolean;
  shownFields: readonly string[];
  onSubmit: () => void;
  attempt: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const phone = useMediaQuery('(max-width: 30em)') ?? false;
  useFocusFirstInvalid(formRef, attempt, alertRef);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('app.close') }}
      fullScreen={phone}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="md">
          <FormProblem error={error} shownFields={shownFields} alertRef={alertRef} />
          {children}
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
