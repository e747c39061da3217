import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../../orgs/orgs.contract.js';
import { isApiProblem } from '../../api/client.js';
import { collectionPath, navigate } from '../../app/router.js';
import { newId } from '../../shared/ids.js';
import { setFlash } from '../../shared/ui.js';
import { nowWithOffset, type TicketInput, ticketNumber, useCreateTicket } from '../api.js';
import { enqueue, markDeskInFlight, removeFromQueue } from '../queue.js';
import type { Draft } from './form.js';

/**
 * Saving a delivery the way a desk with a poor connection needs: the ticket is kept on this device
 * before anything is sent, then sent; a lost answer leaves it queued to send later under the same id,
 * a refusal drops it so the next try is a new ticket.
 */
export function useSaveTicket(
  org: Org,
  draft: Draft,
  {
    user,
    onQueued,
    onFailed,
  }: {
    user: { id: string; displayName: string } | null;
    /** Kept on the device to send later (offline, or the answer was lost). */
    onQueued: (memberLabel: string, id: string) => void;
    /** Refused, or not kept: the form shows why. */
    onFailed: () => void;
  },
) {
  const { t } = useTranslation();
  const create = useCreateTicket(org.slug);
  const [storageFailed, setStorageFailed] = useState(false);
  // The same client id (and moment) until the ticket is saved: a retry after a network failure is
  // recognised by the server and never recorded twice.
  const pending = useRef<{ id: string; deliveredAt: string } | null>(null);
  const { member } = draft;
  const memberLabel = member.name ? `${member.memberNumber} · ${member.name}` : member.memberNumber;

  /** The ticket's client id and moment: new for a new ticket, the same for a retry. */
  const identity = () => {
    pending.current ??= { id: newId(), deliveredAt: draft.deliveredAt ?? nowWithOffset() };
    return pending.current;
  };

  const save = (input: TicketInput, netKg: string | null) => {
    // Kept on this device before anything is sent: a lost answer or a closed tab loses nothing.
    const id = input.id;
    markDeskInFlight(id, true);
    const kept = enqueue(org.slug, {
      input,
      memberName: member.name,
      netKg: netKg ?? input.grossKg,
      savedAt: new Date().toISOString(),
      savedBy: user?.id ?? '',
      savedByName: user?.displayName ?? '',
      refused: null,
    });
    const queued = () => {
      markDeskInFlight(id, false);
      pending.current = null;
      if (draft.fixingId) removeFromQueue(org.slug, [draft.fixingId]);
      onQueued(memberLabel, id);
    };
    if (!navigator.onLine) {
      if (kept) queued();
      else {
        markDeskInFlight(id, false);
        setStorageFailed(true);
      }
      return;
    }
    create.mutate(input, {
      onSuccess: (ticket) => {
        markDeskInFlight(id, false);
        removeFromQueue(org.slug, draft.fixingId ? [id, draft.fixingId] : [id]);
        pending.current = null;
        setFlash(t('collection.saved', { code: ticket.pointCode, number: ticketNumber(ticket.number) }));
        navigate(collectionPath(org.slug, { view: 'ticket', ticketId: ticket.id }));
      },
      onError: (error) => {
        if (isApiProblem(error) && error.isNetworkError && kept) {
          queued();
          return;
        }
        markDeskInFlight(id, false);
        // A refusal (not a lost answer) means nothing was recorded: the next try is a new ticket.
        if (!(isApiProblem(error) && error.isNetworkError)) {
          removeFromQueue(org.slug, [id]);
          pending.current = null;
        } else setStorageFailed(true);
        onFailed();
      },
    });
  };

  return { create, storageFailed, setStorageFailed, identity, save };
}
