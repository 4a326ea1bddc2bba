import {
  describeQuery,
  HEADLINE_QUERY,
  parseLabels,
  queryFromParams,
  queryParams,
  whereOf,
} from './fleet-query';
import { routeHash } from './router';

describe('the fleet query', () => {
  it('starts as the headline query: CLOSE_WAIT on 443 with a count over 100', () => {
    const query = queryFromParams(new URLSearchParams(''));
    expect(whereOf(query)).toEqual({
      where: { sockets: { stateName: 'CLOSE_WAIT', port: 443, countGt: 100 } },
    });
    expect(describeQuery(query)).toBe('CLOSE_WAIT on port 443, count > 100');
  });

  it('survives the URL, emptied fields included', () => {
    const query = { ...HEADLINE_QUERY, state: '', port: '', count: '', labels: 'role=web' };
    const hash = routeHash('/', queryParams(query));
    const back = queryFromParams(new URLSearchParams(hash.slice(hash.indexOf('?') + 1)));
    expect(back).toEqual(query);
    expect(whereOf(back)).toEqual({ where: { labels: [{ key: 'role', value: 'web' }] } });
  });

  it('passes a state in any spelling to the API as stateName, with each comparison', () => {
    const base = { ...HEADLINE_QUERY, state: ' SYN_RCVD ', count: '5' };
    expect(whereOf({ ...base, comparison: 'gte' })).toEqual({
      where: { sockets: { stateName: 'SYN_RCVD', port: 443, countGte: 5 } },
    });
    expect(whereOf({ ...base, comparison: 'lt' })).toEqual({
      where: { sockets: { stateName: 'SYN_RCVD', port: 443, countLt: 5 } },
    });
  });

  it('says what is wrong with a field instead of sending it', () => {
    expect(whereOf({ ...HEADLINE_QUERY, port: '70000' })).toEqual({
      error: 'port must be a number from 0 to 65535',
    });
    expect(whereOf({ ...HEADLINE_QUERY, port: '44x' })).toHaveProperty('error');
    expect(whereOf({ ...HEADLINE_QUERY, count: '-1' })).toEqual({ error: 'count must be a whole number' });
    expect(whereOf({ ...HEADLINE_QUERY, comparison: 'lt', count: '0' })).toHaveProperty('error');
    expect(whereOf({ ...HEADLINE_QUERY, labels: 'role' })).toEqual({
      error: 'label "role" is not key=value',
    });
  });

  it('reads labels as key=value pairs, values keeping their own = signs', () => {
    expect(parseLabels(' role=web , region=eu-west,, query=a=b ')).toEqual({
      labels: [
        { key: 'role', value: 'web' },
        { key: 'region', value: 'eu-west' },
        { key: 'query', value: 'a=b' },
      ],
    });
  });

  it('ignores a sort or comparison the API does not know', () => {
    const query = queryFromParams(new URLSearchParams('state=LISTEN&cmp=eq&sort=RANDOM&order=up'));
    expect(query).toMatchObject({ comparison: 'gt', sort: 'COUNT', order: 'DESC' });
  });
});
