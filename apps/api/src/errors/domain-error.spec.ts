import { asDomainError, DomainError } from './domain-error';
import { graphqlCodeOf } from './graphql-error.mapper';
import { httpStatusOf } from './http-status';

const withCode = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code });

describe('domain errors at the edges', () => {
  it('treats a lost or refused database as unavailable, answered 503', () => {
    for (const error of [
      withCode('ECONNREFUSED'),
      withCode('57P01'),
      withCode('08006'),
      new Error('Connection terminated unexpectedly'),
    ]) {
      const domain = asDomainError(error);
      expect(domain?.code).toBe('database_unavailable');
      expect(httpStatusOf(domain!.code)).toBe(503);
    }
  });

  it('maps body parser failures and leaves bugs alone', () => {
    expect(asDomainError(Object.assign(new Error('too big'), { type: 'entity.too.large' }))?.code).toBe(
      'payload_too_large',
    );
    expect(asDomainError(Object.assign(new Error('bad'), { type: 'entity.parse.failed' }))?.code).toBe(
      'invalid_input',
    );
    expect(asDomainError(new TypeError('undefined is not a function'))).toBeNull();
    expect(asDomainError(withCode('23505'))).toBeNull();
  });

  it('gives every code a status and a GraphQL code', () => {
    const error = new DomainError('unknown_state', 'nope');
    expect(httpStatusOf(error.code)).toBe(400);
    expect(graphqlCodeOf(error.code)).toBe('UNKNOWN_STATE');
  });
});
