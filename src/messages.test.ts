import { describe, expect, it } from 'vitest';
import './app.js';
import { allMessages } from './platform/i18n.js';

/**
 * The server's catalogue as the running app has it (every domain's `messages.ts`, loaded by the
 * composition root): each key in both languages, with the same placeholders, so no person ever reads
 * a raw key or an unfilled `{name}`. A missing key is already a type error in `defineMessages`; this
 * also catches a placeholder renamed in one language only.
 */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('server messages', () => {
  const { es, en } = allMessages();

  it('has every key in Spanish and in English', () => {
    expect(Object.keys(es).length).toBeGreaterThan(300);
    expect(Object.keys(en).filter((key) => !(key in es))).toEqual([]);
    expect(Object.keys(es).filter((key) => !(key in en))).toEqual([]);
  });

  it('fills the same placeholders in both languages', () => {
    const differ = Object.keys(es).filter(
      (key) => placeholders(es[key]!).join() !== placeholders(en[key] ?? '').join(),
    );
    expect(differ).toEqual([]);
  });
});
