import {
  ActionIcon,
  Alert,
  Button,
  Group,
  List,
  Modal,
  NativeSelect,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { UseMutationResult } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificationView as Certification, PlotView as Plot } from '../../members/members.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import type { MemberStatus, Severity } from '../../shared/enums.js';
import {
  CERT_SCHEMES,
  CERT_STATUSES,
  CONSENT_KINDS,
  INSPECTION_RESULTS,
  MEMBER_STATUSES,
  SEVERITIES,
  SHADES,
  TENURES,
} from '../../shared/enums.js';
import { statusName, todayIn } from '../shared/format.js';
import { newId } from '../shared/ids.js';
import { FormProblem, normalizeDecimal, serverFieldErrors, useFocusFirstInvalid } from '../shared/ui.js';
import {
  useAddCertification,
  useAddInspection,
  useAddPlot,
  useChangeStatus,
  useRecordConsent,
  useUpdateCertification,
} from './api.js';
import {
  certStatusName,
  consentKindName,
  inspectionResultName,
  schemeName,
  severityName,
  shadeName,
  tenureName,
} from './labels.js';

type Errors = Record<string, string>;

/**
 * A modal with one form. Errors from the browser's checks and from the server appear under their
 * fields; what the user typed is kept; the same client id is sent again on a retry.
 */
function DialogForm({
  opened,
  onClose,
  title,
  submitLabel,
  mutation,
  shownFields,
  onSubmit,
  attempt,
  children,
  size = 'lg',
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  mutation: Pick<UseMutationResult<unknown, Error, never>, 'error' | 'isPending'>;
  shownFields: readonly string[];
  onSubmit: () => void;
  attempt: number;
  children: ReactNode;
  size?: string;
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
      size={size}
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
          <FormProblem error={mutation.error} shownFields={shownFields} alertRef={alertRef} />
          {children}
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

// ---- status ---------------------------------------------------------------------------------------

export function ChangeStatusDialog({
  org,
  memberNumber,
  current,
  opened,
  onClose,
  onDone,
}: {
  org: Org;
  memberNumber: string;
  current: MemberStatus;
  opened: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const mutation = useChangeStatus(org.slug, memberNumber);
  const options = MEMBER_STATUSES.filter((s) => s !== current);
  const [status, setStatus] = useState<MemberStatus>(options[0] ?? 'active');
  // After a change the member has a new status: offer another one next time.
  useEffect(() => {
    setStatus((s) => (s === current ? (MEMBER_STATUSES.find((o) => o !== current) ?? 'active') : s));
  }, [current]);
  const [effectiveDate, setEffectiveDate] = useState(todayIn(org.timeZone));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const server = serverFieldErrors(mutation.error);

  const submit = () => {
    const next: Errors = {};
    if (!effectiveDate) next.effectiveDate = t('form.required');
    else if (effectiveDate > todayIn(org.timeZone)) next.effectiveDate = t('memberForm.errors.future');
    if (!reason.trim()) next.reason = t('statusDialog.reasonRequired');
    setErrors(next);
    setAttempt((a) => a + 1);
    if (Object.keys(next).length > 0) return;
    mutation.mutate(
      { status, effectiveDate, reason: reason.trim() },
      {
        onSuccess: () => {
          onDone(t('statusDialog.done', { status: statusName(t, status) }));
          setReason('');
          onClose();
        },
        onError: () => setAttempt((a) => a + 1),
      },
    );
  };

  return (
    <DialogForm
      opened={opened}
      onClose={onClose}
      title={t('statusDialog.title')}
      submitLabel={t('statusDialog.submit')}
      mutation={mutation}
      shownFields={['status', 'effectiveDate', 'reason']}
      onSubmit={submit}
      attempt={attempt}
      size="md"
    >
      <Text size="sm">{t('statusDialog.current', { status: statusName(t, current) })}</Text>
      <NativeSelect
        label={t('statusDialog.newStatus')}
        data={options.map((s) => ({ value: s, label: statusName(t, s) }))}
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value as MemberStatus)}
        error={server.status}
      />
      {status === 'deceased' && (
        <Alert color="yellow" variant="light" p="xs">
          {t('statusDialog.deceasedFinal')}
        </Alert>
      )}
      <TextInput
        label={t('statusDialog.effectiveDate')}
        type="date"
        required
        value={effectiveDate}
        onChange={(e) => setEffectiveDate(e.currentTarget.value)}
        error={errors.effectiveDate ?? server.effectiveDate}
      />
      <Textarea
        label={t('statusDialog.reason')}
        description={t('statusDialog.reasonHint')}
        required
        autosize
        minRows={2}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason ?? server.reason}
      />
    </DialogForm>
  );
}

// ---- consent --------------------------------------------------------------------------------------

export function ConsentDialog({
  org,
  memberNumber,
  opened,
  onClose,
  onDone,
}: {
  org: Org;
  memberNumber: string;
  opened: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const mutation = useRecordConsent(org.slug, memberNumber);
  const [id, setId] = useState(newId);
  const [kind, setKind] = useState<(typeof CONSENT_KINDS)[number]>('share_with_federation');
  const [granted, setGranted] = useState('yes');
  const [effectiveDate, setEffectiveDate] = useState(todayIn(org.timeZone));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const server = serverFieldErrors(mutation.error);

  const submit = () => {
    const next: Errors = {};
    if (!effectiveDate) next.effectiveDate = t('form.required');
    setErrors(next);
    setAttempt((a) => a + 1);
    if (Object.keys(next).length > 0) return;
    mutation.mutate(
      { id, kind, granted: granted === 'yes', effectiveDate, note: note.trim() || null },
      {
        onSuccess: () => {
          onDone(t('consentDialog.done'));
          setId(newId());
          setNote('');
          onClose();
        },
        onError: () => setAttempt((a) => a + 1),
      },
    );
  };

  return (
    <DialogForm
      opened={opened}
      onClose={onClose}
      title={t('consentDialog.title')}
      submitLabel={t('consentDialog.submit')}
      mutation={mutation}
      shownFields={['kind', 'granted', 'effectiveDate', 'note']}
      onSubmit={submit}
      attempt={attempt}
      size="md"
    >
      <Radio.Group
        label={t('consentDialog.kind')}
        value={kind}
        onChange={(v) => setKind(v as (typeof CONSENT_KINDS)[number])}
        error={server.kind}
      >
        <Stack gap={6} mt={4}>
          {CONSENT_KINDS.map((k) => (
            <Radio key={k} value={k} label={consentKindName(t, k)} />
          ))}
        </Stack>
      </Radio.Group>
      <Radio.Group label={t('consentDialog.decision')} value={granted} onChange={setGranted}>
        <Group gap="lg" mt={4}>
          <Radio value="yes" label={t('consentDialog.grants')} />
          <Radio value="no" label={t('consentDialog.refuses')} />
        </Group>
      </Radio.Group>
      <TextInput
        label={t('consentDialog.effectiveDate')}
        type="date"
        required
        value={effectiveDate}
        onChange={(e) => setEffectiveDate(e.currentTarget.value)}
        error={errors.effectiveDate ?? server.effectiveDate}
      />
      <Textarea
        label={t('consentDialog.note')}
        description={t('consentDialog.noteHint')}
        autosize
        minRows={2}
        maxLength={500}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={server.note}
      />
    </DialogForm>
  );
}

// ---- plot -----------------------------------------------------------------------------------------

type LocationMode = 'none' | 'point' | 'geojson';

export function AddPlotDialog({
  org,
  memberNumber,
  opened,
  onClose,
  onDone,
}: {
  org: Org;
  memberNumber: string;
  opened: boolean;
  onClose: () => void;
  onDone: (message: string, warnings: string[]) => void;
}) {
  const { t } = useTranslation();
  const mutation = useAddPlot(org.slug, memberNumber);
  const [id, setId] = useState(newId);
  const empty = {
    name: '',
    declaredAreaHa: '',
    coffeeAreaHa: '',
    altitudeM: '',
    varieties: '',
    treeCount: '',
    plantingYear: '',
    shade: '',
    tenure: '',
    yearlyEstimateKg: '',
    latitude: '',
    longitude: '',
    geojson: '',
  };
  const [v, setV] = useState(empty);
  const [mode, setMode] = useState<LocationMode>('point');
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const server = serverFieldErrors(mutation.error);
  const field = (name: keyof typeof empty) => ({
    value: v[name],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setV((old) => ({ ...old, [name]: value }));
    },
    error: errors[name] ?? server[name],
  });

  const submit = () => {
    const next: Errors = {};
    const body: Record<string, unknown> = { id };
    if (!v.name.trim()) next.name = t('form.required');
    body.name = v.name.trim();
    for (const key of ['declaredAreaHa', 'coffeeAreaHa'] as const) {
      if (v[key].trim()) {
        const value = normalizeDecimal(v[key], 4);
        if (value === null) next[key] = t('plotDialog.errors.hectares');
        else body[key] = value;
      }
    }
    if (
      !next.declaredAreaHa &&
      !next.coffeeAreaHa &&
      body.declaredAreaHa &&
      body.coffeeAreaHa &&
      Number(body.coffeeAreaHa) > Number(body.declaredAreaHa)
    )
      next.coffeeAreaHa = t('plotDialog.errors.coffeeOverPlot');
    const integer = (key: 'altitudeM' | 'treeCount' | 'plantingYear', min: number, max: number) => {
      if (!v[key].trim()) return;
      const n = Number(v[key].trim());
      if (!Number.isInteger(n) || n < min || n > max)
        next[key] = t('plotDialog.errors.between', { min: String(min), max: String(max) });
      else body[key] = n;
    };
    integer('altitudeM', 0, 6000);
    integer('treeCount', 0, 10_000_000);
    integer('plantingYear', 1900, Number(todayIn(org.timeZone).slice(0, 4)));
    if (v.yearlyEstimateKg.trim()) {
      const value = normalizeDecimal(v.yearlyEstimateKg, 3);
      if (value === null) next.yearlyEstimateKg = t('plotDialog.errors.number');
      else body.yearlyEstimateKg = value;
    }
    const varieties = v.varieties
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (varieties.length > 0) body.varieties = varieties;
    if (v.shade) body.shade = v.shade;
    if (v.tenure) body.tenure = v.tenure;

    if (mode === 'point') {
      const lat = Number(v.latitude.trim().replace(',', '.'));
      const lon = Number(v.longitude.trim().replace(',', '.'));
      if (v.latitude.trim() || v.longitude.trim()) {
        if (!v.latitude.trim() || !Number.isFinite(lat) || lat < -90 || lat > 90)
          next.latitude = t('plotDialog.errors.latitude');
        if (!v.longitude.trim() || !Number.isFinite(lon) || lon < -180 || lon > 180)
          next.longitude = t('plotDialog.errors.longitude');
        if (!next.latitude && !next.longitude) body.geometry = { type: 'Point', coordinates: [lon, lat] };
      }
    } else if (mode === 'geojson' && v.geojson.trim()) {
      try {
        body.geometry = JSON.parse(v.geojson);
      } catch {
        next.geojson = t('plotDialog.errors.json');
      }
    }

    setErrors(next);
    setAttempt((a) => a + 1);
    if (Object.keys(next).length > 0) return;
    mutation.mutate(body as { id: string; name: string }, {
      onSuccess: (plot: Plot) => {
        onDone(
          t('plotDialog.done', { name: plot.name }),
          plot.warnings.map((w) => w.message),
        );
        setId(newId());
        setV(empty);
        onClose();
      },
      onError: () => setAttempt((a) => a + 1),
    });
  };

  const geometryError = server.geometry ?? server['geometry.coordinates'];

  return (
    <DialogForm
      opened={opened}
      onClose={onClose}
      title={t('plotDialog.title')}
      submitLabel={t('plotDialog.submit')}
      mutation={mutation}
      shownFields={[...Object.keys(empty), 'geometry']}
      onSubmit={submit}
      attempt={attempt}
    >
      <TextInput label={t('plotDialog.name')} required {...field('name')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput label={t('plotDialog.declaredAreaHa')} inputMode="decimal" {...field('declaredAreaHa')} />
        <TextInput label={t('plotDialog.coffeeAreaHa')} inputMode="decimal" {...field('coffeeAreaHa')} />
        <TextInput label={t('plotDialog.altitudeM')} inputMode="numeric" {...field('altitudeM')} />
        <TextInput label={t('plotDialog.treeCount')} inputMode="numeric" {...field('treeCount')} />
        <TextInput label={t('plotDialog.plantingYear')} inputMode="numeric" {...field('plantingYear')} />
        <TextInput
          label={t('plotDialog.yearlyEstimateKg')}
          inputMode="decimal"
          {...field('yearlyEstimateKg')}
        />
        <NativeSelect
          label={t('plotDialog.shade')}
          data={[
            { value: '', label: t('memberForm.notGiven') },
            ...SHADES.map((s) => ({ value: s, label: shadeName(t, s) })),
          ]}
          {...field('shade')}
        />
        <NativeSelect
          label={t('plotDialog.tenure')}
          data={[
            { value: '', label: t('memberForm.notGiven') },
            ...TENURES.map((s) => ({ value: s, label: tenureName(t, s) })),
          ]}
          {...field('tenure')}
        />
      </SimpleGrid>
      <TextInput
        label={t('plotDialog.varieties')}
        description={t('plotDialog.varietiesHint')}
        {...field('varieties')}
      />

      <Stack gap={6}>
        <Text fw={600} size="sm" id="plot-location-label">
          {t('plotDialog.location')}
        </Text>
        <SegmentedControl
          aria-labelledby="plot-location-label"
          classNames={{ input: 'ayni-lang-input' }}
          value={mode}
          onChange={(value) => setMode(value as LocationMode)}
          data={[
            { value: 'point', label: t('plotDialog.modePoint') },
            { value: 'geojson', label: t('plotDialog.modeGeojson') },
            { value: 'none', label: t('plotDialog.modeNone') },
          ]}
          fullWidth
        />
        {mode === 'point' && (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                label={t('plotDialog.latitude')}
                placeholder={org.country === 'CO' ? '4.570868' : '-5.708330'}
                inputMode="decimal"
                {...field('latitude')}
              />
              <TextInput
                label={t('plotDialog.longitude')}
                placeholder={org.country === 'CO' ? '-74.297333' : '-78.808810'}
                inputMode="decimal"
                {...field('longitude')}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('plotDialog.pointHint')}
            </Text>
          </>
        )}
        {mode === 'geojson' && (
          <Textarea
            label={t('plotDialog.geojson')}
            description={t('plotDialog.geojsonHint')}
            autosize
            minRows={4}
            maxRows={12}
            styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
            {...field('geojson')}
            error={errors.geojson ?? geometryError}
          />
        )}
        {mode === 'point' && geometryError && (
          <Text size="sm" c="red" role="alert">
            {geometryError}
          </Text>
        )}
      </Stack>
    </DialogForm>
  );
}

// ---- certification --------------------------------------------------------------------------------

export function CertificationDialog({
  org,
  memberNumber,
  plots,
  editing,
  opened,
  onClose,
  onDone,
}: {
  org: Org;
  memberNumber: string;
  plots: Plot[];
  /** Given: change this certification's status and validity; else add a new one. */
  editing: Certification | null;
  opened: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const add = useAddCertification(org.slug, memberNumber);
  const update = useUpdateCertification(org.slug, memberNumber);
  const mutation = editing ? update : add;
  const [id, setId] = useState(newId);
  const [v, setV] = useState(() => ({
    scheme: editing?.scheme ?? 'fairtrade',
    status: editing?.status ?? 'certified',
    conversionYear: editing?.conversionYear ? String(editing.conversionYear) : '1',
    validFrom: editing?.validFrom ?? todayIn(org.timeZone),
    validUntil: editing?.validUntil ?? '',
    certificateRef: editing?.certificateRef ?? '',
    plotId: editing?.plotId ?? '',
  }));
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const server = serverFieldErrors(mutation.error);
  const field = (name: keyof typeof v) => ({
    value: v[name],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setV((old) => ({ ...old, [name]: value }));
    },
    error: errors[name] ?? server[name],
  });

  const submit = () => {
    const next: Errors = {};
    if (!editing && !v.validFrom) next.validFrom = t('form.required');
    if (v.validUntil && v.validFrom && v.validUntil < v.validFrom)
      next.validUntil = t('certDialog.untilBeforeFrom');
    setErrors(next);
    setAttempt((a) => a + 1);
    if (Object.keys(next).length > 0) return;
    const conversionYear = v.status === 'in_conversion' ? Number(v.conversionYear) : null;
    const done = () => {
      onDone(editing ? t('certDialog.saved') : t('certDialog.added', { scheme: schemeName(t, v.scheme) }));
      setId(newId());
      onClose();
    };
    if (editing) {
      update.mutate(
        { id: editing.id, status: v.status, conversionYear, validUntil: v.validUntil || null },
        { onSuccess: done, onError: () => setAttempt((a) => a + 1) },
      );
    } else {
      add.mutate(
        {
          id,
          scheme: v.scheme,
          status: v.status,
          conversionYear,
          validFrom: v.validFrom,
          validUntil: v.validUntil || null,
          certificateRef: v.certificateRef.trim() || null,
          plotId: v.plotId || null,
        },
        { onSuccess: done, onError: () => setAttempt((a) => a + 1) },
      );
    }
  };

  return (
    <DialogForm
      opened={opened}
      onClose={onClose}
      title={
        editing ? t('certDialog.editTitle', { scheme: schemeName(t, editing.scheme) }) : t('certDialog.title')
      }
      submitLabel={editing ? t('certDialog.save') : t('certDialog.submit')}
      mutation={mutation}
      shownFields={Object.keys(v)}
      onSubmit={submit}
      attempt={attempt}
      size="md"
    >
      {!editing && (
        <NativeSelect
          label={t('certDialog.scheme')}
          data={CERT_SCHEMES.map((s) => ({ value: s, label: schemeName(t, s) }))}
          {...field('scheme')}
        />
      )}
      <NativeSelect
        label={t('certDialog.status')}
        data={CERT_STATUSES.map((s) => ({ value: s, label: certStatusName(t, s) }))}
        {...field('status')}
      />
      {v.status === 'in_conversion' && (
        <NativeSelect
          label={t('certDialog.conversionYear')}
          data={['1', '2', '3'].map((n) => ({ value: n, label: t('certifications.yearN', { n }) }))}
          {...field('conversionYear')}
        />
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        {!editing && (
          <TextInput label={t('certDialog.validFrom')} type="date" required {...field('validFrom')} />
        )}
        <TextInput label={t('certDialog.validUntil')} type="date" {...field('validUntil')} />
      </SimpleGrid>
      {!editing && (
        <>
          <TextInput label={t('certDialog.certificateRef')} {...field('certificateRef')} />
          <NativeSelect
            label={t('certDialog.plot')}
            data={[
              { value: '', label: t('certifications.allPlots') },
              ...plots.map((p) => ({ value: p.id, label: p.name })),
            ]}
            {...field('plotId')}
          />
        </>
      )}
    </DialogForm>
  );
}

// ---- inspection -----------------------------------------------------------------------------------

interface NonConformityDraft {
  key: string;
  code: string;
  description: string;
  severity: Severity;
}

export function InspectionDialog({
  org,
  memberNumber,
  opened,
  onClose,
  onDone,
}: {
  org: Org;
  memberNumber: string;
  opened: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const mutation = useAddInspection(org.slug, memberNumber);
  const [id, setId] = useState(newId);
  const [inspectedOn, setInspectedOn] = useState(todayIn(org.timeZone));
  const [inspector, setInspector] = useState('');
  const [result, setResult] = useState<(typeof INSPECTION_RESULTS)[number]>('approved');
  const [sanctions, setSanctions] = useState('');
  const [items, setItems] = useState<NonConformityDraft[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const server = serverFieldErrors(mutation.error);

  const setItem = (key: string, patch: Partial<NonConformityDraft>) =>
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const submit = () => {
    const next: Errors = {};
    if (!inspectedOn) next.inspectedOn = t('form.required');
    else if (inspectedOn > todayIn(org.timeZone)) next.inspectedOn = t('memberForm.errors.future');
    if (!inspector.trim()) next.inspector = t('form.required');
    items.forEach((item, index) => {
      if (!item.code.trim()) next[`nonConformities.${index}.code`] = t('form.required');
      if (!item.description.trim()) next[`nonConformities.${index}.description`] = t('form.required');
    });
    setErrors(next);
    setAttempt((a) => a + 1);
    if (Object.keys(next).length > 0) return;
    mutation.mutate(
      {
        id,
        inspectedOn,
        inspector: inspector.trim(),
        result,
        nonConformities: items.map(({ code, description, severity }) => ({
          code: code.trim(),
          description: description.trim(),
          severity,
        })),
        sanctions: sanctions.trim() || null,
      },
      {
        onSuccess: () => {
          onDone(t('inspectionDialog.done'));
          setId(newId());
          setItems([]);
          setSanctions('');
          onClose();
        },
        onError: () => setAttempt((a) => a + 1),
      },
    );
  };

  return (
    <DialogForm
      opened={opened}
      onClose={onClose}
      title={t('inspectionDialog.title')}
      submitLabel={t('inspectionDialog.submit')}
      mutation={mutation}
      shownFields={['inspectedOn', 'inspector', 'result', 'nonConformities', 'sanctions']}
      onSubmit={submit}
      attempt={attempt}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput
          label={t('inspectionDialog.inspectedOn')}
          type="date"
          required
          value={inspectedOn}
          onChange={(e) => setInspectedOn(e.currentTarget.value)}
          error={errors.inspectedOn ?? server.inspectedOn}
        />
        <TextInput
          label={t('inspectionDialog.inspector')}
          required
          value={inspector}
          onChange={(e) => setInspector(e.currentTarget.value)}
          error={errors.inspector ?? server.inspector}
        />
      </SimpleGrid>
      <NativeSelect
        label={t('inspectionDialog.result')}
        data={INSPECTION_RESULTS.map((r) => ({ value: r, label: inspectionResultName(t, r) }))}
        value={result}
        onChange={(e) => setResult(e.currentTarget.value as (typeof INSPECTION_RESULTS)[number])}
      />
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('inspectionDialog.nonConformities')}
        </Text>
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('inspectionDialog.noNonConformities')}
          </Text>
        )}
        <List listStyleType="none" spacing="xs" p={0} m={0}>
          {items.map((item, index) => (
            <List.Item key={item.key}>
              <Group align="flex-start" gap="xs" wrap="nowrap">
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" style={{ flex: 1 }}>
                  <TextInput
                    label={t('inspectionDialog.ncCode', { n: String(index + 1) })}
                    value={item.code}
                    onChange={(e) => setItem(item.key, { code: e.currentTarget.value })}
                    error={errors[`nonConformities.${index}.code`] ?? server[`nonConformities.${index}.code`]}
                  />
                  <TextInput
                    label={t('inspectionDialog.ncDescription', { n: String(index + 1) })}
                    value={item.description}
                    onChange={(e) => setItem(item.key, { description: e.currentTarget.value })}
                    error={
                      errors[`nonConformities.${index}.description`] ??
                      server[`nonConformities.${index}.description`]
                    }
                  />
                  <NativeSelect
                    label={t('inspectionDialog.ncSeverity', { n: String(index + 1) })}
                    data={SEVERITIES.map((s) => ({ value: s, label: severityName(t, s) }))}
                    value={item.severity}
                    onChange={(e) => setItem(item.key, { severity: e.currentTarget.value as Severity })}
                  />
                </SimpleGrid>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={26}
                  aria-label={t('inspectionDialog.removeNc', { n: String(index + 1) })}
                  onClick={() => setItems((list) => list.filter((i) => i.key !== item.key))}
                >
                  ×
                </ActionIcon>
              </Group>
            </List.Item>
          ))}
        </List>
        <Button
          variant="light"
          size="compact-sm"
          w="fit-content"
          onClick={() =>
            setItems((list) => [...list, { key: newId(), code: '', description: '', severity: 'minor' }])
          }
        >
          {t('inspectionDialog.addNc')}
        </Button>
      </Stack>
      <Textarea
        label={t('inspectionDialog.sanctions')}
        autosize
        minRows={2}
        maxLength={1000}
        value={sanctions}
        onChange={(e) => setSanctions(e.currentTarget.value)}
        error={server.sanctions}
      />
    </DialogForm>
  );
}
