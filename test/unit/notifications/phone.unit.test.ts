import { toE164Indonesia } from '../../../activities/notifications/phone';

describe('toE164Indonesia', () => {
  it.each([
    ['081299642858', '+6281299642858'],
    ['0812-9964-2858', '+6281299642858'],
    ['+62 812 9964 2858', '+6281299642858'],
    ['6281299642858', '+6281299642858'],
    ['(0287) 381 234', '+62287381234'],
  ])('normalises %s', (input, expected) => {
    expect(toE164Indonesia(input)).toBe(expected);
  });

  it.each(['12345', '+6512345678', '0012345678', 'abc', ''])('rejects %s', (input) => {
    expect(toE164Indonesia(input)).toBeUndefined();
  });
});
