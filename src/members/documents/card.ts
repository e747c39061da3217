import type { Locale } from '../../platform/i18n.js';
import { type PaperSize, renderPdf } from '../../platform/pdf.js';
import { memberCardCode } from '../card.js';
import { membersMessages } from '../messages.js';

/** What the card prints: the member as `MembersService.cardOf` returns them. */
export interface CardMember {
  memberNumber: string;
  givenNames: string;
  familyNames: string;
  nationalId: string | null;
  community: string | null;
}

/** The member's card: who they are and a QR code the assembly desk scans to check them in. */
export function memberCardPdf(
  card: { orgSlug: string; organization: string; member: CardMember },
  paper: PaperSize,
  locale: Locale,
): Promise<Buffer> {
  const t = (key: Parameters<typeof membersMessages.t>[1]) => membersMessages.t(locale, key);
  const { member } = card;
  const pairs: [string, string][] = [
    [t('card.member_number'), member.memberNumber],
    [t('card.name'), `${member.givenNames} ${member.familyNames}`],
  ];
  if (member.nationalId) pairs.push([t('card.national_id'), member.nationalId]);
  if (member.community) pairs.push([t('card.community'), member.community]);
  return renderPdf({
    title: card.organization,
    subtitle: [t('card.subtitle')],
    paper,
    sections: [{ pairs }, { qr: { data: memberCardCode(card.orgSlug, member.memberNumber), sizeMm: 40 } }],
    footer: t('card.footer'),
  });
}
