import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CreateMemberBody as CreateMemberInput,
  MemberView as Member,
  UpdateMemberBody as MemberInput,
} from '../../members/members.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { MEMBER_STATUSES, NATIONAL_ID_TYPES, PAYMENT_METHODS, SEXES } from '../../shared/enums.js';
import { isApiProblem } from '../api/client.js';
import { LoadError, PageLoader } from '../app/feedback.js';
import { followLink, membersPath, navigate } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { fullName, statusName, todayIn } from '../shared/format.js';
import { newId } from '../shared/ids.js';
import {
  FormProblem,
  normalizeDecimal,
  serverFieldErrors,
  setFlash,
  useFocusFirstInvalid,
} from '../shared/ui.js';
import { useCreateMember, useMember, useUpdateMember } from './api.js';
import { nationalIdTypeName, paymentMethodName, sexName } from './labels.js';
import { MembersHeader } from './MembersHeader.js';

const TEXT_FIELDS = [
  'memberNumber',
  'givenNames',
  'familyNames',
  'nationalIdType',
  'nationalId',
  'sex',
  'birthDate',
  'phone',
  'region',
  'province',
  'district',
  'community',
  'householdSize',
  'joinDate',
  'status',
  'entryFee',
  'shareCapitalSubscribed',
  'shareCapitalPaid',
  'paymentMethod',
  'bankName',
  'bankAccount',
  'walletPhone',
] as const;
type FieldName = (typeof TEXT_FIELDS)[number];
type FormValues = Record<FieldName, string>;

const MONEY_FIELDS = ['entryFee', 'shareCapitalSubscribed', 'shareCapitalPaid'] as const;
const NULLABLE_TEXT = [
  'nationalIdType',
  'nationalId',
  'sex',
  'birthDate',
  'phone',
  'region',
  'province',
  'district',
  'community',
  'joinDate',
  'bankName',
  'bankAccount',
  'walletPhone',
] as const;

function emptyValues(org: Org): FormValues {
  const values = Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as FormValues;
  values.nationalIdType = org.country === 'CO' ? 'cedula' : 'dni';
  values.status = 'active';
  values.paymentMethod = 'cash';
  values.joinDate = todayIn(org.timeZone);
  values.region = org.region ?? '';
  values.province = org.province ?? '';
  return values;
}

function valuesOf(member: Member): FormValues {
  const values = {} as FormValues;
  for (const f of TEXT_FIELDS) {
    const v = (member as unknown as Record<string, unknown>)[f];
    values[f] = v === null || v === undefined ? '' : String(v);
  }
  return values;
}

/** What the user typed that the server would refuse, in plain words, before sending anything. */
function validate(values: FormValues, isNew: boolean, t: TFunction, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const required: FieldName[] = isNew
    ? ['memberNumber', 'givenNames', 'familyNames']
    : ['givenNames', 'familyNames'];
  for (const f of required) if (values[f].trim() === '') errors[f] = t('form.required');

  const id = values.nationalId.trim();
  if (id) {
    if (values.nationalIdType === 'dni' && !/^\d{8}$/.test(id))
      errors.nationalId = t('memberForm.errors.dni');
    else if (values.nationalIdType === 'cedula' && !/^\d{6,10}$/.test(id))
      errors.nationalId = t('memberForm.errors.cedula');
    else if (!/^[0-9A-Za-z-]{4,20}$/.test(id)) errors.nationalId = t('memberForm.errors.nationalId');
  }
  const phone = /^\+?[0-9 ]{6,20}$/;
  if (values.phone.trim() && !phone.test(values.phone.trim())) errors.phone = t('memberForm.errors.phone');
  if (values.walletPhone.trim() && !phone.test(values.walletPhone.trim()))
    errors.walletPhone = t('memberForm.errors.phone');
  if (values.bankAccount.trim() && !/^[0-9 -]{6,40}$/.test(values.bankAccount.trim()))
    errors.bankAccount = t('memberForm.errors.bankAccount');
  if (values.householdSize.trim()) {
    const n = Number(values.householdSize);
    if (!Number.isInteger(n) || n < 1 || n > 50) errors.householdSize = t('memberForm.errors.householdSize');
  }
  for (const f of MONEY_FIELDS) {
    if (values[f].trim() === '') {
      if (!isNew) errors[f] = t('memberForm.errors.moneyRequired');
    } else if (normalizeDecimal(values[f], 2) === null) errors[f] = t('memberForm.errors.money');
  }
  if (values.birthDate && values.birthDate > today) errors.birthDate = t('memberForm.errors.future');
  if (values.birthDate && values.joinDate && values.birthDate >= values.joinDate)
    errors.birthDate = t('memberForm.errors.bornAfterJoining');
  if (values.paymentMethod === 'bank' && !values.bankAccount.trim())
    errors.bankAccount = t('memberForm.errors.bankAccountNeeded');
  if (values.paymentMethod === 'mobile_wallet' && !values.walletPhone.trim())
    errors.walletPhone = t('memberForm.errors.walletNeeded');
  return errors;
}

function toInput(values: FormValues): MemberInput & { memberNumber: string; status: string } {
  const out: Record<string, unknown> = {};
  for (const f of TEXT_FIELDS) {
    const v = values[f].trim();
    if ((MONEY_FIELDS as readonly string[]).includes(f))
      out[f] = v === '' ? undefined : normalizeDecimal(v, 2);
    else if (f === 'householdSize') out[f] = v === '' ? null : Number(v);
    else if ((NULLABLE_TEXT as readonly string[]).includes(f)) out[f] = v === '' ? null : v;
    else out[f] = v;
  }
  if (!out.nationalId) out.nationalIdType = null;
  return out as unknown as MemberInput & { memberNumber: string; status: string };
}

/** `/members/new` and `/members/:n/edit`. */
export function MemberFormPage({ org, memberNumber }: { org: Org; memberNumber?: string }) {
  const { t } = useTranslation();
  const isNew = memberNumber === undefined;
  const existing = useMember(org.slug, memberNumber ?? '');
  useDocumentTitle(isNew ? t('memberForm.newTitle') : t('memberForm.editTitle'), org.name);

  if (isNew) return <MemberForm org={org} />;
  if (existing.data) return <MemberForm org={org} member={existing.data} />;
  if (existing.isError) return <LoadError error={existing.error} onRetry={() => void existing.refetch()} />;
  return <PageLoader />;
}

function MemberForm({ org, member }: { org: Org; member?: Member }) {
  const { t } = useTranslation();
  const isNew = member === undefined;
  const [initial] = useState<FormValues>(() => (member ? valuesOf(member) : emptyValues(org)));
  const [values, setValues] = useState<FormValues>(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  // One id per new member: a retry after a network error sends the same one, so nothing is created twice.
  const [id] = useState(newId);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const create = useCreateMember(org.slug);
  const update = useUpdateMember(org.slug, member?.memberNumber ?? '');
  const mutation = isNew ? create : update;
  useFocusFirstInvalid(formRef, attempt, alertRef);

  const serverErrors = serverFieldErrors(mutation.error);
  // Conflicts come without a field: put the two the register knows under their field.
  if (isApiProblem(mutation.error, 409)) {
    const problem = mutation.error;
    if (problem.code === 'members.number_taken')
      serverErrors.memberNumber = problem.detail ?? t('memberForm.errors.numberTaken');
    else if (problem.code === 'db.unique_violation' && /national_id/.test(problem.detail ?? ''))
      serverErrors.nationalId = t('memberForm.errors.nationalIdTaken');
  }
  const errorOf = (f: FieldName) => clientErrors[f] ?? serverErrors[f];

  // A field the user changes loses its old error message.
  const set = (f: FieldName) => (value: string) => {
    setValues((v) => ({ ...v, [f]: value }));
    if (clientErrors[f]) setClientErrors(({ [f]: _, ...rest }) => rest);
  };
  const text = (f: FieldName) => ({
    value: values[f],
    onChange: (e: { currentTarget: { value: string } }) => set(f)(e.currentTarget.value),
    error: errorOf(f),
    name: f,
    // Hints under the box, so the boxes of a row line up whether or not they have one.
    inputWrapperOrder: ['label', 'input', 'description', 'error'] as (
      | 'label'
      | 'input'
      | 'description'
      | 'error'
    )[],
  });

  const cancelHref = member
    ? membersPath(org.slug, { view: 'detail', memberNumber: member.memberNumber })
    : membersPath(org.slug);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors = validate(values, isNew, t, todayIn(org.timeZone));
    setClientErrors(errors);
    setAttempt((a) => a + 1);
    if (Object.keys(errors).length > 0) return;
    const input = toInput(values);
    if (isNew) {
      const body: CreateMemberInput = {
        ...Object.fromEntries(
          Object.entries(input).filter(([, v]) => v !== null && v !== undefined && v !== ''),
        ),
        id,
        memberNumber: input.memberNumber,
        givenNames: input.givenNames ?? '',
        familyNames: input.familyNames ?? '',
      } as CreateMemberInput;
      create.mutate(body, {
        onSuccess: (saved) => {
          setFlash(t('memberForm.created', { name: fullName(saved) }));
          navigate(membersPath(org.slug, { view: 'detail', memberNumber: saved.memberNumber }));
        },
        onError: () => setAttempt((a) => a + 1),
      });
    } else {
      const before = toInput(initial);
      const changes: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(input)) {
        if (key === 'memberNumber' || key === 'status') continue;
        if (value !== (before as unknown as Record<string, unknown>)[key]) changes[key] = value;
      }
      if (Object.keys(changes).length === 0) {
        navigate(cancelHref);
        return;
      }
      update.mutate(changes as MemberInput, {
        onSuccess: (saved) => {
          setFlash(t('memberForm.saved', { name: fullName(saved) }));
          navigate(cancelHref);
        },
        onError: () => setAttempt((a) => a + 1),
      });
    }
  };

  const title = member ? t('memberForm.editTitleOf', { name: fullName(member) }) : t('memberForm.newTitle');
  const cols = { base: 1, sm: 2, md: 3 };

  return (
    <>
      <MembersHeader
        org={org}
        title={title}
        canWrite
        back={{ href: cancelHref, label: member ? fullName(member) : t('members.title') }}
      />
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="lg">
          <Text size="sm" c="dimmed">
            {t('memberForm.requiredNote')}
          </Text>
          <FormProblem
            error={mutation.error}
            shownFields={TEXT_FIELDS}
            alertRef={alertRef}
            fieldConflict={Boolean(serverErrors.memberNumber || serverErrors.nationalId)}
          />

          <FormSection legend={t('memberForm.identity')}>
            <SimpleGrid cols={cols}>
              {isNew ? (
                <TextInput
                  label={t('memberForm.memberNumber')}
                  required
                  autoComplete="off"
                  description={t('memberForm.memberNumberHint')}
                  {...text('memberNumber')}
                />
              ) : (
                <TextInput
                  label={t('memberForm.memberNumber')}
                  value={member.memberNumber}
                  readOnly
                  disabled
                  description={t('memberForm.memberNumberFixed')}
                />
              )}
              <TextInput
                label={t('memberForm.givenNames')}
                required
                autoComplete="off"
                {...text('givenNames')}
              />
              <TextInput
                label={t('memberForm.familyNames')}
                required
                autoComplete="off"
                {...text('familyNames')}
              />
              <NativeSelect
                label={t('memberForm.nationalIdType')}
                data={NATIONAL_ID_TYPES.map((v) => ({ value: v, label: nationalIdTypeName(t, v) }))}
                {...text('nationalIdType')}
              />
              <TextInput
                label={t('memberForm.nationalId')}
                inputMode={
                  values.nationalIdType === 'dni' || values.nationalIdType === 'cedula' ? 'numeric' : 'text'
                }
                autoComplete="off"
                {...text('nationalId')}
              />
              <NativeSelect
                label={t('memberForm.sex')}
                data={[
                  { value: '', label: t('memberForm.notGiven') },
                  ...SEXES.map((v) => ({ value: v, label: sexName(t, v) })),
                ]}
                {...text('sex')}
              />
              <TextInput label={t('memberForm.birthDate')} type="date" {...text('birthDate')} />
              <TextInput
                label={t('memberForm.householdSize')}
                description={t('memberForm.householdSizeHint')}
                inputMode="numeric"
                {...text('householdSize')}
              />
            </SimpleGrid>
          </FormSection>

          <FormSection legend={t('memberForm.contact')}>
            <SimpleGrid cols={cols}>
              <TextInput
                label={t('memberForm.phone')}
                type="tel"
                inputMode="tel"
                autoComplete="off"
                {...text('phone')}
              />
              <TextInput label={t('memberForm.community')} {...text('community')} />
              <TextInput label={t('memberForm.district')} {...text('district')} />
              <TextInput label={t('memberForm.province')} {...text('province')} />
              <TextInput label={t('memberForm.region')} {...text('region')} />
            </SimpleGrid>
          </FormSection>

          <FormSection legend={t('memberForm.membership')}>
            <SimpleGrid cols={cols}>
              <TextInput label={t('memberForm.joinDate')} type="date" {...text('joinDate')} />
              {isNew && (
                <NativeSelect
                  label={t('memberForm.status')}
                  description={t('memberForm.statusHint')}
                  data={MEMBER_STATUSES.filter((s) => s !== 'deceased' && s !== 'withdrawn').map((v) => ({
                    value: v,
                    label: statusName(t, v),
                  }))}
                  {...text('status')}
                />
              )}
              <TextInput
                label={t('memberForm.entryFee', { currency: org.currency })}
                inputMode="decimal"
                placeholder="0.00"
                {...text('entryFee')}
              />
              <TextInput
                label={t('memberForm.shareCapitalSubscribed', { currency: org.currency })}
                inputMode="decimal"
                placeholder="0.00"
                {...text('shareCapitalSubscribed')}
              />
              <TextInput
                label={t('memberForm.shareCapitalPaid', { currency: org.currency })}
                inputMode="decimal"
                placeholder="0.00"
                {...text('shareCapitalPaid')}
              />
            </SimpleGrid>
          </FormSection>

          <FormSection legend={t('memberForm.payment')}>
            <SimpleGrid cols={cols}>
              <NativeSelect
                label={t('memberForm.paymentMethod')}
                data={PAYMENT_METHODS.map((v) => ({ value: v, label: paymentMethodName(t, v) }))}
                {...text('paymentMethod')}
              />
              {values.paymentMethod === 'bank' && (
                <>
                  <TextInput label={t('memberForm.bankName')} {...text('bankName')} />
                  <TextInput
                    label={t('memberForm.bankAccount')}
                    inputMode="numeric"
                    autoComplete="off"
                    {...text('bankAccount')}
                  />
                </>
              )}
              {values.paymentMethod === 'mobile_wallet' && (
                <TextInput
                  label={t('memberForm.walletPhone')}
                  type="tel"
                  inputMode="tel"
                  autoComplete="off"
                  {...text('walletPhone')}
                />
              )}
            </SimpleGrid>
          </FormSection>

          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending}>
              {isNew ? t('memberForm.create') : t('memberForm.save')}
            </Button>
            <Button component="a" href={cancelHref} onClick={followLink} variant="default">
              {t('app.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

function FormSection({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset
      legend={legend}
      radius="md"
      styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {children}
    </Fieldset>
  );
}
