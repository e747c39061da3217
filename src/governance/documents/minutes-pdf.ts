import { formatDateTime } from '../../platform/dates.js';
import type { Locale } from '../../platform/i18n.js';
import { type PdfSection, renderPdf } from '../../platform/pdf.js';
import { governanceMessages } from '../messages.js';
import { type MinutesRecord, minutesSections, organName } from './minutes.js';

type Key = Parameters<typeof governanceMessages.t>[1];
const SIGNER_ROLES = ['president', 'secretary', 'designated'] as const;

/** What the minutes' PDF prints: `MinutesService.minutesView`. */
export interface MinutesDocument {
  record: MinutesRecord;
  status: string;
  body: string;
  bookNumber: number | null;
  required: Record<(typeof SIGNER_ROLES)[number], number>;
  signatures: { role: string; name: string; method: string; signedAt: string }[];
}

/**
 * The minutes as a PDF: the secretary's text, the signatures (a blank line for each one still
 * missing), and an annex with the assembly's record as Ayni kept it.
 */
export function minutesPdf(m: MinutesDocument, locale: Locale): Promise<Buffer> {
  const t = (key: Key, params?: Record<string, string | number>) => governanceMessages.t(locale, key, params);
  const r = m.record;
  const a = r.assembly;
  const result = (passed: boolean | null) =>
    t(passed === null ? 'minutes.pending' : passed ? 'minutes.passed' : 'minutes.rejected');
  const outcome = (code: string | null) => {
    const key = `governance.candidate_outcome.${code}`;
    return code === null ? '-' : governanceMessages.has(key) ? t(key) : code;
  };
  const signatureLines: string[] = [];
  for (const role of SIGNER_ROLES) {
    const done = m.signatures.filter((s) => s.role === role);
    for (const s of done)
      signatureLines.push(
        `${t(`minutes.role.${role}`)}: ${s.name} — ${formatDateTime(s.signedAt, r.timeZone, locale)} (${t(s.method === 'in_app' ? 'minutes.signed.in_app' : 'minutes.signed.on_paper')})`,
      );
    for (let i = done.length; i < m.required[role]; i++)
      signatureLines.push(`${t(`minutes.role.${role}`)}: ______________________________`);
  }
  const sections: PdfSection[] = [
    ...minutesSections(m.body),
    { heading: t('minutes.signatures'), text: signatureLines.join('\n\n') || '-' },
    {
      heading: `${t('minutes.annex')} — ${t('minutes.attendance')}`,
      pairs: [
        [t('minutes.on_roll'), String(a.eligible)],
        [t('minutes.present'), `${a.present} (${a.inPerson} + ${a.represented})`],
        [t('minutes.quorum_required'), String(a.quorum.required)],
        [t('minutes.quorum_met'), t(a.quorum.met ? 'minutes.yes' : 'minutes.no')],
      ],
    },
  ];
  const voteHeaders = (first: Key) => [
    t(first),
    t('minutes.column.yes'),
    t('minutes.column.no'),
    t('minutes.column.abstain'),
    t('minutes.column.result'),
  ];
  if (a.motions.length)
    sections.push({
      heading: t('minutes.motions'),
      table: {
        headers: voteHeaders('minutes.column.motion'),
        rows: a.motions.map((x) => [x.title, x.yes, x.no, x.abstain, result(x.passed)]),
        numeric: [1, 2, 3],
      },
    });
  if (r.secretVotes.length)
    sections.push({
      heading: t('minutes.secret'),
      table: {
        headers: voteHeaders('minutes.column.vote'),
        rows: r.secretVotes.map((v) => [v.title, v.yes, v.no, v.abstain, result(v.passed)]),
        numeric: [1, 2, 3],
      },
    });
  for (const e of r.elections)
    sections.push({
      heading: t('minutes.election', { organ: organName(e.organ, locale) }),
      table: {
        headers: [
          t('minutes.column.candidate'),
          t('minutes.column.number'),
          t('minutes.column.votes'),
          t('minutes.column.outcome'),
        ],
        rows: e.candidates.map((c) => [c.name, c.memberNumber, c.votes, outcome(c.outcome)]),
        numeric: [2],
      },
    });
  const number = m.bookNumber ? ` N.º ${m.bookNumber}` : '';
  return renderPdf({
    title: `${t('minutes.title')}${number}: ${a.title}`,
    subtitle: [r.organization, ...(m.status === 'none' || m.status === 'draft' ? [t('minutes.draft')] : [])],
    sections,
    footer: t('minutes.footer'),
  });
}
