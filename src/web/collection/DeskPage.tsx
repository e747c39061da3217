import { Alert, Badge, Paper, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { useMe } from '../api/queries.js';
import { LoadError } from '../app/feedback.js';
import { collectionPath, navigate, useSearch } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { numberLocale } from '../shared/format.js';
import { useCollectionPoints, useTicket } from './api.js';
import { CollectionHeader } from './CollectionHeader.js';
import { DeliveryForm } from './desk/DeliveryForm.js';
import { type Draft, draftToFix, draftToReplace } from './desk/form.js';
import { PendingPanel } from './desk/PendingPanel.js';
import { PointSelect, useDeskPoint } from './desk/PointSelect.js';
import { TodayTickets } from './desk/TodayTickets.js';
import { MemberSearch } from './MemberSearch.js';
import { type QueuedTicket, useOnline, useQueue } from './queue.js';

/*
 * The desk's parts are in desk/: the delivery form (DeliveryForm, its fields and the values behind
 * them in form.ts, saving in useSaveTicket), the member's card, the live price panel, the plots picker,
 * the note on a replacement, the tickets kept on the device (PendingPanel) and today's tickets. The
 * member search sits beside this file: the accounts screen uses it too.
 */

/** `/o/:slug/collection`: the cashier's desk — point, member, weights, live price, save. */
export function DeskPage({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('collection.tabDesk'), t('collection.title'), org.name);
  const me = useMe().data ?? null;
  const online = useOnline();
  const points = useCollectionPoints(org.slug);
  const { pointCode, setPointCode, choosePoint } = useDeskPoint(org, points.data);
  const [draft, setDraft] = useState<Draft | null>(null);
  // The confirmation of a ticket kept on the device, shown while that ticket waits.
  const [notice, setNotice] = useState<{ id: string; text: string } | null>(null);
  const queue = useQueue(org.slug);
  const noticeShown = notice && queue.some((q) => q.input.id === notice.id && !q.refused) ? notice : null;
  const searchRef = useRef<HTMLInputElement>(null);
  const locale = numberLocale(i18n.language, org.country);

  // `?replaces=<ticket id>`: record the replacement of a voided ticket, prefilled from it.
  const replacesId = new URLSearchParams(useSearch()).get('replaces');
  const replaced = useTicket(org.slug, replacesId);
  const prefilledFor = useRef<string | null>(null);
  useEffect(() => {
    const ticket = replaced.data;
    if (!ticket || prefilledFor.current === ticket.id) return;
    prefilledFor.current = ticket.id;
    setPointCode(ticket.pointCode);
    setNotice(null);
    setDraft(draftToReplace(ticket));
  }, [replaced.data]);

  const backToSearch = () => {
    setDraft(null);
    if (replacesId) navigate(collectionPath(org.slug), { replace: true });
    requestAnimationFrame(() => searchRef.current?.focus());
  };

  const fix = (entry: QueuedTicket) => {
    if (entry.input.pointCode) setPointCode(entry.input.pointCode);
    setNotice(null);
    setDraft(draftToFix(entry));
  };

  if (points.isError && !points.data)
    return <LoadError error={points.error} onRetry={() => void points.refetch()} />;

  return (
    <>
      <CollectionHeader
        org={org}
        current="desk"
        title={t('collection.title')}
        actions={
          online ? undefined : (
            <Badge color="orange" variant="filled" size="lg" role="status">
              {t('collection.offlineBadge')}
            </Badge>
          )
        }
      />
      <Stack gap="md">
        {noticeShown && <QueuedNotice text={noticeShown.text} onClose={() => setNotice(null)} />}
        <PointSelect
          org={org}
          points={points.data}
          loading={points.isLoading}
          pointCode={pointCode}
          onChoose={choosePoint}
        />
        {draft === null ? (
          <>
            {me && <PendingPanel org={org} userId={me.id} locale={locale} onFix={fix} />}
            <Paper withBorder p="md" radius="md" maw={560}>
              <MemberSearch
                slug={org.slug}
                label={t('collection.memberSearch')}
                onPick={(member) => {
                  setNotice(null);
                  setDraft({ member });
                }}
                inputRef={searchRef}
                autoFocus
              />
            </Paper>
            {pointCode && <TodayTickets org={org} pointCode={pointCode} />}
          </>
        ) : (
          <>
            {me && <PendingPanel org={org} userId={me.id} locale={locale} onFix={fix} compact />}
            <DeliveryForm
              key={`${draft.member.memberNumber}-${draft.fixingId ?? ''}-${draft.replaces?.id ?? ''}`}
              org={org}
              draft={draft}
              pointCode={pointCode}
              locale={locale}
              user={me}
              online={online}
              onChangeMember={backToSearch}
              onQueued={(memberLabel, id) => {
                setNotice({ id, text: t('collection.queuedText', { member: memberLabel }) });
                backToSearch();
              }}
            />
          </>
        )}
      </Stack>
    </>
  );
}

/** The confirmation of a ticket kept on the device, shown while that ticket waits to be sent. */
function QueuedNotice({ text, onClose }: { text: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="yellow"
      variant="light"
      role="status"
      title={t('collection.queuedTitle')}
      withCloseButton
      closeButtonLabel={t('app.close')}
      onClose={onClose}
      maw={720}
    >
      {text}
    </Alert>
  );
}
