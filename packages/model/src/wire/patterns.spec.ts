import { HOSTNAME_PATTERN, LABEL_KEY_PATTERN, LABEL_VALUE_PATTERN } from './snapshot';

describe('the patterns agent and API share', () => {
  it('takes host names as operators write them, nothing that needs escaping', () => {
    for (const name of ['web-1', 'web-1.example.net', 'WIN_PC_7', 'a'])
      expect(HOSTNAME_PATTERN.test(name)).toBe(true);
    for (const name of ['', '-web', 'web-', 'web.', 'web 1', 'web;1', 'c\u043erpus', 'web\n1']) {
      expect(HOSTNAME_PATTERN.test(name)).toBe(false);
    }
  });

  it('takes label keys in the Kubernetes shape, and not __proto__', () => {
    for (const key of ['role', 'env', 'team/owner', 'app.kubernetes.io/name', 'a', 'x_1']) {
      expect(LABEL_KEY_PATTERN.test(key)).toBe(true);
    }
    for (const key of ['', '-bad', 'bad-', 'bad/', '__proto__', '_x', 'a b', "k' or 1=1 --", 'tier\u0000']) {
      expect(LABEL_KEY_PATTERN.test(key)).toBe(false);
    }
  });

  it('takes any label value without control characters', () => {
    for (const value of [
      '',
      'edge',
      '<img src=x>',
      "x'); drop table hosts; --",
      'c\u043erpus',
      '\u{1F525} hot',
    ]) {
      expect(LABEL_VALUE_PATTERN.test(value)).toBe(true);
    }
    for (const value of ['edge\u0000', '\u001b[31mred', 'a\nb', 'a\tb', 'del\u007f']) {
      expect(LABEL_VALUE_PATTERN.test(value)).toBe(false);
    }
  });
});
