import { describe, expect, it } from 'vitest';
import { memberCardCode, readMemberCode } from './card.js';

describe('member card code', () => {
  it('reads back what the card says, and tells another cooperative’s card apart', () => {
    expect(readMemberCode(memberCardCode('cecafe', '0042'), 'cecafe')).toEqual({
      memberNumber: '0042',
      wrongOrg: false,
    });
    expect(readMemberCode(memberCardCode('jumarp', '0042'), 'cecafe')).toEqual({
      memberNumber: '0042',
      wrongOrg: true,
    });
    expect(readMemberCode(' 0042 ', 'cecafe')).toEqual({ memberNumber: '0042', wrongOrg: false });
  });
});
