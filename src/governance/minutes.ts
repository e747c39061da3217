import { formatDate, formatDateTime } from '../platform/dates.js';
import type { PdfSection } from '../platform/pdf.js';

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

const ORGANS: Record<string, { es: string; en: string }> = {
  board: { es: 'Consejo de Administración', en: 'Board of Directors' },
  oversight: { es: 'Consejo de Vigilancia', en: 'Oversight Council' },
  electoral: { es: 'Comité Electoral', en: 'Electoral Committee' },
  education: { es: 'Comité de Educación', en: 'Education Committee' },
  fiscal_auditor: { es: 'Revisor Fiscal', en: 'Statutory Auditor' },
  delegates: { es: 'Delegados', en: 'Delegates' },
};
export const organName = (organ: string, locale: string) =>
  ORGANS[organ]?.[locale === 'en' ? 'en' : 'es'] ?? organ;

const KINDS: Record<string, { es: string; en: string }> = {
  ordinary: { es: 'Asamblea General Ordinaria', en: 'Ordinary General Assembly' },
  extraordinary: { es: 'Asamblea General Extraordinaria', en: 'Extraordinary General Assembly' },
  delegates: { es: 'Asamblea General de Delegados', en: 'General Assembly of Delegates' },
};

export function draftMinutesText(record: MinutesRecord, locale: string): string {
  const en = locale === 'en';
  const a = record.assembly;
  const q = a.quorumEstablished ?? { ...a.quorum, present: a.present };
  const when = (iso: string) => formatDateTime(iso, record.timeZone, locale);
  const kind = KINDS[a.kind]?.[en ? 'en' : 'es'] ?? a.kind;
  const callAt = q.call === 'first' ? a.firstCallAt : a.secondCallAt;
  const lines: string[] = [];
  lines.push(
    en
      ? `In ${a.place}, on ${when(callAt)}, the members of ${record.organization} met in ${kind}: ${a.title}.`
      : `En ${a.place}, el ${when(callAt)}, se reunieron los socios de ${record.organization} en ${kind}: ${a.title}.`,
  );
  lines.push('');
  lines.push(en ? '# Convocation and quorum' : '# Convocatoria y quórum');
  lines.push(
    en
      ? `The assembly was convened for ${when(a.firstCallAt)} (first call) and ${when(a.secondCallAt)} (second call). The roll of members in good standing as of ${formatDate(a.cutoffDate, locale)} lists ${a.eligible}. When the first decision was taken ${q.present} were present; the ${q.call} call requires ${q.required}. ${q.met ? 'Quorum was established.' : 'There was no quorum.'} The attendance register closed with ${a.present} (${a.inPerson} in person, ${a.represented} by proxy).`
      : `La asamblea fue convocada para el ${when(a.firstCallAt)} (primera convocatoria) y el ${when(a.secondCallAt)} (segunda convocatoria). El padrón de socios hábiles al ${formatDate(a.cutoffDate, locale)} registra ${a.eligible}. Al tomarse el primer acuerdo había ${q.present} presentes; la ${q.call === 'first' ? 'primera' : 'segunda'} convocatoria requiere ${q.required}. ${q.met ? 'Se verificó el quórum.' : 'No hubo quórum.'} El registro de asistencia cerró con ${a.present} (${a.inPerson} en persona, ${a.represented} representados por poder).`,
  );
  lines.push('');
  lines.push(en ? '# Agenda' : '# Agenda');
  lines.push(...(a.agenda.length ? a.agenda.map((item, i) => `${i + 1}. ${item}`) : ['-']));
  const resultWord = (passed: boolean | null) =>
    passed === null
      ? en
        ? 'pending'
        : 'pendiente'
      : passed
        ? en
          ? 'APPROVED'
          : 'APROBADA'
        : en
          ? 'REJECTED'
          : 'RECHAZADA';
  if (a.motions.length || record.secretVotes.length) {
    lines.push('');
    lines.push(en ? '# Decisions' : '# Acuerdos');
    const titleOf = new Map(a.motions.map((m) => [m.id, m.title]));
    for (const m of a.motions) {
      const item = m.agendaItem ? `[${en ? 'Item' : 'Punto'} ${m.agendaItem}] ` : '';
      const amended = m.amendsMotionId ? (titleOf.get(m.amendsMotionId) ?? '') : null;
      const amends = amended === null ? '' : en ? `Amendment to “${amended}”: ` : `Enmienda a «${amended}»: `;
      lines.push(
        en
          ? `- ${item}${amends}${m.title}: ${m.yes} yes, ${m.no} no, ${m.abstain} abstentions (${m.method === 'named' ? 'named vote' : 'show of hands'}). ${resultWord(m.passed)}.`
          : `- ${item}${amends}${m.title}: ${m.yes} a favor, ${m.no} en contra, ${m.abstain} abstenciones (${m.method === 'named' ? 'votación nominal' : 'a mano alzada'}). ${resultWord(m.passed)}.`,
      );
    }
    for (const v of record.secretVotes)
      lines.push(
        en
          ? `- ${v.title} (secret ballot): ${v.yes ?? '-'} yes, ${v.no ?? '-'} no, ${v.abstain ?? '-'} abstentions. ${resultWord(v.passed)}.`
          : `- ${v.title} (voto secreto): ${v.yes ?? '-'} a favor, ${v.no ?? '-'} en contra, ${v.abstain ?? '-'} abstenciones. ${resultWord(v.passed)}.`,
      );
  }
  for (const e of record.elections) {
    lines.push('');
    lines.push(`# ${en ? 'Election' : 'Elección'}: ${organName(e.organ, locale)}`);
    const elected = e.candidates.filter((c) => c.outcome === 'elected');
    const alternates = e.candidates.filter((c) => c.outcome === 'alternate');
    const tied = e.candidates.filter((c) => c.outcome === 'tied');
    lines.push(
      en
        ? `${e.seats} seat(s) for the term from ${formatDate(e.termStartsOn, locale)} to ${formatDate(e.termEndsOn, locale)}, by ${e.method === 'secret' ? 'secret ballot' : 'ballots counted by the tellers'}. Voters: ${e.voted}; blank ballots: ${e.blank ?? 0}.`
        : `${e.seats} cargo(s) para el periodo del ${formatDate(e.termStartsOn, locale)} al ${formatDate(e.termEndsOn, locale)}, por ${e.method === 'secret' ? 'voto secreto' : 'votos contados por los escrutadores'}. Votantes: ${e.voted}; votos en blanco: ${e.blank ?? 0}.`,
    );
    for (const c of e.candidates) lines.push(`- ${c.name} (N.º ${c.memberNumber}): ${c.votes ?? '-'}`);
    if (e.status === 'tallied') {
      lines.push(
        `${en ? 'Elected' : 'Elegidos'}: ${elected.map((c) => c.name).join(', ') || '-'}.` +
          (alternates.length
            ? ` ${en ? 'Alternates' : 'Suplentes'}: ${alternates.map((c) => c.name).join(', ')}.`
            : '') +
          (tied.length
            ? ` ${en ? 'Tied, to a runoff' : 'Empatados, a segunda vuelta'}: ${tied.map((c) => c.name).join(', ')}.`
            : ''),
      );
    }
  }
  lines.push('');
  lines.push(
    en
      ? 'There being no further business, the session was closed, and these minutes were signed by those named in the statute.'
      : 'No habiendo otro asunto que tratar, se levantó la sesión, firmando la presente acta quienes el estatuto designa.',
  );
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
