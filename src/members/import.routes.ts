import { requireActor } from '../orgs/index.js';
import { fileResponse } from '../platform/http/openapi.js';
import type { HttpServer } from '../platform/http/server.js';
import { translate } from '../platform/i18n.js';
import { OrgParams, problemResponses } from '../shared/contract.js';
import { writeCsv, writeXlsx } from './import/export.js';
import type { ImportService } from './import.service.js';
import { ExportQuery, ImportQuery, ImportResult, ServerConfig } from './members.contract.js';
import type { MembersService } from './members.facade.js';

/** Files in and out of the register: the import (dry run, then all-or-nothing) and the exports. */

export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;
const FILE_TYPES = [
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/geo+json',
];

function parseMapping(text: string | undefined): Record<number, string | null> | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value as Record<string, unknown>).filter(
        ([k, v]) => /^\d+$/.test(k) && (v === null || typeof v === 'string'),
      );
      return Object.fromEntries(entries.map(([k, v]) => [Number(k), v as string | null]));
    }
  } catch {
    // reported below
  }
  return {};
}

const MEMBER_HEADERS = {
  es: [
    'N° socio',
    'Nombres',
    'Apellidos',
    'DNI',
    'Sexo',
    'Fecha de nacimiento',
    'Teléfono',
    'Región',
    'Provincia',
    'Distrito',
    'Caserío',
    'Personas en el hogar',
    'Fecha de ingreso',
    'Estado',
    'Cuota de ingreso',
    'Capital suscrito',
    'Capital pagado',
    'Forma de pago',
    'Banco',
    'Cuenta',
    'Billetera',
  ],
  en: [
    'Member No.',
    'Given names',
    'Family names',
    'National ID',
    'Sex',
    'Birth date',
    'Phone',
    'Region',
    'Province',
    'District',
    'Community',
    'Household size',
    'Join date',
    'Status',
    'Entry fee',
    'Subscribed capital',
    'Paid capital',
    'Payment method',
    'Bank',
    'Account',
    'Wallet',
  ],
};
const PLOT_HEADERS = {
  es: [
    'N° socio',
    'Parcela',
    'Área declarada (ha)',
    'Área medida (ha)',
    'Latitud',
    'Longitud',
    'Altitud (msnm)',
    'Área de café (ha)',
    'Variedades',
    'N° plantas',
    'Año de siembra',
    'Sombra',
    'Tenencia',
    'Estimado (kg)',
    'Observaciones',
  ],
  en: [
    'Member No.',
    'Plot',
    'Declared area (ha)',
    'Mapped area (ha)',
    'Latitude',
    'Longitude',
    'Altitude (m)',
    'Coffee area (ha)',
    'Varieties',
    'Trees',
    'Planting year',
    'Shade',
    'Tenure',
    'Estimate (kg)',
    'Flags',
  ],
};

export function registerImportRoutes(app: HttpServer, imports: ImportService, members: MembersService) {
  app.addContentTypeParser(
    FILE_TYPES,
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/api/v1/orgs/:org/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['import'],
        summary:
          'Import members or plots from CSV, XLSX or GeoJSON: a dry run reports every row; a commit writes all or nothing (admin, manager)',
        params: OrgParams,
        querystring: ImportQuery,
        response: { 200: ImportResult, ...problemResponses },
      },
    },
    async (request) => {
      const body = request.body as unknown;
      const bytes = Buffer.isBuffer(body)
        ? new Uint8Array(body)
        : new TextEncoder().encode(JSON.stringify(body ?? ''));
      const mapping = parseMapping(request.query.mapping);
      const result = await imports.importFile(requireActor(request), request.params.org, bytes, {
        kind: request.query.kind,
        dryRun: request.query.dryRun === 'true',
        ...(mapping && { mapping }),
        ...(request.query.sheet && { sheetName: request.query.sheet }),
      });
      const text = (i: {
        row: number;
        field: string;
        code: string;
        params?: Record<string, string | number>;
      }) => ({
        row: i.row,
        field: i.field,
        code: i.code,
        message: translate(request.locale, i.code, i.params),
      });
      return { ...result, errors: result.errors.map(text), warnings: result.warnings.map(text) };
    },
  );

  app.get(
    '/api/v1/orgs/:org/members/export',
    {
      schema: {
        operationId: 'exportMembers',
        tags: ['import'],
        summary: 'The member register as XLSX or CSV (readable again by the import)',
        params: OrgParams,
        querystring: ExportQuery,
        response: { 200: fileResponse('The member register', 'xlsx', 'csv'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const rows = await members.exportMembers(requireActor(request), request.params.org);
      return sendTable(
        reply,
        request.query.format,
        `socios-${request.params.org}`,
        MEMBER_HEADERS[request.locale],
        rows,
      );
    },
  );

  app.get(
    '/api/v1/orgs/:org/plots/export',
    {
      schema: {
        operationId: 'exportPlots',
        tags: ['import'],
        summary: 'All plots as XLSX or CSV (points as latitude/longitude; polygons in plots.geojson)',
        params: OrgParams,
        querystring: ExportQuery,
        response: { 200: fileResponse('The plots', 'xlsx', 'csv'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const rows = await members.exportPlots(requireActor(request), request.params.org);
      return sendTable(
        reply,
        request.query.format,
        `parcelas-${request.params.org}`,
        PLOT_HEADERS[request.locale],
        rows,
      );
    },
  );

  app.get(
    '/api/v1/config',
    {
      schema: {
        tags: ['health'],
        summary: 'Settings the web app needs',
        response: { 200: ServerConfig },
      },
    },
    async () => ({
      mapTilesUrl: process.env.AYNI_MAP_TILES_URL || null,
    }),
  );
}

async function sendTable(
  reply: import('fastify').FastifyReply,
  format: 'csv' | 'xlsx',
  name: string,
  headers: string[],
  rows: (string | number | null)[][],
) {
  if (format === 'csv') {
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}.csv"`)
      .send(writeCsv(headers, rows));
  }
  const bytes = await writeXlsx([{ name: name.slice(0, 31), headers, rows }]);
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${name}.xlsx"`)
    .send(Buffer.from(bytes));
}
