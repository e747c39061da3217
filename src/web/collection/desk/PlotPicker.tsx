import { Checkbox, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlotView as Plot } from '../../../members/members.contract.js';
import { formatNumber } from '../../shared/format.js';

/** The member's declared plots the coffee comes from: one or more, checked with Space. */
export function PlotPicker({
  plots,
  loading,
  unavailable,
  value,
  onChange,
  error,
  locale,
}: {
  plots: Plot[];
  loading: boolean;
  unavailable: boolean;
  value: string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
  locale: string;
}) {
  const { t } = useTranslation();
  if (loading) return <Loader size="xs" />;
  if (unavailable || plots.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {unavailable ? t('collection.plotsUnavailable') : t('collection.plotsNone')}
      </Text>
    );
  return (
    <Checkbox.Group label={t('collection.plots')} value={value} onChange={onChange} error={error} size="md">
      <Group gap="md" mt={6}>
        {plots.map((p) => {
          const area = p.coffeeAreaHa ?? p.declaredAreaHa ?? p.computedAreaHa;
          return (
            <Checkbox
              key={p.id}
              value={p.id}
              size="md"
              label={
                area
                  ? `${p.name} (${t('collection.plotArea', { area: formatNumber(locale, area, 2) })})`
                  : p.name
              }
            />
          );
        })}
      </Group>
    </Checkbox.Group>
  );
}
