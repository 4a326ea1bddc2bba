import { compare } from './table';

describe('compare', () => {
  it('orders hostnames naturally and numbers as numbers, nulls after values', () => {
    expect(['web-10', 'web-2', 'web-1'].sort(compare)).toEqual(['web-1', 'web-2', 'web-10']);
    expect([10, 9, 100].sort(compare)).toEqual([9, 10, 100]);
    expect([null, 3, 1].sort(compare)).toEqual([1, 3, null]);
  });
});
