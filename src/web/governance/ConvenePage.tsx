import { ActionIcon, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { ASSEMBLY_KINDS, type AssemblyKind } from '../../shared/enums.js';
import { followLink, governancePath, navigate } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { todayIn } from '../shared/format.js';
import { newId } from '../shared/ids.js';
import { FormProblem, serverFieldErrors, setFlash, useFocusFirstInvalid } from '../shared/ui.js';
import { isoToLocal, localToIso, useConvene } from './api.js';
import { GovernanceHeader } from './GovernanceHeader.js';

interface Values {
  kind: AssemblyKind;
  title: string;
  place: string;
  firstCallAt: string;
  secondCallAt: string;
  cutoffDate: string;
  agenda: string[];
}

function defaults(timeZone: string): Values {
  // a first call three weeks ahead at 9:00, the second an hour later: beyond the usual notice period
  const first = new Date();
  first.setDate(first.getDate() + 21);
  first.setHours(9, 0, 0, 0);
  const second = new Date(first.getTime() + 60 * 60_000);
  return {
    kind: 'ordinary',
    title: '',
    place: '',
    firstCallAt: isoToLocal(first),
    secondCallAt: isoToLocal(second),
    cutoffDate: todayIn(timeZone),
    agenda: [''],
  };
}

/** `/o/:slug/governance/convene`: convene an assembly, with its agenda and both calls. */
export function ConvenePage({ org }: { org: Org }) {
  const { t } = useTranslation();
  useDocumentTitle(t('governance.convening.title'), org.name);
  const [values, setValues] = useState<Values>(() => defaults(org.timeZone));
  const [secondTouched, setSecondTouched] = useState(false);
  const [id] = useState(newId);
  const [attempt, setAttempt] = useState(0);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const convene = useConvene(org.slug);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useFocusFirstInvalid(formRef, attempt, alertRef);

  const server = serverFieldErrors(convene.error);
  const error = (field: string) => missing[field] ?? server[field];
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const setFirstCall = (local: string) => {
    setValues((v) => {
      const next = { ...v, firstCallAt: local };
      // the second call follows the first by the same gap until someone sets it by hand
      if (!secondTouched) {
        const at = new Date(`${local}:00`);
        if (!Number.isNaN(at.getTime())) next.secondCallAt = isoToLocal(new Date(at.getTime() + 60 * 60_000));
      }
      return next;
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!values.title.trim()) problems.title = t('form.required');
    if (!values.place.trim()) problems.place = t('form.required');
    const firstCallAt = localToIso(values.firstCallAt);
    const secondCallAt = localToIso(values.secondCallAt);
    if (!firstCallAt) problems.firstCallAt = t('governance.convening.badDate');
    if (!secondCallAt) problems.secondCallAt = t('governance.convening.badDate');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.cutoffDate)) problems.cutoffDate = t('form.required');
    setMissing(problems);
    setAttempt((n) => n + 1);
    if (Object.keys(problems).length > 0 || !firstCallAt || !secondCallAt) return;
    convene.mutate(
      {
        id,
        kind: values.kind,
        title: values.title.trim(),
        place: values.place.trim(),
        firstCallAt,
        secondCallAt,
        cutoffDate: values.cutoffDate,
        agenda: values.agenda.map((a) => a.trim()).filter((a) => a !== ''),
      },
      {
        onSuccess: (a) => {
          setFlash(t('governance.convening.saved', { count: a.eligible }));
          navigate(governancePath(org.slug));
        },
        onError: () => setAttempt((n) => n + 1),
      },
    );
  };

  return (
    <Stack gap="lg" maw={720}>
      <GovernanceHeader
        org={org}
        title={t('governance.convening.title')}
        back={{ href: governancePath(org.slug), label: t('governance.back') }}
      />
      <Text>{t('governance.convening.intro')}</Text>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormProblem
            error={convene.error}
            alertRef={alertRef}
            shownFields={['title', 'place', 'firstCallAt', 'secondCallAt', 'cutoffDate', 'agenda']}
          />
          <NativeSelect
            label={t('governance.convening.kind')}
            value={values.kind}
            onChange={(e) => set('kind', e.currentTarget.value as AssemblyKind)}
            data={ASSEMBLY_KINDS.map((k) => ({ value: k, label: t(`governance.assemblyKind.${k}`) }))}
            size="md"
          />
          <TextInput
            label={t('governance.convening.name')}
            placeholder={t('governance.convening.namePlaceholder')}
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={error('title')}
            required
            size="md"
            maxLength={200}
          />
          <TextInput
            label={t('governance.convening.place')}
            value={values.place}
            onChange={(e) => set('place', e.currentTarget.value)}
            error={error('place')}
            required
            size="md"
            maxLength={200}
          />
          <Group grow align="flex-start" wrap="wrap" gap="md">
            <TextInput
              type="datetime-local"
              label={t('governance.convening.firstCallAt')}
              description={t('governance.convening.noticeHelp')}
              value={values.firstCallAt}
              onChange={(e) => setFirstCall(e.currentTarget.value)}
              error={error('firstCallAt')}
              required
              size="md"
              miw={260}
            />
            <TextInput
              type="datetime-local"
              label={t('governance.convening.secondCallAt')}
              description={t('governance.convening.secondCallHelp')}
              value={values.secondCallAt}
              onChange={(e) => {
                setSecondTouched(true);
                set('secondCallAt', e.currentTarget.value);
              }}
              error={error('secondCallAt')}
              required
              size="md"
              miw={260}
            />
          </Group>
          <TextInput
            type="date"
            label={t('governance.convening.cutoffDate')}
            description={t('governance.convening.cutoffHelp')}
            value={values.cutoffDate}
            max={todayIn(org.timeZone)}
            onChange={(e) => set('cutoffDate', e.currentTarget.value)}
            error={error('cutoffDate')}
            required
            size="md"
            maw={260}
          />
          <Paper withBorder p="md" radius="md" component="fieldset" m={0}>
            <Title order={2} size="h4" component="legend" px={4}>
              {t('governance.convening.agenda')}
            </Title>
            <Stack gap="sm">
              {values.agenda.map((item, i) => (
                <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
                  <TextInput
                    label={t('governance.convening.agendaItem', { n: String(i + 1) })}
                    value={item}
                    onChange={(e) => {
                      const text = e.currentTarget.value;
                      setValues((v) => ({ ...v, agenda: v.agenda.map((a, j) => (j === i ? text : a)) }));
                    }}
                    error={error(`agenda.${i}`)}
                    style={{ flex: 1 }}
                    maxLength={300}
                  />
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={t('governance.convening.removeItem', { n: String(i + 1) })}
                    onClick={() => setValues((v) => ({ ...v, agenda: v.agenda.filter((_, j) => j !== i) }))}
                    mb={2}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Button
                variant="light"
                onClick={() => setValues((v) => ({ ...v, agenda: [...v.agenda, ''] }))}
                style={{ alignSelf: 'flex-start' }}
                disabled={values.agenda.length >= 50}
              >
                {t('governance.convening.addItem')}
              </Button>
            </Stack>
          </Paper>
          <Group gap="sm">
            <Button type="submit" size="md" loading={convene.isPending}>
              {t('governance.convening.submit')}
            </Button>
            <Button
              component="a"
              href={governancePath(org.slug)}
              onClick={followLink}
              variant="default"
              size="md"
            >
              {t('governance.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
