import { defineMessages } from '../platform/i18n.js';
import { EUDR_MESSAGES } from './eudr/messages.js';

/** Messages of the value-chain trace (the EUDR package's for now), Spanish first. */
export const traceabilityMessages = defineMessages({
  es: { ...EUDR_MESSAGES.es },
  en: { ...EUDR_MESSAGES.en },
});
