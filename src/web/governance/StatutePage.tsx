import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatuteView } from '../../governance/governance.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { DECISION_TYPES, MAJORITY_KINDS, type MajorityKind } from '../../shared/enums.js';
import { PRESETS, type StatuteParams } from '../../shared/statute.js';
import { isApiProblem } from '../api/client.js';
import { LoadError, PageLoader } from '../app/feedback.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formatDay, formatMoment, todayIn } from '../shared/format.js';
import { newId } from '../shared/ids.js';
import { FlashMessage, FormProblem, serverFieldErrors } from '../shared/ui.js';
import { useSetStatute, useStatute } from './api.js';
import { GovernanceHeader } from './GovernanceHeader.js';

/** The fewest people for a quorum, as the server counts it (src/governance/quorum.ts). */
function required(params: EditableParams, call: 'first' | 'second', eligible: number): number {
  if (call === 'first') {
    const exact = eligible * params.firstCall.shareBp;
    return Math.max(
      params.firstCall.strictlyMore ? Math.floor(exact / 10_000) + 1 : Math.ceil(exact / 10_000),
      1,
    );
  }
  return Math.max(
    Math.ceil((eligible * params.secondCall.shareBp) / 10_000),
    params.secondCall.minimumPresent,
    1,
  );
}

const toNumber = (value: number | string, fallback: number) => {
  const n = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  return Number.isFinite(n) ? n : fallback;
};

/** The numbers this screen edits, from a statute read from the server (which has more). */
/** The part of the statute this screen edits; the rest is sent back as it was read. */
type EditableParams = Pick<
  StatuteParams,
  'firstCall' | 'secondCall' | 'majorities' | 'proxies' | 'noticeDays' | 'termYears' | 'maxConsecutiveTerms'
>;

function editable(from: EditableParams): EditableParams {
  return structuredClone({
    firstCall: from.firstCall,
    secondCall: from.secondCall,
    majorities: from.majorities,
    proxies: from.proxies,
    noticeDays: from.noticeDays,
    termYears: from.termYears,
    maxConsecutiveTerms: from.maxConsecutiveTerms,
  });
}

/** `/o/:slug/governance/statute`: the statute in force, loaded, then its editor. */
export function StatutePage({ org, canEdit }: { org: Org; canEdit: boolean }) {
  const { t } = useTranslation();
  useDocumentTitle(t('governance.statute.title'), org.name);
  const statute = useStatute(org.slug);
  return (
    <Stack gap="lg" maw={860}>
      <GovernanceHeader org={org} current="statute" title={t('governance.statute.title')} />
      <Text>{t('governance.statute.intro')}</Text>
      {statute.isError && !statute.data ? (
        <LoadError error={statute.error} onRetry={() => void statute.refetch()} />
      ) : !statute.data ? (
        <PageLoader />
      ) : (
        <StatuteEditor org={org} canEdit={canEdit} statute={statute.data} />
      )}
    </Stack>
  );
}

function StatuteEditor({ org, canEdit, statute }: { org: Org; canEdit: boolean; statute: StatuteView }) {
  const { t, i18n } = useTranslation();
  const country: 'PE' | 'CO' = statute.country === 'CO' ? 'CO' : 'PE';
  const [preset, setPreset] = useState<'PE' | 'CO'>(country);
  // The statute in force, whole: what this screen does not edit is sent back as it was read.
  const [base, setBase] = useState<Record<string, unknown> | null>(statute.params);
  const [params, setParams] = useState<EditableParams>(() => editable(statute.params));
  const [effectiveFrom, setEffectiveFrom] = useState(() => todayIn(org.timeZone));
  const [id, setId] = useState(newId);
  const [flash, setFlash] = useState<string | null>(null);
  const save = useSetStatute(org.slug);
  const alertRef = useRef<HTMLDivElement>(null);
  const server = serverFieldErrors(save.error);
  // One version per date: the database refuses a second one (its message names a constraint).
  const dateTaken =
    isApiProblem(save.error) &&
    (save.error.code === 'governance.statute_date_taken' || save.error.code === 'db.unique_violation');
  const field = (path: string) => server[`params.${path}`] ?? server[path];
  const disabled = !canEdit;

  const update = (change: (p: EditableParams) => void) =>
    setParams((p) => {
      const next = structuredClone(p);
      change(next);
      return next;
    });

  const choosePreset = (value: 'PE' | 'CO') => {
    setPreset(value);
    setBase(null);
    setParams(editable(PRESETS[value]));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id, effectiveFrom, preset, params: { ...(base ?? {}), ...params } },
      {
        onSuccess: (saved) => {
          setBase(saved.params as unknown as Record<string, unknown>);
          setParams(editable(saved.params));
          setFlash(t('governance.statute.saved', { date: formatDay(i18n.language, saved.effectiveFrom) }));
          setId(newId());
        },
        onError: () => alertRef.current?.focus(),
      },
    );
  };

  const countryLabel = (c: 'PE' | 'CO') =>
    c === 'CO' ? t('governance.statute.presetCO') : t('governance.statute.presetPE');

  return (
    <Stack gap="lg">
      <Alert color={statute.source === 'statute' ? 'blue' : 'yellow'} variant="light">
        <Text fw={600}>
          {statute.source === 'statute' && statute.effectiveFrom
            ? t('governance.statute.inForce', { date: formatDay(i18n.language, statute.effectiveFrom) })
            : t('governance.statute.presetInForce', { country: countryLabel(country) })}
        </Text>
        {base === null && (
          <Text size="sm" mt={4}>
            {t('governance.statute.modelChosen', { country: countryLabel(preset) })}
          </Text>
        )}
      </Alert>
      {!canEdit && <Text fw={600}>{t('governance.statute.managersOnly')}</Text>}
      {flash && <FlashMessage message={flash} onClose={() => setFlash(null)} />}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormProblem error={save.error} alertRef={alertRef} shownFields={[]} fieldConflict={dateTaken} />
          <NativeSelect
            label={t('governance.statute.startFrom')}
            value={preset}
            onChange={(e) => choosePreset(e.currentTarget.value as 'PE' | 'CO')}
            data={[
              { value: 'PE', label: t('governance.statute.presetPE') },
              { value: 'CO', label: t('governance.statute.presetCO') },
            ]}
            disabled={disabled}
            maw={360}
            size="md"
          />

          <ParamGroup title={t('governance.statute.quorumTitle')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NumberInput
                label={t('governance.statute.firstShare')}
                value={params.firstCall.shareBp / 100}
                onChange={(v) =>
                  update((p) => {
                    p.firstCall.shareBp = Math.round(toNumber(v, 0) * 100);
                  })
                }
                min={0}
                max={100}
                decimalScale={2}
                suffix=" %"
                error={field('firstCall.shareBp')}
                disabled={disabled}
              />
              <Checkbox
                label={t('governance.statute.strictlyMore')}
                checked={params.firstCall.strictlyMore}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  update((p) => {
                    p.firstCall.strictlyMore = checked;
                  });
                }}
                disabled={disabled}
                mt={{ base: 0, sm: 'xl' }}
              />
              <NumberInput
                label={t('governance.statute.waitMinutes')}
                value={params.secondCall.waitMinutes}
                onChange={(v) =>
                  update((p) => {
                    p.secondCall.waitMinutes = Math.round(toNumber(v, 0));
                  })
                }
                min={0}
                max={1440}
                allowDecimal={false}
                error={field('secondCall.waitMinutes')}
                disabled={disabled}
              />
              <NumberInput
                label={t('governance.statute.secondShare')}
                value={params.secondCall.shareBp / 100}
                onChange={(v) =>
                  update((p) => {
                    p.secondCall.shareBp = Math.round(toNumber(v, 0) * 100);
                  })
                }
                min={0}
                max={100}
                decimalScale={2}
                suffix=" %"
                error={field('secondCall.shareBp')}
                disabled={disabled}
              />
              <NumberInput
                label={t('governance.statute.minimumPresent')}
                value={params.secondCall.minimumPresent}
                onChange={(v) =>
                  update((p) => {
                    p.secondCall.minimumPresent = Math.max(1, Math.round(toNumber(v, 1)));
                  })
                }
                min={1}
                allowDecimal={false}
                error={field('secondCall.minimumPresent')}
                disabled={disabled}
              />
            </SimpleGrid>
            <Text size="sm" c="dimmed" mt="sm">
              {t('governance.statute.example', {
                first: String(required(params, 'first', 200)),
                second: String(required(params, 'second', 200)),
              })}
            </Text>
          </ParamGroup>

          <ParamGroup title={t('governance.statute.majoritiesTitle')}>
            <Stack gap="md">
              {DECISION_TYPES.map((type) => (
                <SimpleGrid key={type} cols={{ base: 1, sm: 2 }} spacing="xs">
                  <NativeSelect
                    label={t('governance.statute.majorityFor', {
                      type: t(`governance.decisionType.${type}`),
                    })}
                    value={params.majorities[type].kind}
                    onChange={(e) => {
                      const kind = e.currentTarget.value as MajorityKind;
                      update((p) => {
                        p.majorities[type].kind = kind;
                      });
                    }}
                    data={MAJORITY_KINDS.map((k) => ({ value: k, label: t(`governance.majority.${k}`) }))}
                    disabled={disabled}
                  />
                  <Checkbox
                    label={t('governance.statute.abstentionsCount')}
                    checked={params.majorities[type].abstentionsCount}
                    onChange={(e) => {
                      const checked = e.currentTarget.checked;
                      update((p) => {
                        p.majorities[type].abstentionsCount = checked;
                      });
                    }}
                    disabled={disabled}
                    mt={{ base: 0, sm: 'xl' }}
                  />
                </SimpleGrid>
              ))}
            </Stack>
          </ParamGroup>

          <ParamGroup title={t('governance.statute.proxiesTitle')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Checkbox
                label={t('governance.statute.proxiesAllowed')}
                checked={params.proxies.allowed}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  update((p) => {
                    p.proxies.allowed = checked;
                    if (!checked) p.proxies.maxPerPerson = 0;
                    else if (p.proxies.maxPerPerson === 0) p.proxies.maxPerPerson = 1;
                  });
                }}
                disabled={disabled}
                mt={{ base: 0, sm: 'xl' }}
              />
              <NumberInput
                label={t('governance.statute.maxPerPerson')}
                value={params.proxies.maxPerPerson}
                onChange={(v) =>
                  update((p) => {
                    p.proxies.maxPerPerson = Math.round(toNumber(v, 0));
                  })
                }
                min={0}
                max={10}
                allowDecimal={false}
                error={field('proxies.maxPerPerson')}
                disabled={disabled || !params.proxies.allowed}
              />
            </SimpleGrid>
          </ParamGroup>

          <ParamGroup title={t('governance.statute.termsTitle')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <NumberInput
                label={t('governance.statute.noticeDays')}
                value={params.noticeDays}
                onChange={(v) =>
                  update((p) => {
                    p.noticeDays = Math.round(toNumber(v, 0));
                  })
                }
                min={0}
                max={90}
                allowDecimal={false}
                error={field('noticeDays')}
                disabled={disabled}
              />
              <NumberInput
                label={t('governance.statute.termYears')}
                value={params.termYears}
                onChange={(v) =>
                  update((p) => {
                    p.termYears = Math.round(toNumber(v, 1));
                  })
                }
                min={1}
                max={10}
                allowDecimal={false}
                error={field('termYears')}
                disabled={disabled}
              />
              <NumberInput
                label={t('governance.statute.maxConsecutiveTerms')}
                value={params.maxConsecutiveTerms}
                onChange={(v) =>
                  update((p) => {
                    p.maxConsecutiveTerms = Math.round(toNumber(v, 1));
                  })
                }
                min={1}
                max={10}
                allowDecimal={false}
                error={field('maxConsecutiveTerms')}
                disabled={disabled}
              />
            </SimpleGrid>
          </ParamGroup>

          {canEdit && (
            <Group align="flex-end" gap="md">
              <TextInput
                type="date"
                label={t('governance.statute.effectiveFrom')}
                value={effectiveFrom}
                onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
                error={dateTaken ? t('governance.statute.dateTaken') : field('effectiveFrom')}
                required
                size="md"
              />
              <Button type="submit" size="md" loading={save.isPending}>
                {t('governance.statute.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      {statute.versions.length > 0 && (
        <Stack gap={4} component="section" aria-labelledby="ayni-statute-versions">
          <Title order={2} size="h4" id="ayni-statute-versions">
            {t('governance.statute.versionsTitle')}
          </Title>
          <Stack component="ul" gap={2} m={0} pl="md">
            {[...statute.versions]
              .sort((x, y) => y.effectiveFrom.localeCompare(x.effectiveFrom))
              .map((v) => (
                <Text component="li" key={v.id} size="sm">
                  {t('governance.statute.versionLine', {
                    date: formatDay(i18n.language, v.effectiveFrom),
                    by: v.recordedBy,
                    at: formatMoment(i18n.language, v.recordedAt, org.timeZone),
                  })}
                </Text>
              ))}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}

/** One titled group of the statute's numbers. */
function ParamGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md" component="fieldset" m={0}>
      <Title order={2} size="h4" component="legend" px={4}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
