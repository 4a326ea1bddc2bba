import { MAX_WARNINGS, WarningList } from './warnings';

describe('WarningList', () => {
  it('keeps the first warnings and counts the rest', () => {
    const warnings = new WarningList();
    for (let line = 1; line <= MAX_WARNINGS + 5; line++) warnings.push({ line, message: 'bad row' });
    const list = warnings.list();
    expect(list).toHaveLength(MAX_WARNINGS + 1);
    expect(list[0]).toEqual({ line: 1, message: 'bad row' });
    expect(list.at(-1)).toEqual({ line: 0, message: '5 further warnings not shown' });
  });

  it('adds nothing when every warning was kept', () => {
    const warnings = new WarningList();
    warnings.push({ line: 3, message: 'bad row' });
    expect(warnings.list()).toEqual([{ line: 3, message: 'bad row' }]);
  });
});
