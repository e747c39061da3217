import { Group, NativeSelect, Paper, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { type CertClass, COFFEE_STATES, CUP_PROTOCOLS } from '../../../shared/enums.js';
import { formatNumber } from '../../shared/format.js';
import type { FieldKey, FormValues } from './form.js';

/**
 * The delivery's fields in the order a cashier fills them: coffee, class, sacks and weights (with the
 * net weight as it follows), then the analysis, defects and cash paid at the desk.
 */
export function DeliveryFields({
  values,
  set,
  errorOf,
  classOptions,
  firstRef,
  net,
  netNegative,
  locale,
  colombian,
  currency,
}: {
  values: FormValues;
  set: (key: FieldKey) => (value: string) => void;
  errorOf: (key: FieldKey) => string | undefined;
  classOptions: readonly CertClass[];
  firstRef: Ref<HTMLSelectElement>;
  net: string | null;
  netNegative: boolean | undefined;
  locale: string;
  colombian: boolean;
  currency: string;
}) {
  const { t } = useTranslation();
  const yieldKey: FieldKey = colombian ? 'factor' : 'yieldPercent';
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <NativeSelect
          ref={firstRef}
          label={t('collection.coffeeState')}
          size="md"
          value={values.coffeeState}
          onChange={(e) => set('coffeeState')(e.currentTarget.value)}
          data={COFFEE_STATES.map((s) => ({ value: s, label: t(`coffeeState.${s}`) }))}
          error={errorOf('coffeeState')}
        />
        <NativeSelect
          label={t('collection.certClass')}
          size="md"
          value={values.certificationClass}
          onChange={(e) => set('certificationClass')(e.currentTarget.value)}
          data={
            classOptions.length > 0
              ? classOptions.map((c) => ({ value: c, label: t(`certClass.${c}`) }))
              : [{ value: '', label: '—' }]
          }
          error={errorOf('certificationClass')}
        />
        <Num
          label={t('collection.sacks')}
          value={values.sacks}
          onChange={set('sacks')}
          error={errorOf('sacks')}
          numeric
          required
        />
        <TextInput
          label={t('collection.sackType')}
          placeholder={t('collection.sackTypePlaceholder')}
          size="md"
          value={values.sackType}
          onChange={(e) => set('sackType')(e.currentTarget.value)}
          error={errorOf('sackType')}
        />
        <Num
          label={t('collection.grossKg')}
          value={values.grossKg}
          onChange={set('grossKg')}
          error={errorOf('grossKg')}
          required
        />
        <Num
          label={t('collection.tareKg')}
          value={values.tareKg}
          onChange={set('tareKg')}
          error={errorOf('tareKg')}
          required
        />
      </SimpleGrid>
      <Paper bg="coffee.0" p="sm" radius="md">
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{t('collection.netKg')}</Text>
          <Text
            fw={700}
            fz="xl"
            c={netNegative ? 'red.8' : undefined}
            style={{ fontVariantNumeric: 'tabular-nums' }}
            aria-live="polite"
            data-testid="net-kg"
          >
            {net === null ? '—' : `${formatNumber(locale, net, 3)} kg`}
          </Text>
        </Group>
      </Paper>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Num
          label={t('collection.moisture')}
          value={values.moisturePercent}
          onChange={set('moisturePercent')}
          error={errorOf('moisturePercent')}
        />
        <Num
          label={colombian ? t('collection.factor') : t('collection.yield')}
          value={values[yieldKey]}
          onChange={set(yieldKey)}
          error={errorOf(yieldKey)}
        />
        <Num
          label={t('collection.cup')}
          value={values.cupScore}
          onChange={set('cupScore')}
          error={errorOf('cupScore')}
        />
        <NativeSelect
          label={t('collection.cupProtocol')}
          size="md"
          value={values.cupProtocol}
          onChange={(e) => set('cupProtocol')(e.currentTarget.value)}
          data={CUP_PROTOCOLS.map((p) => ({
            value: p,
            label: p === 'cva' ? t('collection.cupProtocolCva') : t('collection.cupProtocolSca2004'),
          }))}
          error={errorOf('cupProtocol')}
        />
        <Num
          label={t('collection.defects')}
          value={values.defects}
          onChange={set('defects')}
          error={errorOf('defects')}
          numeric
        />
        <Num
          label={`${t('collection.cashPaid')} (${currency})`}
          value={values.cashPaid}
          onChange={set('cashPaid')}
          error={errorOf('cashPaid')}
        />
      </SimpleGrid>
    </>
  );
}

/** A number typed as text (decimal comma or point), right for a phone's keypad. */
function Num({
  label,
  value,
  onChange,
  error,
  numeric = false,
  required = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  numeric?: boolean;
  required?: boolean;
}) {
  return (
    <TextInput
      label={label}
      size="md"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      inputMode={numeric ? 'numeric' : 'decimal'}
      autoComplete="off"
      withAsterisk={required}
      aria-required={required || undefined}
      styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
    />
  );
}
