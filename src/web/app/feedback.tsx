import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/client.js';
import { followLink } from './router.js';

/** The sentence to show for a failed call: the server's own (localized) detail when it gave one. */
export function problemMessage(error: unknown, t: TFunction, fallback?: string): string {
  if (isApiProblem(error)) {
    if (error.isNetworkError) return t('app.networkError');
    if (error.detail) return error.detail;
    if (error.title && error.code !== 'bad_response') return error.title;
  }
  return fallback ?? t('app.unexpectedError');
}

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-hidden="true" />
      <Text ml="sm">{t('app.loading')}</Text>
    </Center>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('app.loadErrorTitle')} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{problemMessage(error, t)}</Text>
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function MessagePage({
  title,
  text,
  homeLink = true,
}: {
  title: string;
  text: string;
  homeLink?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" align="flex-start" maw={640}>
      <Title order={1}>{title}</Title>
      <Text>{text}</Text>
      {homeLink && (
        <Button component="a" href="/" variant="light" onClick={followLink}>
          {t('app.goHome')}
        </Button>
      )}
    </Stack>
  );
}
