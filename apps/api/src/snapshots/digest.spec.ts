import { canonicalJson, snapshotDigest } from './digest';

describe('snapshot digest', () => {
  it('ignores key order and undefined fields, not values', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: undefined, z: null }] })).toBe(
      '{"a":[{"y":2,"z":null}],"b":1}',
    );
    expect(snapshotDigest({ a: 1, b: 2 })).toBe(snapshotDigest({ b: 2, a: 1 }));
    expect(snapshotDigest({ a: 1 })).not.toBe(snapshotDigest({ a: 2 }));
  });
});
