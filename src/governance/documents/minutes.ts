import { formatDate, formatDateTime } from '../../platform/dates.js';
import type { Locale, MessageParams } from '../../platform/i18n.js';
import type { PdfSection } from '../../platform/pdf.js';
import { governanceMessages } from '../messages.js';

/**
 * The minutes' first draft, written from the assembly's record in the organization's language, and
 * the minutes as sections of a printable document. The text is plain: a line starting with "# " is a
 * heading, a blank line separates paragraphs; the secretary edits it like a letter.
 */

export interface MinutesRecord {
  organization: string;
  timeZone: string;
  assembly: {
    kind: string;
    title: string;
    place: string;
    firstCallAt: string;
    secondCallAt: string;
    cutoffDate: string;
    agenda: string[];
    eligible: number;
    present: number;
    inPerson: number;
    represented: number;
    quorum: { call: 'first' | 'second'; required: number; met: boolean };
    /** The quorum recorded when the first decision was taken; the live one when none was. */
    quorumEstablished: { call: 'first' | 'second'; present: number; required: number; met: boolean } | null;
    motions: {
      id: string;
      title: string;
      method: string;
      yes: number;
      no: number;
      abstain: number;
      passed: boolean;
      agendaItem: number | null;
      amendsMotionId: string | null;
    }[];
  };
  secretVotes: {
    title: string;
    status: string;
    yes: number | null;
    no: number | null;
    abstain: number | null;
    passed: boolean | null;
  }[];
  elections: {
    organ: string;
    seats: number;
    termStartsOn: string;
    termEndsOn: string;
    method: string;
    status: string;
    voted: number;
    blank: number | null;
    candidates: { name: string; memberNumber: string; votes: number | null; outcome: string | null }[];
  }[];
}

type Key = Parameters<typeof governanceMessages.t>[1];

/** The language of a document: English when asked for, Spanish otherwise. */
export const documentLocale = (locale: string): Locale => (locale === 'en' ? 'en' : 'es');

/** An organ's name (`board` → Consejo de Administración); an unknown code prints as itself. */
export function organName(organ: string, locale: string): string {
  const key = `governance.organ.${organ}`;
  return governanceMessages.has(key) ? governanceMessages.t(documentLocale(locale), key) : organ;
}

function assemblyKindName(kind: string, locale: Locale): string {
  const key = `governance.assembly_kind.${kind}`;
  return governanceMessages.has(key) ? governanceMessages.t(locale, key) : kind;
}

export function draftMinutesText(record: MinutesRecord, locale: string): string {
  const lang = documentLocale(locale);
  const t = (key: Key, params?: MessageParams) => governanceMessages.t(lang, key, params);
  const a = record.assembly;
  const q = a.quorumEstablished ?? { ...a.quorum, present: a.present };
  const when = (iso: string) => formatDateTime(iso, record.timeZone, locale);
  const callAt = q.call === 'first' ? a.firstCallAt : a.secondCallAt;
  const lines: string[] = [];
  lines.push(
    t('minutes.draft.opening', {
      place: a.place,
      when: when(callAt),
      organization: record.organization,
      kind: assemblyKindName(a.kind, lang),
      title: a.title,
    }),
  );
  lines.push('');
  lines.push(`# ${t('minutes.draft.convocation_heading')}`);
  lines.push(
    t('minutes.draft.convocation', {
      firstCall: when(a.firstCallAt),
      secondCall: when(a.secondCallAt),
      cutoff: formatDate(a.cutoffDate, locale),
      eligible: a.eligible,
      present: q.present,
      call: t(`minutes.draft.call.${q.call}`),
      required: q.required,
      quorum: t(q.met ? 'minutes.draft.quorum_met' : 'minutes.draft.quorum_not_met'),
      attended: a.present,
      inPerson: a.inPerson,
      represented: a.represented,
    }),
  );
  lines.push('');
  lines.push(`# ${t('minutes.draft.agenda_heading')}`);
  lines.push(...(a.agenda.length ? a.agenda.map((item, i) => `${i + 1}. ${item}`) : ['-']));
  const resultWord = (passed: boolean | null) =>
    t(
      passed === null
        ? 'minutes.draft.result.pending'
        : passed
          ? 'minutes.draft.result.passed'
          : 'minutes.draft.result.rejected',
    );
  if (a.motions.length || record.secretVotes.length) {
    lines.push('');
    lines.push(`# ${t('minutes.draft.decisions_heading')}`);
    const titleOf = new Map(a.motions.map((m) => [m.id, m.title]));
    for (const m of a.motions) {
      const item = m.agendaItem ? t('minutes.draft.agenda_item', { item: m.agendaItem }) : '';
      const amended = m.amendsMotionId ? (titleOf.get(m.amendsMotionId) ?? '') : null;
      const amends = amended === null ? '' : t('minutes.draft.amends', { title: amended });
      lines.push(
        t('minutes.draft.motion', {
          item,
          amends,
          title: m.title,
          yes: m.yes,
          no: m.no,
          abstain: m.abstain,
          method: t(m.method === 'named' ? 'minutes.draft.method.named' : 'minutes.draft.method.hands'),
          result: resultWord(m.passed),
        }),
      );
    }
    for (const v of record.secretVotes)
      lines.push(
        t('minutes.draft.secret_vote', {
          title: v.title,
          yes: v.yes ?? '-',
          no: v.no ?? '-',
          abstain: v.abstain ?? '-',
          result: resultWord(v.passed),
        }),
      );
  }
  for (const e of record.elections) {
    lines.push('');
    lines.push(`# ${t('minutes.election', { organ: organName(e.organ, lang) })}`);
    const names = (outcome: string) =>
      e.candidates
        .filter((c) => c.outcome === outcome)
        .map((c) => c.name)
        .join(', ');
    lines.push(
      t('minutes.draft.election', {
        seats: e.seats,
        from: formatDate(e.termStartsOn, locale),
        to: formatDate(e.termEndsOn, locale),
        method: t(
          e.method === 'secret'
            ? 'minutes.draft.election_method.secret'
            : 'minutes.draft.election_method.counted',
        ),
        voted: e.voted,
        blank: e.blank ?? 0,
      }),
    );
    for (const c of e.candidates) lines.push(`- ${c.name} (N.º ${c.memberNumber}): ${c.votes ?? '-'}`);
    if (e.status === 'tallied') {
      const alternates = names('alternate');
      const tied = names('tied');
      lines.push(
        t('minutes.draft.elected', { names: names('elected') || '-' }) +
          (alternates ? t('minutes.draft.alternates', { names: alternates }) : '') +
          (tied ? t('minutes.draft.tied', { names: tied }) : ''),
      );
    }
  }
  lines.push('');
  lines.push(t('minutes.draft.closing'));
  return lines.join('\n');
}

/** The minutes' text as document sections: "# " lines start a section, the rest is its text. */
export function minutesSections(body: string): PdfSection[] {
  const sections: PdfSection[] = [];
  let current: PdfSection = {};
  let text: string[] = [];
  const flush = () => {
    const joined = text.join('\n').trim();
    if (current.heading || joined) sections.push({ ...current, text: joined || ' ' });
    text = [];
  };
  for (const line of body.split(/\r?\n/)) {
    if (line.startsWith('# ')) {
      flush();
      current = { heading: line.slice(2).trim() };
    } else text.push(line);
  }
  flush();
  return sections;
}
