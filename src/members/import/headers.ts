/**
 * Header recognition: which canonical field a column holds, from the header text cooperatives write
 * ('N° socio', 'Apellido paterno', 'Área (ha)', 'Producción estimada (qq)'), in Spanish or English,
 * ignoring case, accents, spacing, punctuation and filler words ('de', 'del', 'socio').
 */
import type { MassUnit } from '../../platform/units.js';
import { FIELD_LABELS } from '../../shared/import-fields.js';
import {
  type CanonicalField,
  type ImportKind,
  MEMBER_FIELDS,
  type MemberField,
  PLOT_FIELDS,
  type PlotField,
  REQUIRED_FIELDS,
} from './types.js';
import { fold, massUnitFromWord } from './values.js';

export { FIELD_LABELS } from '../../shared/import-fields.js';

const MEMBER_NUMBER = [
  'N° socio',
  'Número de socio',
  'Nro socio',
  'Cód. socio',
  'Código',
  'Código de socio',
  'Código socio',
  'Código del productor',
  'N° productor',
  'Código de asociado',
  'N° asociado',
  'N° padrón',
  'N° carnet',
  'ID socio',
  'Member no',
  'Member ID',
  'Member code',
];

const SYNONYMS: { members: Record<MemberField, string[]>; plots: Record<PlotField, string[]> } = {
  members: {
    memberNumber: MEMBER_NUMBER,
    givenNames: [
      'Nombres',
      'Nombre',
      'Primer nombre',
      'Segundo nombre',
      'First name',
      'First names',
      'Given name',
    ],
    familyNames: [
      'Apellidos',
      'Apellido',
      'Apellido paterno',
      'Apellido materno',
      'Ap. paterno',
      'Ap. materno',
      'Primer apellido',
      'Segundo apellido',
      'Last name',
      'Surname',
      'Surnames',
      'Family name',
    ],
    fullName: [
      'Apellidos y nombres',
      'Nombres y apellidos',
      'Nombre completo',
      'Nombre del socio',
      'Nombre del productor',
      'Socio',
      'Productor',
      'Name',
    ],
    nationalId: [
      'DNI',
      'N° DNI',
      'Documento',
      'Documento de identidad',
      'Doc. identidad',
      'N° documento',
      'Cédula',
      'N° cédula',
      'Cédula de ciudadanía',
      'CC',
      'C.C.',
      'Identificación',
      'N° identificación',
      'ID number',
    ],
    sex: ['Sexo', 'Género', 'Gender'],
    birthDate: [
      'Fecha de nacimiento',
      'Fecha nac.',
      'Fec. nac.',
      'F. nacimiento',
      'F. nac.',
      'Nacimiento',
      'Date of birth',
      'Birthdate',
      'DOB',
    ],
    joinDate: [
      'Fecha de ingreso',
      'Fec. ingreso',
      'F. ingreso',
      'Ingreso',
      'Fecha de afiliación',
      'Fecha de inscripción',
      'Fecha de admisión',
      'Date joined',
      'Membership date',
    ],
    phone: [
      'Celular',
      'Teléfono',
      'Tel.',
      'Cel.',
      'Móvil',
      'Teléfono celular',
      'N° celular',
      'N° de teléfono',
      'Mobile',
      'Phone number',
    ],
    region: ['Región', 'Departamento', 'Dpto.', 'Depto.'],
    province: ['Provincia', 'Province'],
    district: ['Distrito', 'Municipio', 'District', 'Municipality'],
    community: [
      'Caserío',
      'Comunidad',
      'Sector',
      'Centro poblado',
      'Anexo',
      'Vereda',
      'Localidad',
      'Village',
    ],
    householdSize: [
      'N° miembros del hogar',
      'Miembros de la familia',
      'N° de miembros de la familia',
      'Integrantes de la familia',
      'N° integrantes',
      'Tamaño del hogar',
      'Carga familiar',
    ],
    status: ['Estado', 'Estado del socio', 'Condición', 'Situación'],
    entryFee: ['Cuota de ingreso', 'Cuota de inscripción', 'Derecho de ingreso'],
    shareCapitalSubscribed: [
      'Capital suscrito',
      'Aporte suscrito',
      'Aportes suscritos',
      'Capital social suscrito',
      'Share capital',
      'Subscribed capital',
    ],
    shareCapitalPaid: [
      'Capital pagado',
      'Aporte pagado',
      'Aportes pagados',
      'Capital social pagado',
      'Paid capital',
    ],
    paymentMethod: ['Forma de pago', 'Medio de pago', 'Modalidad de pago'],
    bankName: ['Banco', 'Entidad financiera', 'Bank name'],
    bankAccount: [
      'Cuenta',
      'N° de cuenta',
      'Cuenta bancaria',
      'N° cuenta bancaria',
      'Cuenta de ahorros',
      'CCI',
      'Account number',
    ],
    walletPhone: [
      'Billetera',
      'Billetera móvil',
      'Billetera digital',
      'Yape',
      'Plin',
      'Yape / Plin',
      'Celular Yape',
      'N° Yape',
      'Nequi',
      'Daviplata',
      'Wallet',
    ],
  },
  plots: {
    memberNumber: MEMBER_NUMBER,
    plotName: [
      'Parcela',
      'Nombre de la parcela',
      'Código de parcela',
      'Predio',
      'Nombre del predio',
      'Finca',
      'Nombre de la finca',
      'Lote',
      'Plot name',
      'Farm',
    ],
    declaredAreaHa: [
      'Área',
      'Área (ha)',
      'Área total',
      'Área total (ha)',
      'Área declarada',
      'Área de la parcela',
      'Hectáreas',
      'Has',
      'Ha',
      'Superficie',
      'Superficie (ha)',
      'Extensión',
      'Extensión (ha)',
      'Area (hectares)',
      'Declared area',
    ],
    latitude: ['Latitud', 'Lat.'],
    longitude: ['Longitud', 'Long.', 'Lon.', 'Lng'],
    altitudeM: [
      'Altitud',
      'Altitud (m)',
      'Altura',
      'Altura (msnm)',
      'msnm',
      'm.s.n.m.',
      'Elevation',
      'Altitude',
    ],
    coffeeAreaHa: [
      'Área de café',
      'Área café',
      'Área de café (ha)',
      'Área cultivada de café',
      'Área con café',
      'Hectáreas de café',
      'Ha café',
      'Coffee area',
    ],
    varieties: ['Variedades', 'Variedad', 'Variedades de café', 'Varieties', 'Variety'],
    treeCount: ['N° plantas', 'N° de plantas', 'Plantas', 'Cantidad de plantas', 'N° árboles', 'Trees'],
    plantingYear: ['Año de siembra', 'Año siembra', 'Año de plantación', 'Year planted'],
    shade: ['Sombra', 'Tipo de sombra', 'Sistema', 'Sistema de cultivo', 'Shade'],
    tenure: [
      'Tenencia',
      'Tenencia de la tierra',
      'Régimen de tenencia',
      'Propiedad',
      'Land tenure',
      'Tenure',
    ],
    yearlyEstimateGrams: ['Estimado', 'Producción estimada', 'Estimado de cosecha', 'Yearly estimate'],
  },
};

/** Filler words dropped before comparing; 'N°', 'Nº', 'Nro.', 'Núm.', '#' all become 'numero'. */
const FILLER = new Set(['de', 'del', 'la', 'el', 'los', 'las', 'en', 'y', 'of', 'the']);
const NUMBER_WORDS = new Set(['n', 'no', 'nro', 'num', 'numero', 'number', 'nr']);
const PARTY_WORDS = new Set(['socio', 'socia', 'productor', 'productora', 'asociado', 'member']);

/** The comparison key of a header: 'N° de Socio ' → 'numero socio'; 'Área (ha)' → 'area ha'. */
export function headerKey(text: string): string {
  return fold(text.replace(/#/g, ' numero ').replace(/[°º˚ª]/g, ' '))
    .split(' ')
    .map((w) => (NUMBER_WORDS.has(w) ? 'numero' : w))
    .filter((w) => w !== '' && !FILLER.has(w))
    .join(' ');
}

function buildIndex(kind: ImportKind): Map<string, CanonicalField> {
  const index = new Map<string, CanonicalField>();
  const synonyms: Record<string, string[]> = SYNONYMS[kind];
  const fields: readonly CanonicalField[] = kind === 'members' ? MEMBER_FIELDS : PLOT_FIELDS;
  for (const field of fields) {
    for (const text of [FIELD_LABELS.es[field], FIELD_LABELS.en[field], field, ...(synonyms[field] ?? [])]) {
      const key = headerKey(text);
      // the first field to claim a key keeps it: the lists above are ordered by confidence
      if (key !== '' && !index.has(key)) index.set(key, field);
    }
  }
  return index;
}

const INDEX: Record<ImportKind, Map<string, CanonicalField>> = {
  members: buildIndex('members'),
  plots: buildIndex('plots'),
};

const ESTIMATE_WORDS = new Set([
  'estimado',
  'estimada',
  'prod',
  'estimacion',
  'produccion',
  'cosecha',
  'proyeccion',
  'estimate',
  'estimated',
  'production',
]);
/** Words that make an estimate-like header something else: a yield per hectare, a harvest date. */
const NOT_ESTIMATE_WORDS = new Set(['ha', 'hectarea', 'fecha', 'area', 'date', 'precio', 'price']);

/** Whether a header reads as a yearly production estimate ('Producción estimada (qq)', 'Cosecha estimada'). */
export function isEstimateHeader(text: string): boolean {
  const words = headerKey(text).split(' ');
  return words.some((w) => ESTIMATE_WORDS.has(w)) && !words.some((w) => NOT_ESTIMATE_WORDS.has(w));
}

/**
 * The mass unit a header names: 'Producción estimada (qq)' → 'qq-pe', 'Kilos 2024' → 'kg', 'Cosecha
 * estimada' → null (the caller then supplies the organization's unit or asks).
 */
export function headerMassUnit(text: string, country?: string): MassUnit | null {
  for (const word of headerKey(text).split(' ')) {
    const unit = massUnitFromWord(word, country);
    if (unit) return unit;
  }
  return null;
}

/**
 * The field a header names for one kind of import, or null. Without a kind, either kind's fields
 * (used to find the header row before the caller has said what the file holds).
 */
export function recognizeHeader(text: string, kind?: ImportKind): CanonicalField | null {
  if (!kind) return recognizeHeader(text, 'members') ?? recognizeHeader(text, 'plots');
  const key = headerKey(text);
  if (key === '') return null;
  const index = INDEX[kind];
  const direct = index.get(key);
  if (direct) return direct;
  // 'Fecha de nacimiento del socio', 'DNI del productor': drop the word for the member and retry
  const bare = key
    .split(' ')
    .filter((w) => !PARTY_WORDS.has(w))
    .join(' ');
  const retry = bare !== key && bare !== '' && bare !== 'numero' ? index.get(bare) : undefined;
  if (retry) return retry;
  if (kind === 'plots' && isEstimateHeader(text)) return 'yearlyEstimateGrams';
  return null;
}

/** Fields whose columns are joined with a space when several map to them ('Apellido paterno' + 'materno'). */
const JOINED_FIELDS: ReadonlySet<CanonicalField> = new Set(['givenNames', 'familyNames']);

export interface HeaderMapping {
  /** One entry per column: the field it feeds, or null (ignored). */
  mapping: (CanonicalField | null)[];
  /** Columns with no field, neither recognised nor set by an override. */
  unmapped: { index: number; header: string }[];
  missingRequired: CanonicalField[];
  /** Plots: the unit the yearly-estimate header names ('qq' → 'qq-pe'), null if it names none. */
  massUnit: MassUnit | null;
}

/**
 * Maps a header row to canonical fields. `overrides` (column index → field, or null to ignore) win over
 * recognition; a field set by an override is not also given to another column. A field recognised twice
 * goes to the first column only, except given and family names, which are joined in column order.
 * `country` only tells which arroba an estimate header means.
 * @example mapHeaders(['N° socio', 'Apellido paterno', 'Apellido materno', 'Nombres'], 'members').mapping
 *   // ['memberNumber', 'familyNames', 'familyNames', 'givenNames']
 */
export function mapHeaders(
  headers: string[],
  kind: ImportKind,
  overrides: Record<number, CanonicalField | null> = {},
  options: { country?: string } = {},
): HeaderMapping {
  const allowed: readonly CanonicalField[] = kind === 'members' ? MEMBER_FIELDS : PLOT_FIELDS;
  const mapping: (CanonicalField | null)[] = headers.map(() => null);
  const overridden = new Set<number>();
  const taken = new Set<CanonicalField>();
  for (const [key, field] of Object.entries(overrides)) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || index >= headers.length) continue;
    overridden.add(index);
    if (field !== null && allowed.includes(field)) {
      mapping[index] = field;
      taken.add(field);
    }
  }
  const recognised = new Set<CanonicalField>();
  headers.forEach((header, index) => {
    if (overridden.has(index)) return;
    const field = recognizeHeader(header, kind);
    if (!field) return;
    if (JOINED_FIELDS.has(field) ? taken.has(field) && !recognised.has(field) : taken.has(field)) return;
    mapping[index] = field;
    taken.add(field);
    recognised.add(field);
  });
  const unmapped = headers
    .map((header, index) => ({ index, header }))
    .filter(({ index }) => mapping[index] === null && !overridden.has(index));
  const missingRequired = REQUIRED_FIELDS[kind].filter(
    (field) =>
      !taken.has(field) && !((field === 'givenNames' || field === 'familyNames') && taken.has('fullName')),
  );
  const estimateIndex = mapping.indexOf('yearlyEstimateGrams');
  const massUnit = estimateIndex >= 0 ? headerMassUnit(headers[estimateIndex] ?? '', options.country) : null;
  return { mapping, unmapped, missingRequired, massUnit };
}
