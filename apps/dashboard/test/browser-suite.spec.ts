import { browserSuite } from './support/browser';

describe('browserSuite', () => {
  const missing = '/nonexistent/chromium';

  it('skips with a message naming the missing browser outside CI', () => {
    expect(browserSuite(missing, {})).toEqual({
      run: false,
      reason: expect.stringContaining(`${missing} is missing`),
    });
    expect(browserSuite(missing, { CI: 'false' }).run).toBe(false);
  });

  it('runs in CI even without the browser, so the missing browser fails the run', () => {
    expect(browserSuite(missing, { CI: 'true' })).toEqual({ run: true, reason: null });
  });

  it('runs wherever the browser is', () => {
    expect(browserSuite(process.execPath, {})).toEqual({ run: true, reason: null });
  });
});
