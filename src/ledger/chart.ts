import type { AccountKind } from './ledger.tables.js';

/**
 * The chart of accounts a cooperative starts with, coded after Peru's Plan Contable General Empresarial
 * (PCGE) so an accountant recognises it; a cooperative adds its own accounts beside these. `purpose` is
 * how services find an account (a weigh ticket credits `payable_members`), so codes may be renumbered.
 * Member accounts carry the member on every line: the sub-ledger from which each statement is drawn.
 */
export interface ChartAccount {
  code: string;
  nameEs: string;
  nameEn: string;
  kind: AccountKind;
  purpose: string;
  memberSubledger?: boolean;
}

export const COOPERATIVE_CHART: readonly ChartAccount[] = [
  { code: '101', nameEs: 'Caja', nameEn: 'Cash', kind: 'asset', purpose: 'cash' },
  {
    code: '104',
    nameEs: 'Cuentas corrientes en bancos',
    nameEn: 'Bank accounts',
    kind: 'asset',
    purpose: 'bank',
  },
  {
    code: '1212',
    nameEs: 'Cuentas por cobrar — compradores de café',
    nameEn: 'Receivable from coffee buyers',
    kind: 'asset',
    purpose: 'receivable_buyers',
  },
  {
    code: '1621',
    nameEs: 'Préstamos y anticipos a socios',
    nameEn: 'Loans and advances to members',
    kind: 'asset',
    purpose: 'receivable_members',
    memberSubledger: true,
  },
  {
    code: '201',
    nameEs: 'Existencias de café',
    nameEn: 'Coffee stock',
    kind: 'asset',
    purpose: 'coffee_stock',
  },
  {
    code: '4211',
    nameEs: 'Cuentas por pagar a socios (acopio)',
    nameEn: 'Payable to members (deliveries)',
    kind: 'liability',
    purpose: 'payable_members',
    memberSubledger: true,
  },
  {
    // Fairtrade Premium received on sales, held for the Premium Plan the General Assembly approves
    // (REFERENCE §2.2): a liability until spent, never revenue.
    code: '4698',
    nameEs: 'Fondo de la Prima Comercio Justo',
    nameEn: 'Fairtrade Premium fund',
    kind: 'liability',
    purpose: 'fairtrade_premium_fund',
  },
  {
    code: '4699',
    nameEs: 'Otras cuentas por pagar',
    nameEn: 'Other payables',
    kind: 'liability',
    purpose: 'other_payables',
  },
  {
    code: '501',
    nameEs: 'Capital social — aportaciones de socios',
    nameEn: 'Members’ share capital',
    kind: 'equity',
    purpose: 'share_capital',
    memberSubledger: true,
  },
  {
    code: '582',
    nameEs: 'Reserva cooperativa',
    nameEn: 'Cooperative reserve',
    kind: 'equity',
    purpose: 'reserve_fund',
  },
  {
    code: '583',
    nameEs: 'Fondo de educación',
    nameEn: 'Education fund',
    kind: 'equity',
    purpose: 'education_fund',
  },
  {
    code: '591',
    nameEs: 'Remanentes acumulados',
    nameEn: 'Retained surplus',
    kind: 'equity',
    purpose: 'retained_surplus',
  },
  { code: '701', nameEs: 'Ventas de café', nameEn: 'Coffee sales', kind: 'income', purpose: 'coffee_sales' },
  {
    code: '759',
    nameEs: 'Ingresos por servicios a socios',
    nameEn: 'Service income from members',
    kind: 'income',
    purpose: 'service_income',
  },
  {
    code: '601',
    nameEs: 'Compras de café a socios',
    nameEn: 'Coffee bought from members',
    kind: 'expense',
    purpose: 'coffee_purchases',
  },
  {
    code: '639',
    nameEs: 'Servicios prestados por terceros',
    nameEn: 'Third-party services',
    kind: 'expense',
    purpose: 'services',
  },
];
