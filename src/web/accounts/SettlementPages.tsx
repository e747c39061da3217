import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import {
  CERT_CLASSES,
  type CertClass,
  PAYMENT_METHODS,
  type PaymentMethod,
  ROLES,
  type Role,
  SETTLEMENT_PRICE_MODES,
  type SettlementPriceMode,
} from '../../shared/enums.js';
import { isApiProblem } from '../api/client.js';
import { useMe } from '../api/queries.js';
import { LoadError, MessagePage, PageLoader, problemMessage } from '../app/feedback.js';
import { accountsPath, followLink, navigate } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';

import {
  formatDay,
  formatMoment,
  formatMoney,
  formatNumber,
  numberLocale,
  todayIn,
} from '../shared/format.js';
import { newId } from '../shared/ids.js';
import { FlashMessage, FormProblem, normalizeDecimal, serverFieldErrors } from '../shared/ui.js';
import { AccountsHeader } from './AccountsHeader.js';
import {
  bankFilePath,
  canApproveSettlements,
  canPrepareSettlements,
  type SettlementInput,
  useCreateBatch,
  useCreateSettlement,
  useMarkPaid,
  usePaymentBatch,
  useSettlement,
  useSettlementAction,
  useSettlements,
} from './api.js';
import { isCertClass, SettlementMemberRow } from './SettlementMemberRow.js';
import { parseServices } from './services.js';

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = status === 'posted' ? 'green' : status === 'approved' ? 'blue' : 'gray';
  const known = status === 'draft' || status === 'approved' || status === 'posted';
  return (
    <Badge color={color} variant="light">
      {known ? t(`settlements.statusName.${status}`) : status}
    </Badge>
  );
}

/** `/o/:slug/accounts/settlements`: the settlements and, for those who prepare them, a new draft. */
export function SettlementsPage({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('settlements.title'), org.name);
  const list = useSettlements(org.slug);
  const prepare = canPrepareSettlements(org);
  const items = list.data?.items ?? [];
  return (
    <>
      <AccountsHeader org={org} current="settlements" title={t('settlements.title')} />
      <Stack gap="lg">
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : !list.data ? (
          <PageLoader />
        ) : items.length === 0 ? (
          <Text>{t('settlements.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped aria-label={t('settlements.listLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settlements.name')}</Table.Th>
                  <Table.Th>{t('settlements.period')}</Table.Th>
                  <Table.Th>{t('settlements.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor
                        href={accountsPath(org.slug, { view: 'settlement', settlementId: s.id })}
                        onClick={followLink}
                        fw={600}
                      >
                        {s.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {formatDay(i18n.language, s.periodFrom)} – {formatDay(i18n.language, s.periodTo)}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={s.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {prepare && <NewSettlementForm org={org} />}
      </Stack>
    </>
  );
}

function NewSettlementForm({ org }: { org: Org }) {
  const { t } = useTranslation();
  const today = todayIn(org.timeZone);
  const [name, setName] = useState('');
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [priceMode, setPriceMode] = useState<SettlementPriceMode>('second_payment');
  const [prices, setPrices] = useState<Record<CertClass, string>>({
    conventional: '',
    organic: '',
    fairtrade: '',
    organic_fairtrade: '',
  });
  const [share, setShare] = useState('');
  const [deductOwed, setDeductOwed] = useState(true);
  const [floor, setFloor] = useState('50');
  const [servicesText, setServicesText] = useState('');
  const services = parseServices(servicesText);
  const [local, setLocal] = useState<Record<string, string>>({});
  const pending = useRef<string | null>(null);
  const create = useCreateSettlement(org.slug);
  const server = serverFieldErrors(create.error);
  const err = (k: string) => local[k] ?? server[k];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t('form.required');
    if (!from) errors.periodFrom = t('form.required');
    if (!to) errors.periodTo = t('form.required');
    const byClass: SettlementInput['pricePerKgByClass'] = {};
    for (const c of CERT_CLASSES) {
      if (prices[c].trim() === '') continue;
      const v = normalizeDecimal(prices[c], 4);
      if (v === null) errors[`pricePerKgByClass.${c}`] = t('collection.invalidNumber');
      else byClass[c] = v;
    }
    const shareValue = share.trim() === '' ? '' : normalizeDecimal(share, 2);
    if (shareValue === null) errors.shareCapitalPerQuintal = t('collection.invalidNumber');
    const floorValue = normalizeDecimal(floor, 2);
    if (floorValue === null || Number(floorValue) > 100) errors.floorPercent = t('collection.invalidNumber');
    if (services.badLine !== null)
      errors.services = t('settlements.servicesLineError', { line: String(services.badLine) });
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    pending.current ??= newId();
    const input: SettlementInput = {
      id: pending.current,
      priceMode,
      name: name.trim(),
      periodFrom: from,
      periodTo: to,
      pricePerKgByClass: byClass,
      deductOwed,
      floorPercent: floorValue ?? '50',
    };
    if (shareValue) input.shareCapitalPerQuintal = shareValue;
    if (services.lines.length > 0) input.services = services.lines;
    create.mutate(input, {
      onSuccess: (s) => {
        pending.current = null;
        navigate(accountsPath(org.slug, { view: 'settlement', settlementId: s.id }));
      },
      onError: (error) => {
        if (!(isApiProblem(error) && error.isNetworkError)) pending.current = null;
      },
    });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ayni-new-settlement" maw={760}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="ayni-new-settlement">
            {t('settlements.newTitle')}
          </Title>
          <FormProblem
            error={create.error}
            shownFields={[
              'name',
              'periodFrom',
              'periodTo',
              'pricePerKgByClass',
              'shareCapitalPerQuintal',
              'floorPercent',
              'services',
            ]}
          />
          <TextInput
            label={t('settlements.name')}
            placeholder={t('settlements.namePlaceholder')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={err('name')}
            withAsterisk
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t('settlements.from')}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              error={err('periodFrom')}
            />
            <TextInput
              type="date"
              label={t('settlements.to')}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={err('periodTo')}
            />
          </SimpleGrid>
          <Radio.Group
            label={t('settlements.priceMode')}
            value={priceMode}
            onChange={(v) => setPriceMode(v as SettlementPriceMode)}
          >
            <Stack gap={6} mt={4}>
              {SETTLEMENT_PRICE_MODES.map((m) => (
                <Radio
                  key={m}
                  value={m}
                  label={t(`settlements.mode.${m}`)}
                  description={t(`settlements.modeHelp.${m}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {CERT_CLASSES.map((c) => (
              <TextInput
                key={c}
                label={t(`settlements.priceFor.${priceMode}`, { class: t(`certClass.${c}`) })}
                value={prices[c]}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setPrices((p) => ({ ...p, [c]: v }));
                }}
                inputMode="decimal"
                error={err(`pricePerKgByClass.${c}`)}
                rightSection={
                  <Text size="xs" c="dimmed">
                    {org.currency}
                  </Text>
                }
                rightSectionWidth={44}
              />
            ))}
            <TextInput
              label={t('settlements.shareCapital')}
              value={share}
              onChange={(e) => setShare(e.currentTarget.value)}
              inputMode="decimal"
              error={err('shareCapitalPerQuintal')}
            />
            <TextInput
              label={t('settlements.floorPercent')}
              description={t('settlements.floorHelp')}
              value={floor}
              onChange={(e) => setFloor(e.currentTarget.value)}
              inputMode="decimal"
              error={err('floorPercent')}
              rightSection={
                <Text size="xs" c="dimmed">
                  %
                </Text>
              }
            />
          </SimpleGrid>
          <Textarea
            label={t('settlements.services')}
            description={t('settlements.servicesHelp')}
            placeholder={'0012; transporte; 15.00\n0040; sacos; 7.50'}
            value={servicesText}
            onChange={(e) => setServicesText(e.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={10}
            error={err('services')}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          {services.lines.length > 0 && services.badLine === null && (
            <Text size="sm" c="dimmed">
              {t('settlements.servicesCount', { count: services.lines.length, total: services.total })}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t('settlements.priceHelp')}
          </Text>
          <Checkbox
            label={t('settlements.deductOwed')}
            checked={deductOwed}
            onChange={(e) => setDeductOwed(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('settlements.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** `/o/:slug/accounts/settlements/:id`: the preview, approvals, posting and the payments that follow. */
export function SettlementPage({ org, settlementId }: { org: Org; settlementId: string }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  const settlement = useSettlement(org.slug, settlementId);
  const action = useSettlementAction(org.slug, settlementId);
  const me = useMe();
  const [confirmPost, setConfirmPost] = useState(false);
  const [openMember, setOpenMember] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const data = settlement.data;
  useDocumentTitle(data?.name ?? t('settlements.title'), org.name);

  if (isApiProblem(settlement.error, 404)) {
    return (
      <MessagePage title={t('settlements.title')} text={settlement.error.detail ?? t('app.notFoundText')} />
    );
  }
  if (settlement.isError && !data)
    return <LoadError error={settlement.error} onRetry={() => void settlement.refetch()} />;
  if (!data) return <PageLoader />;

  const money = (v: string) => formatMoney(locale, data.currency, v);
  const prepare = canPrepareSettlements(org);
  const alreadyApproved = data.approvals.some((a) => a.userId === me.data?.id);
  const approve = canApproveSettlements(org) && !alreadyApproved;
  const run = (a: 'approve' | 'post' | 'recompute') =>
    action.mutate(a, {
      onSuccess: () => {
        setConfirmPost(false);
        setFlash(t(`settlements.done_${a}`));
      },
    });

  return (
    <>
      <AccountsHeader
        org={org}
        title={data.name}
        back={{
          href: accountsPath(org.slug, { view: 'settlements' }),
          label: t('settlements.backToSettlements'),
        }}
        actions={
          <>
            {prepare && data.status === 'draft' && (
              <Button variant="default" onClick={() => run('recompute')} loading={action.isPending}>
                {t('settlements.recompute')}
              </Button>
            )}
            {approve && data.status !== 'posted' && data.tickets > 0 && (
              <Button variant="light" onClick={() => run('approve')} loading={action.isPending}>
                {t('settlements.approve')}
              </Button>
            )}
            {prepare && data.status === 'approved' && (
              <Button onClick={() => setConfirmPost(true)}>{t('settlements.post')}</Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <FlashMessage message={flash} onClose={() => setFlash(null)} />
        {action.error ? (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(action.error, t)}
          </Alert>
        ) : null}
        <Group gap="sm">
          <StatusBadge status={data.status} />
          <Text>
            {formatDay(i18n.language, data.periodFrom)} – {formatDay(i18n.language, data.periodTo)}
          </Text>
          <Text c="dimmed">
            {t(`settlements.mode.${data.priceMode}`)}:{' '}
            {Object.entries(data.pricePerKgByClass)
              .map(([c, p]) => `${isCertClass(c) ? t(`certClass.${c}`) : c} ${money(p)}/kg`)
              .join(' · ')}
          </Text>
        </Group>
        {data.staleTickets.length > 0 && (
          <Alert color="orange" variant="light" role="alert" title={t('settlements.staleTitle')}>
            {t('settlements.staleText', {
              count: data.staleTickets.length,
              tickets: data.staleTickets.map((s) => s.ticket).join(', '),
            })}
          </Alert>
        )}
        {data.settledElsewhere.length > 0 && (
          <Alert color="blue" variant="light">
            {data.settledElsewhere
              .map((e) => t('settlements.settledElsewhere', { count: e.tickets, name: e.name }))
              .join(' ')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          {(
            [
              [t('settlements.members'), String(data.totals.members)],
              [t('settlements.tickets'), String(data.tickets)],
              [t('settlements.payableKg'), formatNumber(locale, data.totals.payableKg, 1)],
              [t('settlements.gross'), money(data.totals.gross)],
              [t('settlements.deducted'), money(data.totals.deducted)],
              [t('settlements.net'), money(data.totals.net)],
            ] as const
          ).map(([label, value]) => (
            <Paper key={label} withBorder p="sm" radius="md">
              <Text size="sm" c="dimmed">
                {label}
              </Text>
              <Text fw={700} fz="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {value}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ayni-approvals">
          <Title order={2} size="h4" id="ayni-approvals" mb="xs">
            {t('settlements.approvals')}
          </Title>
          {data.approvals.length === 0 ? (
            <Text size="sm">{t('settlements.noApprovals')}</Text>
          ) : (
            <List size="sm">
              {data.approvals.map((a) => (
                <List.Item key={`${a.userId}-${a.at}`}>
                  {t('settlements.approvedBy', {
                    role: isRole(a.role) ? t(`roles.${a.role}`) : a.role,
                    date: formatMoment(i18n.language, a.at, org.timeZone),
                  })}
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
        {data.status === 'posted' && prepare && <CreateBatch org={org} />}
        {data.members.length === 0 ? (
          <Text c="dimmed">{t('settlements.noTickets')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-label={t('settlements.memberTable')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settlements.members')}</Table.Th>
                  <Table.Th ta="right">{t('settlements.tickets')}</Table.Th>
                  <Table.Th ta="right">{t('settlements.payableKg')}</Table.Th>
                  <Table.Th ta="right">{t('settlements.gross')}</Table.Th>
                  <Table.Th ta="right">{t('settlements.deducted')}</Table.Th>
                  <Table.Th ta="right">{t('settlements.net')}</Table.Th>
                  <Table.Th>{t('settlements.slip')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.members.map((m) => (
                  <SettlementMemberRow
                    key={m.memberNumber}
                    org={org}
                    settlement={data}
                    member={m}
                    open={openMember === m.memberNumber}
                    onToggle={() => setOpenMember((o) => (o === m.memberNumber ? null : m.memberNumber))}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal
        opened={confirmPost}
        onClose={() => setConfirmPost(false)}
        title={t('settlements.post')}
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        <Stack gap="sm">
          <Text>{t('settlements.postConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmPost(false)}>
              {t('app.cancel')}
            </Button>
            <Button onClick={() => run('post')} loading={action.isPending} data-autofocus>
              {t('settlements.post')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function CreateBatch({ org }: { org: Org }) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const pending = useRef<string | null>(null);
  const create = useCreateBatch(org.slug);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    pending.current ??= newId();
    create.mutate(
      { id: pending.current, method },
      {
        onSuccess: (b) => {
          pending.current = null;
          navigate(accountsPath(org.slug, { view: 'batch', batchId: b.id }));
        },
        onError: (error) => {
          if (!(isApiProblem(error) && error.isNetworkError)) pending.current = null;
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ayni-pay">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="ayni-pay">
            {t('settlements.pay')}
          </Title>
          <FormProblem error={create.error} shownFields={[]} />
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t('settlements.payMethod')}
              value={method}
              onChange={(e) => setMethod(e.currentTarget.value as PaymentMethod)}
              data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`settlements.method.${m}`) }))}
            />
            <Button type="submit" loading={create.isPending}>
              {t('settlements.createBatch')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** `/o/:slug/accounts/payment-batches/:id`: the payments of a batch; each is marked paid with its reference. */
export function BatchPage({ org, batchId }: { org: Org; batchId: string }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  const batch = usePaymentBatch(org.slug, batchId);
  const [paying, setPaying] = useState<{ id: string; name: string } | null>(null);
  useDocumentTitle(t('payments.title'), org.name);
  const data = batch.data;
  if (isApiProblem(batch.error, 404)) {
    return <MessagePage title={t('payments.title')} text={batch.error.detail ?? t('app.notFoundText')} />;
  }
  if (batch.isError && !data) return <LoadError error={batch.error} onRetry={() => void batch.refetch()} />;
  if (!data) return <PageLoader />;
  const known = (m: string): m is PaymentMethod => (PAYMENT_METHODS as readonly string[]).includes(m);
  return (
    <>
      <AccountsHeader
        org={org}
        title={t('payments.title')}
        back={{
          href: accountsPath(org.slug, { view: 'settlements' }),
          label: t('settlements.backToSettlements'),
        }}
        actions={
          <Button component="a" variant="default" href={bankFilePath(org.slug, batchId)} download>
            {t('payments.bankFile')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group gap="lg">
          <Text>
            {t('payments.method')}:{' '}
            <Text span fw={600}>
              {known(data.method) ? t(`settlements.method.${data.method}`) : data.method}
            </Text>
          </Text>
          <Text>
            {t('payments.total')}:{' '}
            <Text span fw={700}>
              {formatMoney(locale, data.currency, data.total)}
            </Text>
          </Text>
        </Group>
        {data.payments.length === 0 ? (
          <Text>{t('payments.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label={t('payments.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('payments.member')}</Table.Th>
                  <Table.Th>{t('payments.account')}</Table.Th>
                  <Table.Th ta="right">{t('payments.amount')}</Table.Th>
                  <Table.Th>{t('payments.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.payments.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      {p.memberNumber} · {p.memberName}
                    </Table.Td>
                    <Table.Td>
                      {[p.bankName, p.bankAccount, p.walletPhone].filter(Boolean).join(' · ') || '—'}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(locale, data.currency, p.amount)}
                    </Table.Td>
                    <Table.Td>
                      {p.status === 'paid' ? (
                        <Badge color="green" variant="light">
                          {t('payments.statusName.paid')}
                          {p.reference ? ` · ${p.reference}` : ''}
                        </Badge>
                      ) : (
                        <Button
                          size="compact-sm"
                          variant="light"
                          aria-label={t('payments.markPaidOf', { name: p.memberName })}
                          onClick={() => setPaying({ id: p.id, name: p.memberName })}
                        >
                          {t('payments.markPaid')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {paying && (
        <MarkPaidDialog org={org} batchId={batchId} payment={paying} onClose={() => setPaying(null)} />
      )}
    </>
  );
}

function MarkPaidDialog({
  org,
  batchId,
  payment,
  onClose,
}: {
  org: Org;
  batchId: string;
  payment: { id: string; name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reference, setReference] = useState('');
  const [paidOn, setPaidOn] = useState(todayIn(org.timeZone));
  const [missing, setMissing] = useState(false);
  const mark = useMarkPaid(org.slug, batchId);
  const server = serverFieldErrors(mark.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reference.trim()) {
      setMissing(true);
      return;
    }
    mark.mutate({ paymentId: payment.id, reference: reference.trim(), paidOn }, { onSuccess: onClose });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('payments.markPaidOf', { name: payment.name })}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormProblem error={mark.error} shownFields={['reference', 'paidOn']} />
          <TextInput
            label={t('payments.reference')}
            value={reference}
            onChange={(e) => {
              setReference(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('form.required') : server.reference}
            withAsterisk
            data-autofocus
          />
          <TextInput
            type="date"
            label={t('payments.paidOn')}
            value={paidOn}
            onChange={(e) => setPaidOn(e.currentTarget.value)}
            error={server.paidOn}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={mark.isPending}>
              {t('payments.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
