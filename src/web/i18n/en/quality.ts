import type { Messages } from '../es/index.js';

/** English, namespace `quality`. */
export const quality: Messages['quality'] = {
  quality: {
    sampleSource: { lot: 'From a lot', external: 'Received from outside' },
    samplePurpose: {
      offer: 'Offer sample',
      pre_shipment: 'Pre-shipment',
      type: 'Type sample',
      arrival: 'Arrival',
      internal: 'Internal check',
    },
    sessionStatus: { open: 'Open', closed: 'Closed' },
    grade: {
      specialty: 'Specialty',
      premium: 'Premium',
      exchange: 'Exchange',
      below_standard: 'Below standard',
      off_grade: 'Off grade',
    },
    descriptor: {
      floral: 'Floral',
      fruity: 'Fruity',
      berry: 'Berry',
      dried_fruit: 'Dried fruit',
      citrus: 'Citrus',
      sour_fermented: 'Sour / fermented',
      green_vegetative: 'Green / vegetative',
      chemical: 'Chemical',
      musty: 'Musty',
      papery: 'Papery',
      roasted: 'Roasted',
      cereal: 'Cereal',
      nutty: 'Nutty',
      cocoa: 'Cocoa',
      spice: 'Spice',
      sweet: 'Sweet',
      caramel: 'Caramel',
      vanilla: 'Vanilla',
      honey: 'Honey',
    },
  },
};
