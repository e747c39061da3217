import type { Locale } from '../../platform/i18n.js';
import { renderPdf } from '../../platform/pdf.js';
import { ledgerMessages, type StatementAccount } from '../messages.js';

/** What the statement prints: the figures of `LedgerService.memberStatement`. */
export interface StatementDocument {
  currency: string;
  account: string;
  balance: string;
  lines: { date: string; description: string; amount: string; balance: string }[];
}

/** The statement (*estado de cuenta*) as a PDF a member can take home. */
export function statementPdf(
  statement: StatementDocument,
  who: { org: string; member: string },
  locale: Locale,
): Promise<Buffer> {
  const t = (key: Parameters<typeof ledgerMessages.t>[1]) => ledgerMessages.t(locale, key);
  const accountKey = `statement.account.${statement.account as StatementAccount}` as const;
  const account = ledgerMessages.has(accountKey) ? t(accountKey) : statement.account;
  return renderPdf({
    title: `${t('statement.title')} — ${who.member}`,
    subtitle: [who.org, `${account} (${statement.currency})`],
    sections: [
      {
        table: {
          headers: [
            t('statement.date'),
            t('statement.description'),
            t('statement.amount'),
            t('statement.balance'),
          ],
          rows: statement.lines.map((l) => [l.date, l.description, l.amount, l.balance]),
          numeric: [2, 3],
        },
        total: [t('statement.closing'), `${statement.currency} ${statement.balance}`],
      },
    ],
    footer: t('statement.footer'),
  });
}
