import { defineMessages } from '../platform/i18n.js';

/** Messages of the ledger and the member's statement, Spanish first. */
export const ledgerMessages = defineMessages({
  es: {
    'ledger.too_few_lines': 'Un asiento necesita al menos dos líneas.',
    'ledger.unbalanced': 'El asiento no cuadra: los cargos y abonos difieren en {difference}.',
    'ledger.zero_line': 'Una línea del asiento tiene monto cero o no válido.',
    'ledger.unknown_account': 'La cuenta {account} no existe en el plan de cuentas.',
    'ledger.entry_not_found': 'No se encontró el asiento.',
    'ledger.already_reversed': 'Ese asiento ya fue revertido.',
    'statement.title': 'Estado de cuenta',
    'statement.account.payable_members': 'Cuenta por cobrar del socio (acopio)',
    'statement.account.receivable_members': 'Deudas del socio con la cooperativa',
    'statement.account.share_capital': 'Aportaciones de capital',
    'statement.date': 'Fecha',
    'statement.description': 'Concepto',
    'statement.amount': 'Importe',
    'statement.balance': 'Saldo',
    'statement.closing': 'Saldo final',
    'statement.footer':
      'Cada cifra sale de los asientos del libro de la cooperativa; pida el detalle de cualquier línea.',
  },
  en: {
    'ledger.too_few_lines': 'An entry needs at least two lines.',
    'ledger.unbalanced': 'The entry does not balance: debits and credits differ by {difference}.',
    'ledger.zero_line': 'A line of the entry has a zero or invalid amount.',
    'ledger.unknown_account': 'The account {account} is not in the chart of accounts.',
    'ledger.entry_not_found': 'The entry was not found.',
    'ledger.already_reversed': 'That entry has already been reversed.',
    'statement.title': 'Statement of account',
    'statement.account.payable_members': 'Owed to the member (deliveries)',
    'statement.account.receivable_members': 'Owed by the member to the cooperative',
    'statement.account.share_capital': 'Share capital',
    'statement.date': 'Date',
    'statement.description': 'Description',
    'statement.amount': 'Amount',
    'statement.balance': 'Balance',
    'statement.closing': 'Closing balance',
    'statement.footer':
      'Every figure comes from the cooperative’s ledger entries; ask for the detail of any line.',
  },
});

/** The member accounts a statement can show (the `account` of `GET …/statement`). */
export const STATEMENT_ACCOUNTS = ['payable_members', 'receivable_members', 'share_capital'] as const;
export type StatementAccount = (typeof STATEMENT_ACCOUNTS)[number];
