import { describe, expect, it } from 'vitest';
import { EUDR_MESSAGES } from './messages.js';

/**
 * The app-wide catalogue test (src/messages.test.ts) sees a domain once app.ts imports it; until the package
 * is wired to routes, its texts are checked here the same way.
 */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the EUDR package’s messages', () => {
  it('fill the same placeholders in Spanish and English', () => {
    const { es, en } = EUDR_MESSAGES;
    const keys = Object.keys(es) as (keyof typeof es)[];
    expect(keys.length).toBeGreaterThan(80);
    expect(keys.filter((key) => placeholders(es[key]).join() !== placeholders(en[key]).join())).toEqual([]);
  });
});
