import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import type { SettlementPreview as Settlement } from '../../settlement/settlement.contract.js';
import { CERT_CLASSES, type CertClass } from '../../shared/enums.js';
import { formatDay, formatMoney, formatNumber, numberLocale } from '../shared/format.js';
import { slipPath, useSettlementTickets } from './api.js';

export const isCertClass = (c: string): c is CertClass => (CERT_CLASSES as readonly string[]).includes(c);

/**
 * One member's line of the preview; opened, it shows the arithmetic per class (kg × price, less what the
 * tickets were credited when the price is final), each deduction, and the tickets the settlement takes.
 */
export function SettlementMemberRow({
  org,
  settlement,
  member: m,
  open,
  onToggle,
}: {
  org: Org;
  settlement: Settlement;
  member: Settlement['members'][number];
  open: boolean;
  onToggle: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  const money = (v: string) => formatMoney(locale, settlement.currency, v);
  const tickets = useSettlementTickets(org.slug, settlement.id, open ? m.memberNumber : null);
  const deducted = m.deductions.reduce((sum, d) => sum + Math.round(Number(d.taken) * 100), 0) / 100;
  const className = (c: string) => (isCertClass(c) ? t(`certClass.${c}`) : c);
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Anchor
            component="button"
            type="button"
            onClick={onToggle}
            aria-expanded={open}
            title={t('settlements.detail')}
            ta="left"
          >
            {m.memberNumber} · {m.memberName}
          </Anchor>{' '}
          {m.outlier && (
            <Badge color="yellow" variant="light" title={t('settlements.outlierHelp')}>
              {t('settlements.outlier')}
            </Badge>
          )}{' '}
          {m.floorApplied && (
            <Badge color="gray" variant="light">
              {t('settlements.floor')}
            </Badge>
          )}
        </Table.Td>
        <Table.Td ta="right">{m.tickets}</Table.Td>
        <Table.Td ta="right">{formatNumber(locale, m.payableKg, 1)}</Table.Td>
        <Table.Td ta="right">{money(m.gross)}</Table.Td>
        <Table.Td ta="right">{money(deducted.toFixed(2))}</Table.Td>
        <Table.Td ta="right" fw={700}>
          {money(m.net)}
        </Table.Td>
        <Table.Td>
          <Anchor
            href={slipPath(org.slug, m.memberNumber, settlement.id)}
            target="_blank"
            rel="noopener"
            aria-label={t('settlements.slipOf', { name: m.memberName })}
          >
            {t('settlements.slip')}
          </Anchor>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={7}>
            <Stack gap={4} py={4}>
              {m.byClass.map((c) => (
                <Text key={c.certificationClass} size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {className(c.certificationClass)}:{' '}
                  {settlement.priceMode === 'final_price'
                    ? t('settlements.arithmetic.final_price', {
                        kg: formatNumber(locale, c.payableKg, 3),
                        price: money(c.pricePerKg),
                        value: money(c.valueAtPrice),
                        credited: money(c.alreadyCredited),
                        amount: money(c.amount),
                      })
                    : t('settlements.arithmetic.second_payment', {
                        kg: formatNumber(locale, c.payableKg, 3),
                        price: money(c.pricePerKg),
                        amount: money(c.amount),
                      })}
                </Text>
              ))}
              {m.deductions.map((d) => (
                <Text key={d.code} size="sm">
                  {t('settlements.deductionLine', {
                    what: t(`settlements.deduction.${d.code}`, { defaultValue: d.code }),
                    taken: money(d.taken),
                    requested: money(d.requested),
                  })}
                </Text>
              ))}
              <Text size="sm" fw={600} mt={4}>
                {t('settlements.ticketsTaken')}
              </Text>
              {tickets.isPending ? (
                <Text size="sm" c="dimmed">
                  {t('app.loading')}
                </Text>
              ) : (
                <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {(tickets.data?.items ?? [])
                    .map(
                      (k) =>
                        `${k.ticket} (${formatDay(i18n.language, k.deliveryDate)}, ${formatNumber(locale, k.payableKg, 1)} kg)`,
                    )
                    .join(' · ')}
                </Text>
              )}
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
