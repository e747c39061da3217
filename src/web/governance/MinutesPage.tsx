import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  List,
  Modal,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Minutes } from '../../governance/governance.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { SIGN_ROLES, type SignRole } from '../../shared/enums.js';
import { isApiProblem } from '../api/client.js';
import { LoadError, PageLoader, problemMessage } from '../app/feedback.js';
import { governancePath } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useMyMember } from '../members/api.js';
import { formatDay, formatMoment, todayIn } from '../shared/format.js';
import { FlashMessage, FormProblem, serverFieldErrors } from '../shared/ui.js';
import { isVotingMember, minutesPath, useAssembly, useMyAssembly } from './api.js';
import { GovernanceHeader } from './GovernanceHeader.js';
import { useApproveMinutes, useMinutes, useOrgans, useSaveMinutes, useSignMinutes } from './records-api.js';
import { signRoleName } from './records-ui.js';

const STATUS_COLOR = { none: 'gray', draft: 'blue', approved: 'orange', signed: 'green' } as const;

/**
 * `/o/:slug/governance/assemblies/:id/minutes`: the secretary writes the minutes from the draft the
 * record gives, saves versions, approves them (they get the book's next number) and records the
 * signatures; a member who must sign signs here with their own account.
 */
export function MinutesPage({
  org,
  assemblyId,
  canEdit,
}: {
  org: Org;
  assemblyId: string;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const assembly = useAssembly(org.slug, assemblyId);
  const minutes = useMinutes(org.slug, assemblyId);
  const title = assembly.data
    ? t('governanceRecords.minutes.titleOf', { title: assembly.data.title })
    : t('governanceRecords.minutes.title');
  useDocumentTitle(title, org.name);
  const [notice, setNotice] = useState<string | null>(null);
  const m = minutes.data;

  const header = (
    <GovernanceHeader
      org={org}
      title={title}
      back={{ href: governancePath(org.slug), label: t('governance.back') }}
      actions={
        <Button
          component="a"
          href={minutesPath(org.slug, assemblyId)}
          target="_blank"
          rel="noopener"
          variant="default"
        >
          {m && m.status !== 'none' && m.status !== 'draft'
            ? t('governanceRecords.minutes.pdf')
            : t('governanceRecords.minutes.pdfDraft')}
        </Button>
      }
    />
  );
  if (minutes.isError && !m)
    return (
      <>
        {header}
        <LoadError error={minutes.error} onRetry={() => void minutes.refetch()} />
      </>
    );
  if (!m)
    return (
      <>
        {header}
        <PageLoader />
      </>
    );

  const today = todayIn(org.timeZone);
  const overdue = m.status !== 'signed' && today > m.signBy;
  const editable = canEdit && (m.status === 'none' || m.status === 'draft');

  return (
    <Stack gap="lg">
      {header}
      <FlashMessage message={notice} onClose={() => setNotice(null)} />
      <Group gap="xs" mt={-8}>
        <Badge size="lg" variant="filled" color={STATUS_COLOR[m.status]} tt="none" radius="sm">
          {t(`governanceRecords.minutes.status.${m.status}`)}
        </Badge>
        {m.bookNumber !== null && (
          <Badge size="lg" variant="light" color="dark" tt="none" radius="sm">
            {t('governanceRecords.minutes.bookNumber', { number: String(m.bookNumber) })}
          </Badge>
        )}
        {m.version > 0 && (
          <Badge size="lg" variant="light" color="gray" tt="none" radius="sm">
            {t('governanceRecords.minutes.version', { version: String(m.version) })}
          </Badge>
        )}
      </Group>
      <Text>
        {m.status === 'signed' && m.signedAt
          ? t('governanceRecords.minutes.signedOn', {
              date: formatMoment(i18n.language, m.signedAt, org.timeZone),
            })
          : t('governanceRecords.minutes.signBy', { date: formatDay(i18n.language, m.signBy) })}
        {m.approvedAt &&
          ` · ${t('governanceRecords.minutes.approvedOn', {
            date: formatMoment(i18n.language, m.approvedAt, org.timeZone),
            by: m.approvedBy ?? '',
          })}`}
      </Text>
      {overdue && (
        <Alert color="red" variant="light" role="alert" title={t('governanceRecords.minutes.overdueTitle')}>
          {t('governanceRecords.minutes.overdue', { date: formatDay(i18n.language, m.signBy) })}
        </Alert>
      )}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {editable ? (
            <Editor
              org={org}
              assemblyId={assemblyId}
              minutes={m}
              onNotice={setNotice}
              reload={() => minutes.refetch()}
            />
          ) : (
            <ReadOnlyBody body={m.body} />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <Signatures
              org={org}
              assemblyId={assemblyId}
              minutes={m}
              canEdit={canEdit}
              onNotice={setNotice}
            />
            <Versions org={org} minutes={m} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

// ---- the text --------------------------------------------------------------------------------------

function Editor({
  org,
  assemblyId,
  minutes: m,
  onNotice,
  reload,
}: {
  org: Org;
  assemblyId: string;
  minutes: Minutes;
  onNotice: (message: string) => void;
  reload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const save = useSaveMinutes(org.slug, assemblyId);
  const approve = useApproveMinutes(org.slug, assemblyId);
  const [designatedText, setDesignatedText] = useState('');
  const approveErrors = serverFieldErrors(approve.error);
  const approveFieldError = Object.entries(approveErrors).find(([k]) =>
    k.startsWith('designatedMemberNumbers'),
  )?.[1];
  const [text, setText] = useState(m.body);
  const [base, setBase] = useState(m.version);
  const [confirming, setConfirming] = useState(false);
  const changed = isApiProblem(save.error, 409) && save.error.code === 'governance.minutes_changed';
  const dirty = text !== m.body || base !== m.version || m.status === 'none';

  // after a save the server's text is the one edited from now on
  useEffect(() => {
    if (save.isSuccess) setBase(save.data.version);
  }, [save.isSuccess, save.data]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    approve.reset();
    save.mutate(
      { body: text, baseVersion: base },
      {
        onSuccess: (saved) =>
          onNotice(t('governanceRecords.minutes.saved', { version: String(saved.version) })),
      },
    );
  };
  const reloadNow = async () => {
    const fresh = (await reload()) as { data?: Minutes };
    if (fresh.data) {
      setText(fresh.data.body);
      setBase(fresh.data.version);
    }
    save.reset();
  };

  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      aria-labelledby="ayni-minutes-text"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="ayni-minutes-text">
            {t('governanceRecords.minutes.text')}
          </Title>
          {m.status === 'none' && (
            <Alert color="blue" variant="light">
              {t('governanceRecords.minutes.draftFromRecord')}
            </Alert>
          )}
          {changed ? (
            <Alert
              color="orange"
              variant="light"
              role="alert"
              title={t('governanceRecords.minutes.changedTitle')}
            >
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{problemMessage(save.error, t)}</Text>
                <Text size="sm">{t('governanceRecords.minutes.changedHelp')}</Text>
                <Button size="sm" variant="default" onClick={() => void reloadNow()}>
                  {t('governanceRecords.minutes.reload')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <FormProblem error={save.error ?? approve.error} shownFields={[]} />
          )}
          <Textarea
            label={t('governanceRecords.minutes.textLabel')}
            description={t('governanceRecords.minutes.textHelp')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={16}
            maxRows={40}
            styles={{ input: { fontSize: 16, lineHeight: 1.5 } }}
          />
          <Group gap="sm">
            <Button type="submit" loading={save.isPending} size="md">
              {t('governanceRecords.minutes.save')}
            </Button>
            <Button
              variant="default"
              size="md"
              disabled={dirty || m.version === 0}
              onClick={() => setConfirming(true)}
            >
              {t('governanceRecords.minutes.approve')}
            </Button>
          </Group>
          {dirty && m.version > 0 && (
            <Text size="sm" c="dimmed">
              {t('governanceRecords.minutes.saveBeforeApprove')}
            </Text>
          )}
        </Stack>
      </form>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('governanceRecords.minutes.approveTitle')}
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        <Stack gap="md">
          <Text>{t('governanceRecords.minutes.approveText', { version: String(m.version) })}</Text>
          {m.required.designated > 0 && (
            <TextInput
              label={t('governanceRecords.minutes.designatedLabel', { count: m.required.designated })}
              description={t('governanceRecords.minutes.designatedHelp')}
              placeholder="0012, 0040, 0101"
              value={designatedText}
              onChange={(e) => setDesignatedText(e.currentTarget.value)}
              error={approveFieldError}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </Button>
            <Button
              color="orange"
              loading={approve.isPending}
              onClick={() =>
                approve.mutate(
                  designatedText
                    .split(/[\s,;]+/)
                    .map((n) => n.trim())
                    .filter(Boolean),
                  {
                    onSuccess: (a) => {
                      setConfirming(false);
                      onNotice(
                        t('governanceRecords.minutes.approved', { number: String(a.bookNumber ?? '') }),
                      );
                    },
                    // a designated member not present: keep the dialog open with the reason under the field
                    onError: (error) => {
                      if (!(isApiProblem(error) && error.errors.length > 0)) setConfirming(false);
                    },
                  },
                )
              }
            >
              {t('governanceRecords.minutes.approveConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** The approved text: lines starting with "# " are its headings. */
function ReadOnlyBody({ body }: { body: string }) {
  const { t } = useTranslation();
  const blocks: { heading: string | null; lines: string[] }[] = [];
  for (const line of body.split('\n')) {
    if (line.startsWith('# ')) blocks.push({ heading: line.slice(2).trim(), lines: [] });
    else {
      if (blocks.length === 0) blocks.push({ heading: null, lines: [] });
      blocks[blocks.length - 1]!.lines.push(line);
    }
  }
  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      aria-labelledby="ayni-minutes-text"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="ayni-minutes-text">
          {t('governanceRecords.minutes.text')}
        </Title>
        {blocks.map((b, i) => (
          <div key={i}>
            {b.heading && (
              <Title order={3} size="h4" mb={4}>
                {b.heading}
              </Title>
            )}
            <Text style={{ whiteSpace: 'pre-wrap' }}>{b.lines.join('\n').trim()}</Text>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

function Versions({ org, minutes: m }: { org: Org; minutes: Minutes }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      aria-labelledby="ayni-minutes-versions"
    >
      <Title order={2} size="h4" id="ayni-minutes-versions" mb="xs">
        {t('governanceRecords.minutes.versions')}
      </Title>
      {m.versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('governanceRecords.minutes.noVersions')}
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {[...m.versions]
            .sort((a, b) => b.version - a.version)
            .map((v) => (
              <List.Item key={v.version}>
                {t('governanceRecords.minutes.versionLine', {
                  version: String(v.version),
                  date: formatMoment(i18n.language, v.savedAt, org.timeZone),
                  by: v.savedBy,
                })}
              </List.Item>
            ))}
        </List>
      )}
    </Paper>
  );
}

// ---- signatures ------------------------------------------------------------------------------------

function Signatures({
  org,
  assemblyId,
  minutes: m,
  canEdit,
  onNotice,
}: {
  org: Org;
  assemblyId: string;
  minutes: Minutes;
  canEdit: boolean;
  onNotice: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const missing = SIGN_ROLES.filter((r) => m.signatures.filter((s) => s.role === r).length < m.required[r]);
  const open = m.status === 'approved';
  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      aria-labelledby="ayni-minutes-signatures"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="ayni-minutes-signatures">
          {t('governanceRecords.minutes.signatures')}
        </Title>
        {SIGN_ROLES.filter((r) => m.required[r] > 0).map((role) => {
          const done = m.signatures.filter((s) => s.role === role);
          const complete = done.length >= m.required[role];
          return (
            <Stack key={role} gap={2}>
              <Group gap="xs" justify="space-between">
                <Text fw={600}>{signRoleName(t, role)}</Text>
                <Badge
                  color={complete ? 'green' : 'gray'}
                  variant={complete ? 'filled' : 'light'}
                  tt="none"
                  radius="sm"
                >
                  {t('governanceRecords.minutes.signedCount', {
                    done: String(done.length),
                    count: m.required[role],
                  })}
                </Badge>
              </Group>
              {done.map((s) => (
                <Text key={`${s.role}-${s.seq}`} size="sm">
                  ✓ {s.name} —{' '}
                  {s.method === 'in_app'
                    ? t('governanceRecords.minutes.inApp')
                    : t('governanceRecords.minutes.onPaper')}
                  , {formatMoment(i18n.language, s.signedAt, org.timeZone)}
                </Text>
              ))}
            </Stack>
          );
        })}
        {(m.status === 'none' || m.status === 'draft') && (
          <Text size="sm" c="dimmed">
            {t('governanceRecords.minutes.signAfterApproval')}
          </Text>
        )}
        {open && canEdit && missing.length > 0 && (
          <PaperSignatureForm org={org} assemblyId={assemblyId} roles={missing} onNotice={onNotice} />
        )}
        {open && !canEdit && isVotingMember(org) && missing.length > 0 && (
          <SignAsMember org={org} assemblyId={assemblyId} roles={missing} onNotice={onNotice} />
        )}
      </Stack>
    </Paper>
  );
}

/** The secretary records a signature made in the paper book, by name or by member number. */
function PaperSignatureForm({
  org,
  assemblyId,
  roles,
  onNotice,
}: {
  org: Org;
  assemblyId: string;
  roles: SignRole[];
  onNotice: (message: string) => void;
}) {
  const { t } = useTranslation();
  const sign = useSignMinutes(org.slug, assemblyId);
  const [role, setRole] = useState<SignRole>(roles[0] ?? 'president');
  const [by, setBy] = useState<'name' | 'number'>('name');
  const [who, setWho] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const current = roles.includes(role) ? role : (roles[0] ?? 'president');
  const server = serverFieldErrors(sign.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!who.trim()) {
      setMissing(t('form.required'));
      return;
    }
    setMissing(null);
    sign.mutate(
      { role: current, ...(by === 'name' ? { signerName: who.trim() } : { memberNumber: who.trim() }) },
      {
        onSuccess: (after) => {
          setWho('');
          onNotice(
            after.status === 'signed'
              ? t('governanceRecords.minutes.allSigned')
              : t('governanceRecords.minutes.signatureRecorded', { role: signRoleName(t, current) }),
          );
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="ayni-paper-signature">
      <Stack gap="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Text fw={700} id="ayni-paper-signature">
          {t('governanceRecords.minutes.recordPaper')}
        </Text>
        <FormProblem error={sign.error} shownFields={['signerName', 'memberNumber']} />
        <NativeSelect
          label={t('governanceRecords.minutes.signRole')}
          value={current}
          onChange={(e) => setRole(e.currentTarget.value as SignRole)}
          data={roles.map((r) => ({ value: r, label: signRoleName(t, r) }))}
        />
        <SegmentedControl
          value={by}
          onChange={(v) => setBy(v as 'name' | 'number')}
          data={[
            { value: 'name', label: t('governanceRecords.minutes.byName') },
            { value: 'number', label: t('governanceRecords.minutes.byNumber') },
          ]}
          aria-label={t('governanceRecords.minutes.signerBy')}
        />
        <TextInput
          label={
            by === 'name'
              ? t('governanceRecords.minutes.signerName')
              : t('governanceRecords.minutes.signerNumber')
          }
          value={who}
          onChange={(e) => setWho(e.currentTarget.value)}
          error={missing ?? server.signerName ?? server.memberNumber}
          inputMode={by === 'number' ? 'numeric' : undefined}
        />
        <Button type="submit" loading={sign.isPending} w="fit-content">
          {t('governanceRecords.minutes.recordSignature')}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * A member signs with their own account the roles they may sign: president or secretary if they held
 * that position on the Board the day of the assembly, designated if they were present.
 */
function SignAsMember({
  org,
  assemblyId,
  roles,
  onNotice,
}: {
  org: Org;
  assemblyId: string;
  roles: SignRole[];
  onNotice: (message: string) => void;
}) {
  const { t } = useTranslation();
  const assembly = useAssembly(org.slug, assemblyId);
  const day = assembly.data ? todayInZone(assembly.data.firstCallAt, org.timeZone) : undefined;
  const me = useMyMember(org.slug);
  const mine = useMyAssembly(org.slug, assemblyId, true);
  const organs = useOrgans(org.slug, day);
  const sign = useSignMinutes(org.slug, assemblyId);
  const myNumber = me.data?.member.memberNumber;
  const board = organs.data?.organs.find((o) => o.organ === 'board')?.current ?? [];
  const maySign = roles.filter((role) =>
    role === 'designated'
      ? mine.data?.checkedIn === true
      : board.some((term) => term.memberNumber === myNumber && term.position === role),
  );
  if (!myNumber || maySign.length === 0) return null;
  return (
    <Stack gap="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      {sign.error ? <FormProblem error={sign.error} shownFields={[]} /> : null}
      {maySign.map((role) => (
        <Button
          key={role}
          size="md"
          loading={sign.isPending && sign.variables?.role === role}
          onClick={() =>
            sign.mutate(
              { role },
              {
                onSuccess: () =>
                  onNotice(t('governanceRecords.minutes.youSigned', { role: signRoleName(t, role) })),
              },
            )
          }
        >
          {t('governanceRecords.minutes.signAs', { role: signRoleName(t, role) })}
        </Button>
      ))}
    </Stack>
  );
}

function todayInZone(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}
