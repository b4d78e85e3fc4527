import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('telling an outage from a bad query', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    [
      'a refused dual-stack connection',
      Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), { code: 'ECONNREFUSED' }),
    ],
    [
      'the server shutting down',
      new QueryFailedError('SELECT 1', [], withCode('57P01', 'terminating connection due to administrator command')),
    ],
    ['a connection dropped mid-query', new Error('Connection terminated unexpectedly')],
    ['a connect timeout', new Error('timeout expired')],
  ])('counts %s as the database being unavailable', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], withCode('23505'))],
    ['bad input syntax', new QueryFailedError('SELECT', [], withCode('22P02'))],
    ['a plain bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('does not count %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
