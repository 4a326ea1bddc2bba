import { DEFAULT_THRESHOLDS } from './thresholds';
import { mergeThresholds, parseThresholdOverrides, THRESHOLD_FIELDS, validateThresholds } from './validate';

describe('validateThresholds', () => {
  it('accepts no overrides, the defaults themselves and sensible overrides', () => {
    expect(validateThresholds({})).toEqual([]);
    expect(validateThresholds(DEFAULT_THRESHOLDS)).toEqual([]);
    expect(
      validateThresholds({ closeWait: { warning: 20, steadyShare: 0.9 }, ephemeral: { criticalShare: 1 } }),
    ).toEqual([]);
  });

  it('names unknown groups and fields', () => {
    expect(validateThresholds({ closeWiat: {} })).toEqual([
      { field: 'closeWiat', message: expect.stringContaining('is not a threshold group') },
    ]);
    expect(validateThresholds({ synSent: { warn: 3 } })).toEqual([
      { field: 'synSent.warn', message: 'is not a threshold of synSent (warning, critical)' },
    ]);
  });

  it('names each value of the wrong type or out of range', () => {
    const errors = validateThresholds({
      closeWait: { warning: 0, minPoints: 2, minPerMinute: -1, steadyShare: 1.5, windowSeconds: 1.5 },
      ephemeral: { warningShare: '0.5' },
      hostSilence: { criticalAfterSeconds: Number.NaN },
    });
    expect(errors.map((e) => e.field)).toEqual([
      'closeWait.warning',
      'closeWait.minPoints',
      'closeWait.minPerMinute',
      'closeWait.steadyShare',
      'closeWait.windowSeconds',
      'ephemeral.warningShare',
      'hostSilence.criticalAfterSeconds',
    ]);
    expect(errors[0]?.message).toBe('must be a whole number of at least 1, got 0');
    expect(errors[5]?.message).toBe('must be a number above 0 and at most 1, got "0.5"');
  });

  it('names a warning level above its critical one, after merging with the defaults', () => {
    expect(validateThresholds({ closeWait: { warning: 2000 } })).toEqual([
      { field: 'closeWait.warning', message: 'must not exceed closeWait.critical (2000 > 1000)' },
    ]);
    expect(validateThresholds({ ephemeral: { criticalShare: 0.4 } })).toEqual([
      { field: 'ephemeral.warningShare', message: 'must not exceed ephemeral.criticalShare (0.5 > 0.4)' },
    ]);
  });

  it('rejects what is not an object', () => {
    for (const bad of [null, 3, [], 'x']) expect(validateThresholds(bad)[0]?.field).toBe('');
    expect(validateThresholds({ synSent: 5 })).toEqual([
      { field: 'synSent', message: 'must be an object of thresholds' },
    ]);
  });
});

describe('mergeThresholds', () => {
  it('overrides the fields given and leaves the defaults untouched', () => {
    const merged = mergeThresholds({ closeWait: { warning: 20 } });
    expect(merged.closeWait).toEqual({ ...DEFAULT_THRESHOLDS.closeWait, warning: 20 });
    expect(merged.synSent).toEqual(DEFAULT_THRESHOLDS.synSent);
    expect(DEFAULT_THRESHOLDS.closeWait.warning).toBe(100);
  });
});

describe('parseThresholdOverrides', () => {
  it('reads dotted names and decimal text', () => {
    expect(
      parseThresholdOverrides({ 'closeWait.warning': '200', 'ephemeral.warningShare': ' 0.4 ' }),
    ).toEqual({
      overrides: { closeWait: { warning: 200 }, ephemeral: { warningShare: 0.4 } },
      errors: [],
    });
  });

  it('names unknown fields and values that are not numbers', () => {
    const { errors } = parseThresholdOverrides({
      'closeWait.warning': '2e2',
      'closeWait.warning.x': '1',
      synSent: '1',
    });
    expect(errors.map((e) => e.field)).toEqual(['closeWait.warning', 'closeWait.warning.x', 'synSent']);
    expect(errors[0]?.message).toBe('must be a number, got "2e2"');
  });

  it('knows every threshold by its dotted name', () => {
    const expected = Object.entries(DEFAULT_THRESHOLDS).flatMap(([group, fields]) =>
      Object.keys(fields).map((field) => `${group}.${field}`),
    );
    expect([...THRESHOLD_FIELDS].sort()).toEqual(expected.sort());
  });
});
