import { wallSettings } from './wall';

describe('wallSettings', () => {
  it('turns on with ?wall=1 or on a very wide screen, refreshing every 30 s', () => {
    expect(wallSettings('?wall=1', false)).toEqual({ enabled: true, refreshSeconds: 30 });
    expect(wallSettings('', true)).toEqual({ enabled: true, refreshSeconds: 30 });
    expect(wallSettings('?wall=0', true)).toEqual({ enabled: false, refreshSeconds: 0 });
    expect(wallSettings('', false)).toEqual({ enabled: false, refreshSeconds: 0 });
  });

  it('takes a refresh period of 10 s or more, or 0 for none', () => {
    expect(wallSettings('?refresh=60', false)).toEqual({ enabled: false, refreshSeconds: 60 });
    expect(wallSettings('?wall=1&refresh=2', false).refreshSeconds).toBe(10);
    expect(wallSettings('?wall=1&refresh=0', false).refreshSeconds).toBe(0);
    expect(wallSettings('?wall=1&refresh=soon', false).refreshSeconds).toBe(30);
  });
});
