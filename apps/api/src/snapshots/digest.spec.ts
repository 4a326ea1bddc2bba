import { digestOf } from './digest';

describe('snapshot digest', () => {
  it('is the sha256 of the bytes as sent: the same bytes again are a retry, any other bytes are not', () => {
    const sent = Buffer.from('{"a":1,"b":2}');
    expect(digestOf(sent)).toBe('43258cff783fe7036d8a43033f830adfc60ec037382473548ac742b888292777');
    expect(digestOf(Buffer.from(sent))).toBe(digestOf(sent));
    expect(digestOf(Buffer.from('{"b":2,"a":1}'))).not.toBe(digestOf(sent));
  });
});
