import { parseArgs, UsageError, type FlagSpecs } from './flags';

const specs: FlagSpecs = {
  server: { kind: 'string', help: '' },
  label: { kind: 'list', help: '' },
  json: { kind: 'boolean', help: '' },
};

describe('parseArgs', () => {
  it('reads values given apart or after "=", repeated lists, booleans and their --no- form', () => {
    const args = parseArgs(
      ['--server', 'http://a', '--label=a=1', '--label', 'b=2', '--no-json', 'file.txt'],
      specs,
    );
    expect(args).toEqual({
      flags: { server: 'http://a', label: ['a=1', 'b=2'], json: false },
      positionals: ['file.txt'],
    });
  });

  it('keeps "-" as standard input and stops at "--"', () => {
    expect(parseArgs(['-', '--', '--json'], specs).positionals).toEqual(['-', '--json']);
  });

  it('refuses unknown options and missing values, naming them', () => {
    expect(() => parseArgs(['--sever', 'x'], specs)).toThrow(new UsageError('unknown option --sever'));
    expect(() => parseArgs(['--server'], specs)).toThrow(/--server needs a value/);
    expect(() => parseArgs(['-x'], specs)).toThrow(/unknown option -x/);
    expect(() => parseArgs(['--json=yes'], specs)).toThrow(/takes no value/);
  });
});
