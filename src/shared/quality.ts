/**
 * The quality lab's enumerations, for the server, its contract and the web (labels in
 * src/web/i18n/{es,en}/quality.ts). The same values are CHECKed in migrations/0014_quality.sql.
 */
export const SAMPLE_SOURCES = ['lot', 'external'] as const;
export type SampleSource = (typeof SAMPLE_SOURCES)[number];
export const SAMPLE_PURPOSES = ['offer', 'pre_shipment', 'type', 'arrival', 'internal'] as const;
export type SamplePurpose = (typeof SAMPLE_PURPOSES)[number];
export const CUPPING_SESSION_STATUSES = ['open', 'closed'] as const;
export type CuppingSessionStatus = (typeof CUPPING_SESSION_STATUSES)[number];

/**
 * Descriptors of the descriptive part of the SCA Coffee Value Assessment (2024), after the Coffee
 * Taster's Flavor Wheel's families (check-all-that-apply), each noted with an intensity 1–15.
 */
export const CUP_DESCRIPTORS = [
  'floral',
  'fruity',
  'berry',
  'dried_fruit',
  'citrus',
  'sour_fermented',
  'green_vegetative',
  'chemical',
  'musty',
  'papery',
  'roasted',
  'cereal',
  'nutty',
  'cocoa',
  'spice',
  'sweet',
  'caramel',
  'vanilla',
  'honey',
] as const;
export type CupDescriptor = (typeof CUP_DESCRIPTORS)[number];
export const MAX_INTENSITY = 15;
