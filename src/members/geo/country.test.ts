import { describe, expect, it } from 'vitest';
import { insideCountry, type LonLat } from '../geo.js';
import { JAEN, PITALITO, QUILLABAMBA } from './test-helpers.js';

describe('insideCountry', () => {
  it('finds coffee towns in their country and not in the other', () => {
    const peru: LonLat[] = [
      JAEN,
      QUILLABAMBA,
      [-75.27, -10.73],
      [-76.97, -6.03],
      [-69.47, -14.29],
      [-79.087, -5.003],
    ];
    const colombia: LonLat[] = [PITALITO, [-75.57, 4.64], [-75.82, 5.6], [-74.2, 11.1]];
    for (const [lon, lat] of peru) {
      expect(insideCountry(lon, lat, 'PE')).toBe(true);
      expect(insideCountry(lon, lat, 'CO')).toBe(false);
    }
    for (const [lon, lat] of colombia) {
      expect(insideCountry(lon, lat, 'CO')).toBe(true);
      expect(insideCountry(lon, lat, 'PE')).toBe(false);
    }
    // Leticia faces Peru across the Amazon: within both margins, which is the point of a margin.
    expect(insideCountry(-69.94, -4.21, 'CO')).toBe(true);
  });

  it('refuses neighbours beyond the margin, the sea, Null Island and swapped coordinates', () => {
    expect(insideCountry(-78.47, -0.18, 'PE')).toBe(false); // Quito
    expect(insideCountry(-78.47, -0.18, 'CO')).toBe(false);
    expect(insideCountry(-79.2, -4.0, 'PE')).toBe(false); // Loja, Ecuador
    expect(insideCountry(-82.5, -8.0, 'PE')).toBe(false); // Pacific
    expect(insideCountry(0, 0, 'PE')).toBe(false);
    expect(insideCountry(-5.71, -78.8, 'PE')).toBe(false);
    expect(insideCountry(Number.NaN, -5.71, 'PE')).toBe(false);
  });

  it('says yes for countries without an outline', () => {
    expect(insideCountry(-78.47, -0.18, 'EC')).toBe(true);
    expect(insideCountry(0, 0, '')).toBe(true);
  });
});
