import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { useMe } from '../api/queries.js';
import { MessagePage } from '../app/feedback.js';
import type { CollectionView } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { canManageCollection, canReadTickets, canUseDesk, collectionKeys } from './api.js';
import { DeskPage } from './DeskPage.js';
import { useAutoSend } from './queue.js';
import { ReceiptPage } from './ReceiptPage.js';
import { SetupPage } from './SetupPage.js';
import { TicketsPage } from './TicketsPage.js';

/** `/o/:slug/collection/…`: the desk, the tickets and a ticket's receipt, each only for those who may see it. */
export function CollectionRoute({ org, view }: { org: Org; view: CollectionView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useMe().data ?? null;
  // Tickets kept on this device leave by themselves on every collection page, not only at the desk.
  useAutoSend(org.slug, org.kind === 'cooperative' && canUseDesk(org) ? (me?.id ?? null) : null, () => {
    void client.invalidateQueries({ queryKey: collectionKeys.tickets(org.slug) });
    void client.invalidateQueries({ queryKey: collectionKeys.points(org.slug) });
  });
  if (org.kind !== 'cooperative') return <Unavailable text={t('collection.notACooperative')} />;
  if (!canReadTickets(org)) return <Unavailable text={t('collection.noAccess')} />;
  const desk = canUseDesk(org);
  const manage = canManageCollection(org);
  switch (view.view) {
    case 'desk':
      return desk ? (
        <DeskPage org={org} />
      ) : (
        <TicketsPage org={org} canVoid={manage} note={t('collection.deskOnly')} />
      );
    case 'tickets':
      return <TicketsPage org={org} canVoid={manage} />;
    case 'ticket':
      return <ReceiptPage org={org} ticketId={view.ticketId} />;
    case 'setup':
      return manage ? <SetupPage org={org} /> : <Unavailable text={t('setup.managersOnly')} />;
  }
}

function Unavailable({ text }: { text: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('collection.title'));
  return <MessagePage title={t('collection.title')} text={text} />;
}
