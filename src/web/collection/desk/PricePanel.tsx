import { Alert, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketPriceView } from '../../../collection/collection.contract.js';
import type { OrgView as Org } from '../../../orgs/orgs.contract.js';
import { problemMessage } from '../../app/feedback.js';
import { formatMoney, formatNumber } from '../../shared/format.js';

/** The live price of the delivery being typed: payable weight, unit price, value and how it was reached. */
export function PricePanel({
  org,
  locale,
  hasInput,
  preview,
  error,
  updating,
  online,
}: {
  org: Org;
  locale: string;
  hasInput: boolean;
  preview: TicketPriceView | undefined;
  error: unknown;
  updating: boolean;
  online: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ayni-desk-price">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h3" id="ayni-desk-price">
            {t('collection.priceTitle')}
          </Title>
          {hasInput && updating && online && <Loader size="xs" aria-label={t('collection.priceUpdating')} />}
        </Group>
        <div aria-live="polite" aria-busy={hasInput && updating && online}>
          {!online ? (
            <Text size="sm" fw={600} c="orange.9">
              {t('collection.priceOffline')}
            </Text>
          ) : !hasInput ? (
            <Text size="sm" c="dimmed">
              {t('collection.priceWaiting')}
            </Text>
          ) : error && !updating ? (
            <Alert color="red" variant="light">
              {problemMessage(error, t)}
            </Alert>
          ) : preview ? (
            <Stack gap={6} style={{ opacity: updating ? 0.6 : 1 }}>
              <Group justify="space-between">
                <Text size="sm">{t('collection.payableKg')}</Text>
                <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatNumber(locale, preview.payableKg, 3)} kg
                </Text>
              </Group>
              <Group justify="space-between">
                <Text size="sm">{t('collection.unitPrice')}</Text>
                <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatMoney(locale, preview.currency || org.currency, preview.unitPricePerKg)}
                </Text>
              </Group>
              <Group justify="space-between" align="baseline">
                <Text fw={700}>{t('collection.value')}</Text>
                <Text
                  fw={800}
                  fz={28}
                  c="coffee.8"
                  style={{ fontVariantNumeric: 'tabular-nums' }}
                  data-testid="price-value"
                >
                  {formatMoney(locale, preview.currency || org.currency, preview.value)}
                </Text>
              </Group>
              <Text size="sm" fw={600} mt={4}>
                {t('collection.explanation')}
              </Text>
              <List size="sm" spacing={2} aria-label={t('collection.explanation')}>
                {preview.lines.map((line) => (
                  <List.Item key={line.code}>{line.message}</List.Item>
                ))}
              </List>
            </Stack>
          ) : (
            <Loader size="sm" />
          )}
        </div>
      </Stack>
    </Paper>
  );
}
