import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, PRESETS, quorum } from './quorum.js';

describe('quorum', () => {
  it('Peru preset: more than half in first call', () => {
    expect(quorum(PRESETS.PE, 'first', 300, 150)).toMatchObject({ required: 151, met: false });
    expect(quorum(PRESETS.PE, 'first', 301, 151)).toMatchObject({ required: 151, met: true });
  });

  it('Colombia, Ley 79/1988 Art. 31: half; then 10 % and at least ten people', () => {
    expect(quorum(PRESETS.CO, 'first', 300, 150).met).toBe(true);
    expect(quorum(PRESETS.CO, 'second', 300, 29)).toMatchObject({ required: 30, met: false });
    expect(quorum(PRESETS.CO, 'second', 50, 9)).toMatchObject({ required: 10, met: false });
  });

  it('property: required is the least number that meets the rule, and more people never lose it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.boolean(),
        (eligible, bp, strict) => {
          const params = { ...PRESETS.PE, firstCall: { shareBp: bp, strictlyMore: strict } };
          const { required } = quorum(params, 'first', eligible, 0);
          const meets = (n: number) =>
            (strict ? n * 10_000 > eligible * bp : n * 10_000 >= eligible * bp) && n >= 1;
          expect(meets(required)).toBe(true);
          if (required > 1) expect(meets(required - 1)).toBe(false);
        },
      ),
    );
  });
});

describe('majorities', () => {
  it('simple, absolute and two thirds, with and without abstentions', () => {
    expect(decide(PRESETS.PE, 'ordinary', { yes: 10, no: 9, abstain: 50 }).passed).toBe(true);
    expect(decide(PRESETS.CO, 'ordinary', { yes: 10, no: 9, abstain: 50 }).passed).toBe(false);
    expect(decide(PRESETS.PE, 'statute_reform', { yes: 20, no: 10, abstain: 0 })).toMatchObject({
      passed: true,
      requiredYes: 20,
    });
    expect(decide(PRESETS.PE, 'statute_reform', { yes: 20, no: 10, abstain: 1 }).passed).toBe(false);
  });

  it('a simple majority where the statute counts abstentions: abstentions weigh like a no', () => {
    const params = {
      ...PRESETS.PE,
      majorities: { ...PRESETS.PE.majorities, ordinary: { kind: 'simple' as const, abstentionsCount: true } },
    };
    expect(decide(params, 'ordinary', { yes: 10, no: 5, abstain: 8 })).toMatchObject({
      passed: false,
      requiredYes: 14,
    });
    expect(decide(params, 'ordinary', { yes: 14, no: 5, abstain: 8 }).passed).toBe(true);
  });

  it('property: one more yes never turns a pass into a fail', () => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.nat(1000),
        fc.nat(1000),
        fc.constantFrom('ordinary', 'statute_reform', 'election', 'merger_dissolution' as const),
        (yes, no, abstain, type) => {
          for (const preset of [PRESETS.PE, PRESETS.CO]) {
            const before = decide(preset, type, { yes, no, abstain }).passed;
            const after = decide(preset, type, { yes: yes + 1, no, abstain }).passed;
            expect(!before || after).toBe(true);
          }
        },
      ),
    );
  });
});
