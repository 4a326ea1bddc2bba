import { WIRE_LIMITS } from '@tcpfleet/model';
import { loadSettings, SettingError } from './load';
import { DEFAULT_MAX_SOCKETS } from './settings';

describe('the socket list cap', () => {
  it('lists a thousand sockets unless told otherwise', () => {
    expect(DEFAULT_MAX_SOCKETS).toBe(1000);
    expect(loadSettings({}, {}).maxSockets).toBe(1000);
  });

  it('takes anything up to what the wire allows from a flag or the environment', () => {
    expect(loadSettings({ 'max-sockets': String(WIRE_LIMITS.maxSockets) }, {}).maxSockets).toBe(5000);
    expect(loadSettings({}, { TCPFLEET_MAX_SOCKETS: '0' }).maxSockets).toBe(0);
    expect(() => loadSettings({}, { TCPFLEET_MAX_SOCKETS: '5001' })).toThrow(SettingError);
    expect(() => loadSettings({}, { TCPFLEET_MAX_SOCKETS: '5001' })).toThrow(/TCPFLEET_MAX_SOCKETS/);
  });
});
