import type { es } from './es/index.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    fallbackNS: [
      'orgs',
      'members',
      'collection',
      'accounts',
      'governance',
      'lots',
      'sales',
      'traceability',
      'quality',
    ];
    resources: typeof es;
  }
}
