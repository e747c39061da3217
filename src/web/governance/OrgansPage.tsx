import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgansWarning, OrganView, TermView as Term } from '../../governance/governance.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import {
  ORGAN_KINDS as ORGANS,
  type OrganKind as OrganCode,
  POSITIONS,
  type OfficePosition as PositionCode,
} from '../../shared/enums.js';
import { LoadError, PageLoader } from '../app/feedback.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formatDay, todayIn } from '../shared/format.js';
import { newId } from '../shared/ids.js';
import { FlashMessage, serverFieldErrors } from '../shared/ui.js';
import { GovernanceHeader } from './GovernanceHeader.js';
import { useAppointTerm, useChangeTerm, useOrgans } from './records-api.js';
import { DialogForm, organName, positionName } from './records-ui.js';

/** The order positions are listed in within an organ: the officers first, the alternates last. */
const POSITION_ORDER: Record<string, number> = Object.fromEntries(POSITIONS.map((p, i) => [p, i]));
const byPosition = (a: Term, b: Term) =>
  (POSITION_ORDER[a.position] ?? 9) - (POSITION_ORDER[b.position] ?? 9) ||
  a.holderName.localeCompare(b.holderName);

type Dialog = { kind: 'appoint' } | { kind: 'position'; term: Term } | { kind: 'end'; term: Term } | null;

/** `/o/:slug/governance/organs`: who holds which office, until when, the seats left empty, and the past terms. */
export function OrgansPage({ org, canEdit }: { org: Org; canEdit: boolean }) {
  const { t } = useTranslation();
  useDocumentTitle(t('governanceRecords.organs.title'), org.name);
  const [on, setOn] = useState('');
  const organs = useOrgans(org.slug, /^\d{4}-\d{2}-\d{2}$/.test(on) ? on : undefined);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };

  return (
    <Stack gap="lg">
      <GovernanceHeader
        org={org}
        current="organs"
        title={t('governanceRecords.organs.title')}
        actions={
          canEdit && (
            <Button size="md" onClick={() => setDialog({ kind: 'appoint' })}>
              {t('governanceRecords.organs.appoint')}
            </Button>
          )
        }
      />
      <FlashMessage message={notice} onClose={() => setNotice(null)} />
      <Group align="flex-end" gap="sm">
        <TextInput
          type="date"
          label={t('governanceRecords.organs.on')}
          value={on}
          onChange={(e) => setOn(e.currentTarget.value)}
          w={200}
        />
        {on && (
          <Button variant="subtle" onClick={() => setOn('')}>
            {t('governanceRecords.organs.today')}
          </Button>
        )}
      </Group>
      {organs.isError && !organs.data ? (
        <LoadError error={organs.error} onRetry={() => void organs.refetch()} />
      ) : !organs.data ? (
        <PageLoader />
      ) : (
        <>
          <Warnings warnings={organs.data.warnings} />
          {organs.data.organs.length === 0 && <Text c="dimmed">{t('governanceRecords.organs.none')}</Text>}
          {organs.data.organs.map((o) => (
            <OrganSection
              key={o.organ}
              organ={o}
              canEdit={canEdit}
              onPosition={(term) => setDialog({ kind: 'position', term })}
              onEnd={(term) => setDialog({ kind: 'end', term })}
            />
          ))}
        </>
      )}
      {canEdit && dialog?.kind === 'appoint' && (
        <AppointDialog
          org={org}
          onClose={() => setDialog(null)}
          onDone={() => done(t('governanceRecords.organs.appointed'))}
        />
      )}
      {canEdit && dialog?.kind === 'position' && (
        <PositionDialog
          org={org}
          term={dialog.term}
          onClose={() => setDialog(null)}
          onDone={() => done(t('governanceRecords.organs.positionChanged'))}
        />
      )}
      {canEdit && dialog?.kind === 'end' && (
        <EndDialog
          org={org}
          term={dialog.term}
          onClose={() => setDialog(null)}
          onDone={() => done(t('governanceRecords.organs.ended'))}
        />
      )}
    </Stack>
  );
}

function Warnings({ warnings }: { warnings: OrgansWarning[] }) {
  const { t, i18n } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title={t('governanceRecords.organs.warningsTitle')}>
      <List spacing={4} size="sm">
        {warnings.map((w) => (
          <List.Item key={`${w.code}-${w.organ}-${w.holderName ?? ''}-${w.endsOn ?? ''}`}>
            {w.code === 'governance.term_expiring'
              ? t('governanceRecords.organs.warningExpiring', {
                  organ: organName(t, w.organ),
                  name: w.holderName ?? '',
                  date: formatDay(i18n.language, w.endsOn),
                  count: w.days ?? 0,
                })
              : w.code === 'governance.vacant_seats'
                ? t('governanceRecords.organs.warningVacant', {
                    organ: organName(t, w.organ),
                    count: w.seats ?? 0,
                  })
                : `${organName(t, w.organ)}: ${w.code}`}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function OrganSection({
  organ,
  canEdit,
  onPosition,
  onEnd,
}: {
  organ: OrganView;
  canEdit: boolean;
  onPosition: (term: Term) => void;
  onEnd: (term: Term) => void;
}) {
  const { t } = useTranslation();
  const [showHistory, setShowHistory] = useState(false);
  const id = `ayni-organ-${organ.organ}`;
  const filled = Math.max(0, organ.seats - organ.vacancies);
  const current = [...organ.current].sort(byPosition);
  const history = [...organ.history].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'md' }} radius="md" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" align="center">
          <Title order={2} size="h3" id={id}>
            {organName(t, organ.organ)}
          </Title>
          <Group gap={6}>
            <Badge variant="light" color="blue" tt="none" radius="sm" size="lg">
              {t('governanceRecords.organs.filled', { filled: String(filled), count: organ.seats })}
            </Badge>
            {organ.vacancies > 0 && (
              <Badge variant="filled" color="red" tt="none" radius="sm" size="lg">
                {t('governanceRecords.organs.vacant', { count: organ.vacancies })}
              </Badge>
            )}
          </Group>
        </Group>
        {current.length === 0 ? (
          <Text c="dimmed">{t('governanceRecords.organs.nobody')}</Text>
        ) : (
          <SimpleGrid
            component="ul"
            aria-label={t('governanceRecords.organs.inOffice')}
            cols={{ base: 1, sm: 2, lg: 3 }}
            spacing="sm"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
          >
            {current.map((term) => (
              <TermCard
                key={term.id}
                term={term}
                actions={
                  canEdit && (
                    <Group gap="xs">
                      <Button size="compact-sm" variant="light" onClick={() => onPosition(term)}>
                        {t('governanceRecords.organs.changePosition')}
                      </Button>
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => onEnd(term)}>
                        {t('governanceRecords.organs.endEarly')}
                      </Button>
                    </Group>
                  )
                }
              />
            ))}
          </SimpleGrid>
        )}
        {history.length > 0 && (
          <div>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setShowHistory((s) => !s)}
              aria-expanded={showHistory}
              aria-controls={`${id}-history`}
            >
              {showHistory
                ? t('governanceRecords.organs.hideHistory')
                : t('governanceRecords.organs.showHistory', { count: history.length })}
            </Button>
            {showHistory && (
              <SimpleGrid
                id={`${id}-history`}
                aria-label={t('governanceRecords.organs.previous')}
                component="ul"
                cols={{ base: 1, sm: 2, lg: 3 }}
                spacing="sm"
                mt="xs"
                p={0}
                style={{ listStyle: 'none' }}
              >
                {history.map((term) => (
                  <TermCard key={term.id} term={term} past />
                ))}
              </SimpleGrid>
            )}
          </div>
        )}
      </Stack>
    </Paper>
  );
}

function TermCard({ term, past = false, actions }: { term: Term; past?: boolean; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const ends = term.endedOn ?? term.endsOn;
  return (
    <Paper component="li" withBorder p="sm" radius="sm" bg={past ? 'gray.0' : undefined}>
      <Stack gap={4}>
        <Badge
          variant={term.position === 'member' || term.position === 'alternate' ? 'light' : 'filled'}
          color={past ? 'gray' : 'teal'}
          tt="none"
          radius="sm"
          w="fit-content"
        >
          {positionName(t, term.position)}
        </Badge>
        <Text fw={700}>{term.holderName}</Text>
        <Text size="sm" c="dimmed">
          {[
            term.memberNumber ? t('governanceRecords.organs.memberNo', { number: term.memberNumber }) : null,
            term.zone,
          ]
            .filter(Boolean)
            .join(' · ') || t('governanceRecords.organs.external')}
        </Text>
        <Text size="sm">
          {t('governanceRecords.organs.period', {
            from: formatDay(i18n.language, term.startsOn),
            to: formatDay(i18n.language, ends),
          })}
        </Text>
        {term.endedOn && (
          <Text size="sm" c="red.8">
            {t('governanceRecords.organs.endedEarly', {
              date: formatDay(i18n.language, term.endedOn),
              reason: term.endedReason ?? '',
            })}
          </Text>
        )}
        {actions}
      </Stack>
    </Paper>
  );
}

// ---- dialogs ---------------------------------------------------------------------------------------

function AppointDialog({ org, onClose, onDone }: { org: Org; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const appoint = useAppointTerm(org.slug);
  const [id] = useState(newId);
  const [organ, setOrgan] = useState<OrganCode>('board');
  const [position, setPosition] = useState<PositionCode>('member');
  const [memberNumber, setMemberNumber] = useState('');
  const [holderName, setHolderName] = useState('');
  const [zone, setZone] = useState('');
  const [startsOn, setStartsOn] = useState(() => todayIn(org.timeZone));
  const [endsOn, setEndsOn] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const external = organ === 'fiscal_auditor';
  const server = serverFieldErrors(appoint.error);
  const error = (field: string) => missing[field] ?? server[field];

  const submit = () => {
    const problems: Record<string, string> = {};
    if (!external && !memberNumber.trim()) problems.memberNumber = t('form.required');
    if (external && !memberNumber.trim() && !holderName.trim()) problems.holderName = t('form.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startsOn)) problems.startsOn = t('form.required');
    setMissing(problems);
    setAttempt((n) => n + 1);
    if (Object.keys(problems).length > 0) return;
    appoint.mutate(
      {
        id,
        organ,
        position,
        ...(memberNumber.trim() ? { memberNumber: memberNumber.trim() } : { holderName: holderName.trim() }),
        ...(zone.trim() ? { zone: zone.trim() } : {}),
        startsOn,
        ...(endsOn ? { endsOn } : {}),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <DialogForm
      opened
      onClose={onClose}
      title={t('governanceRecords.organs.appointTitle')}
      submitLabel={t('governanceRecords.organs.appointSubmit')}
      error={appoint.error}
      pending={appoint.isPending}
      shownFields={['memberNumber', 'holderName', 'startsOn', 'endsOn', 'zone']}
      onSubmit={submit}
      attempt={attempt}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t('governanceRecords.organs.organ')}
          value={organ}
          onChange={(e) => setOrgan(e.currentTarget.value as OrganCode)}
          data={ORGANS.map((o) => ({ value: o, label: organName(t, o) }))}
        />
        <NativeSelect
          label={t('governanceRecords.organs.position')}
          value={position}
          onChange={(e) => setPosition(e.currentTarget.value as PositionCode)}
          data={POSITIONS.map((p) => ({ value: p, label: positionName(t, p) }))}
        />
        <TextInput
          label={t('governanceRecords.organs.memberNumber')}
          description={external ? t('governanceRecords.organs.externalHelp') : undefined}
          value={memberNumber}
          onChange={(e) => setMemberNumber(e.currentTarget.value)}
          error={error('memberNumber')}
          required={!external}
          inputMode="numeric"
        />
        {external && (
          <TextInput
            label={t('governanceRecords.organs.holderName')}
            value={holderName}
            onChange={(e) => setHolderName(e.currentTarget.value)}
            error={error('holderName')}
          />
        )}
        <TextInput
          label={t('governanceRecords.organs.zone')}
          value={zone}
          onChange={(e) => setZone(e.currentTarget.value)}
          error={error('zone')}
        />
        <TextInput
          type="date"
          label={t('governanceRecords.organs.startsOn')}
          value={startsOn}
          onChange={(e) => setStartsOn(e.currentTarget.value)}
          error={error('startsOn')}
          required
        />
        <TextInput
          type="date"
          label={t('governanceRecords.organs.endsOn')}
          description={t('governanceRecords.organs.endsOnHelp')}
          value={endsOn}
          onChange={(e) => setEndsOn(e.currentTarget.value)}
          error={error('endsOn')}
        />
      </SimpleGrid>
    </DialogForm>
  );
}

function PositionDialog({
  org,
  term,
  onClose,
  onDone,
}: {
  org: Org;
  term: Term;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const change = useChangeTerm(org.slug);
  const [position, setPosition] = useState<PositionCode>(
    (POSITIONS as readonly string[]).includes(term.position) ? (term.position as PositionCode) : 'member',
  );
  const [attempt, setAttempt] = useState(0);
  return (
    <DialogForm
      opened
      onClose={onClose}
      title={t('governanceRecords.organs.positionTitle', { name: term.holderName })}
      submitLabel={t('governanceRecords.organs.save')}
      error={change.error}
      pending={change.isPending}
      shownFields={['position']}
      onSubmit={() => {
        setAttempt((n) => n + 1);
        change.mutate({ id: term.id, change: { position } }, { onSuccess: onDone });
      }}
      attempt={attempt}
    >
      <NativeSelect
        label={t('governanceRecords.organs.position')}
        value={position}
        onChange={(e) => setPosition(e.currentTarget.value as PositionCode)}
        data={POSITIONS.map((p) => ({ value: p, label: positionName(t, p) }))}
        error={serverFieldErrors(change.error).position}
      />
    </DialogForm>
  );
}

function EndDialog({
  org,
  term,
  onClose,
  onDone,
}: {
  org: Org;
  term: Term;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const change = useChangeTerm(org.slug);
  const [endedOn, setEndedOn] = useState(() => todayIn(org.timeZone));
  const [reason, setReason] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const server = serverFieldErrors(change.error);
  const submit = () => {
    const problems: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(endedOn)) problems.endedOn = t('form.required');
    if (!reason.trim()) problems.endedReason = t('form.required');
    setMissing(problems);
    setAttempt((n) => n + 1);
    if (Object.keys(problems).length > 0) return;
    change.mutate({ id: term.id, change: { endedOn, endedReason: reason.trim() } }, { onSuccess: onDone });
  };
  return (
    <DialogForm
      opened
      onClose={onClose}
      title={t('governanceRecords.organs.endTitle', { name: term.holderName })}
      submitLabel={t('governanceRecords.organs.endSubmit')}
      error={change.error}
      pending={change.isPending}
      shownFields={['endedOn', 'endedReason']}
      onSubmit={submit}
      attempt={attempt}
    >
      <Text size="sm">{t('governanceRecords.organs.endHelp')}</Text>
      <TextInput
        type="date"
        label={t('governanceRecords.organs.endedOn')}
        value={endedOn}
        onChange={(e) => setEndedOn(e.currentTarget.value)}
        error={missing.endedOn ?? server.endedOn}
        required
      />
      <TextInput
        label={t('governanceRecords.organs.endedReason')}
        placeholder={t('governanceRecords.organs.endedReasonExample')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={missing.endedReason ?? server.endedReason}
        required
      />
    </DialogForm>
  );
}
