import { describe, expect, it } from 'vitest';
import { makeVoteKeys, openAll, receiptCode, seal, shuffle } from './ballots.js';

describe('sealed envelopes', () => {
  const keys = makeVoteKeys('tellers-passphrase-2026');

  it('open only with the passphrase, and give back every choice', () => {
    const envelopes = ['yes', 'no', 'abstain', 'yes'].map((choice, i) =>
      seal(keys.publicKey, { choice, receipt: `R${i}` }),
    );
    expect(new Set(envelopes).size).toBe(4);
    expect(openAll(keys.sealedPrivateKey, 'tellers-passphrase-2026', envelopes).map((b) => b.choice)).toEqual(
      ['yes', 'no', 'abstain', 'yes'],
    );
    expect(() => openAll(keys.sealedPrivateKey, 'wrong', envelopes)).toThrow();
    expect(keys.sealedPrivateKey).toContain('ENCRYPTED PRIVATE KEY');
  });

  it('two envelopes of the same choice look different', () => {
    expect(seal(keys.publicKey, { choice: 'yes', receipt: 'A' })).not.toBe(
      seal(keys.publicKey, { choice: 'yes', receipt: 'A' }),
    );
  });

  it('receipt codes are readable and distinct; a shuffle keeps every item', () => {
    const codes = Array.from({ length: 2000 }, receiptCode);
    expect(codes[0]).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    expect(new Set(codes).size).toBe(2000);
    const items = Array.from({ length: 100 }, (_, i) => i);
    expect(shuffle(items).sort((a, b) => a - b)).toEqual(items);
  });
});
