import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { STATUS_OF_KIND, problemOf, type ErrorFactory, type ErrorKind } from '@mutuals/core';
import { ERROR_TABLES, errorCodes } from './error-catalogue';

describe('error codes on the wire', () => {
  const entries = Object.entries(ERROR_TABLES).flatMap(([area, table]) =>
    Object.values(table).map((factory: ErrorFactory) => [area, factory.code, factory] as const),
  );

  it.each(entries)('%s: %s answers with its code and the status of its kind', (_area, code, factory) => {
    const { problem } = problemOf(factory('Refused for a reason'));
    expect(problem).toMatchObject({ code, status: STATUS_OF_KIND[factory.kind], detail: 'Refused for a reason' });
  });

  it('gives a code shared by several areas one kind, so that it always means one status', () => {
    const kinds = new Map<string, Set<ErrorKind>>();
    for (const [, code, factory] of entries) kinds.set(code, (kinds.get(code) ?? new Set()).add(factory.kind));
    expect([...kinds].filter(([, each]) => each.size > 1).map(([code]) => code)).toEqual([]);
  });

  it('lists every code once for the OpenAPI problem schema', () => {
    const codes = errorCodes();
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(['capacityFull', 'duplicateRequest', 'awaitingApproval', 'validationFailed', 'internal']));
  });

  it('names framework refusals with generic codes', () => {
    expect(problemOf(new NotFoundException('Cannot GET /nowhere')).problem).toMatchObject({ status: 404, code: 'notFound' });
    expect(problemOf(new BadRequestException('Validation failed (uuid is expected)')).problem).toMatchObject({
      status: 400,
      code: 'validationFailed',
    });
    expect(problemOf(new HttpException("Body is not valid JSON but content-type is set to 'application/json'", 400)).problem).toMatchObject(
      {
        status: 400,
        code: 'invalidJson',
      },
    );
    expect(problemOf({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'too large' }).problem).toMatchObject({
      status: 413,
      code: 'payloadTooLarge',
    });
    expect(problemOf({ statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', message: 'nope' }).problem).toMatchObject({
      status: 415,
      code: 'unsupportedMediaType',
    });
    expect(problemOf(new Error('connection reset')).problem).toMatchObject({
      status: 500,
      code: 'internal',
      detail: 'Something went wrong on our side',
    });
  });
});
