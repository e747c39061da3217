import { describe, expect, it } from 'vitest';
import { HTTP_STATUS } from './errors.js';
import { hasMessage, negotiateLocale, translate } from './i18n.js';
import { sequentialIds, UUID_PATTERN, uuidv7 } from './ids.js';

describe('negotiateLocale', () => {
  it('prefers the highest-ranked supported language and defaults to Spanish', () => {
    expect(negotiateLocale(undefined)).toBe('es');
    expect(negotiateLocale('en-GB,en;q=0.9')).toBe('en');
    expect(negotiateLocale('fr-FR, en;q=0.5, es;q=0.8')).toBe('es');
    expect(negotiateLocale('de, fr')).toBe('es');
    expect(negotiateLocale('es-PE;q=0, en')).toBe('en');
  });

  it('fills message parameters in both languages', () => {
    expect(translate('es', 'error.body_too_large', { limit: 1024 })).toBe(
      'El cuerpo de la solicitud es demasiado grande (máximo 1024 bytes).',
    );
    expect(translate('en', 'error.body_too_large', { limit: 1024 })).toBe(
      'The request body is too large (at most 1024 bytes).',
    );
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});

describe('ids', () => {
  it('makes RFC 9562 version-7 UUIDs ordered by time', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(a).toMatch(UUID_PATTERN);
    expect(a[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(a[19]);
    expect(a.slice(0, 13) < b.slice(0, 13)).toBe(true);
  });

  it('sequential ids repeat exactly between runs', () => {
    const first = sequentialIds(3);
    const second = sequentialIds(3);
    const a = [first.next(), first.next()];
    expect([second.next(), second.next()]).toEqual(a);
    expect(a[0]).not.toBe(a[1]);
  });
});

describe('problem titles', () => {
  it('every error kind has a title in the catalog', () => {
    for (const kind of Object.keys(HTTP_STATUS))
      expect(hasMessage(`error.${kind === 'invalid' ? 'invalid_body' : kind}`), kind).toBe(true);
  });
});
