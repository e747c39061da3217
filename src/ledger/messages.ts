import { registerMessages } from '../platform/i18n.js';

registerMessages('es', {
  'ledger.too_few_lines': 'Un asiento necesita al menos dos líneas.',
  'ledger.unbalanced': 'El asiento no cuadra: los cargos y abonos difieren en {difference}.',
  'ledger.zero_line': 'Una línea del asiento tiene monto cero o no válido.',
  'ledger.unknown_account': 'La cuenta {account} no existe en el plan de cuentas.',
  'ledger.entry_not_found': 'No se encontró el asiento.',
  'ledger.already_reversed': 'Ese asiento ya fue revertido.',
});
registerMessages('en', {
  'ledger.too_few_lines': 'An entry needs at least two lines.',
  'ledger.unbalanced': 'The entry does not balance: debits and credits differ by {difference}.',
  'ledger.zero_line': 'A line of the entry has a zero or invalid amount.',
  'ledger.unknown_account': 'The account {account} is not in the chart of accounts.',
  'ledger.entry_not_found': 'The entry was not found.',
  'ledger.already_reversed': 'That entry has already been reversed.',
});
