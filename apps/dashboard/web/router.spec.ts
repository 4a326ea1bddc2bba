import { hostPath, parseRoute, routeHash } from './router';

describe('routes', () => {
  it('reads the three pages from the hash', () => {
    expect(parseRoute('').page).toBe('fleet');
    expect(parseRoute('#/?state=LISTEN').page).toBe('fleet');
    expect(parseRoute('#/states?state=LISTEN')).toMatchObject({ page: 'states' });
    expect(parseRoute('#/nowhere').page).toBe('missing');
  });

  it('carries any hostname through a link and back', () => {
    for (const hostname of ['web-01.eu-west', 'a/b?c#d', '<img src=x>', '100%']) {
      const route = parseRoute(`#${routeHash(hostPath(hostname), { hours: 12 })}`);
      expect(route).toMatchObject({ page: 'host', hostname });
      expect(route.params.get('hours')).toBe('12');
    }
  });

  it('treats a broken escape as no page rather than failing', () => {
    expect(parseRoute('#/hosts/%E0%A4%A').page).toBe('missing');
  });

  it('leaves empty parameters out of links', () => {
    expect(routeHash('/', { state: 'LISTEN', port: '', count: null })).toBe('/?state=LISTEN');
    expect(routeHash('/states')).toBe('/states');
  });
});
