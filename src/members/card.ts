/**
 * What the QR code on a member's card says: the organization and the member number, nothing personal.
 * A desk scanner types it like a keyboard, so the assembly's check-in field takes it as it takes a number.
 */
export const memberCardCode = (slug: string, memberNumber: string) => `AYNI:M:${slug}:${memberNumber}`;

/** The member number in a scanned card code, or the text as typed; `wrongOrg` when the card is another cooperative's. */
export function readMemberCode(text: string, slug: string): { memberNumber: string; wrongOrg: boolean } {
  const match = /^AYNI:M:([a-z0-9-]+):(.+)$/i.exec(text.trim());
  if (!match) return { memberNumber: text.trim(), wrongOrg: false };
  return { memberNumber: match[2]!, wrongOrg: match[1]!.toLowerCase() !== slug.toLowerCase() };
}
