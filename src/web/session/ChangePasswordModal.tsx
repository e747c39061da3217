import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/client.js';
import { problemMessage } from '../app/feedback.js';
import { useChangePassword } from './session.js';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('changePassword.title')}
      centered
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      {/* Mounted only while open, so every opening starts with empty fields. */}
      {opened && <ChangePasswordForm onClose={onClose} />}
    </Modal>
  );
}

function ChangePasswordForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; confirm?: string }>({});

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!current) found.current = t('form.required');
    if (!next) found.next = t('form.required');
    if (!confirm) found.confirm = t('form.required');
    else if (next !== confirm) found.confirm = t('changePassword.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate({ currentPassword: current, newPassword: next });
  };

  if (change.isSuccess) {
    return (
      <Stack gap="md">
        <Alert color="green" variant="light" role="status">
          {t('changePassword.done')}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            {t('app.close')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const problem = change.error;
  const serverField = (path: string) => (isApiProblem(problem) ? problem.fieldError(path) : undefined);

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {change.isError && (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(problem, t, t('changePassword.failed'))}
          </Alert>
        )}
        <PasswordInput
          label={t('changePassword.current')}
          autoComplete="current-password"
          required
          data-autofocus
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={errors.current ?? serverField('currentPassword')}
        />
        <PasswordInput
          label={t('changePassword.new')}
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          error={errors.next ?? serverField('newPassword')}
        />
        <PasswordInput
          label={t('changePassword.confirm')}
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={errors.confirm}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={change.isPending}>
            {t('changePassword.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
