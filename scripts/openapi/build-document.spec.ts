import 'reflect-metadata';
import { Body, Controller, Get, HttpCode, Param, Post, type INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { ApiTags } from '@nestjs/swagger';
import { Endpoint } from '@mutuals/core';
import { CoordinatorOnly, Public } from '@mutuals/identity';
import { MatchingErrors } from '@mutuals/matching';
import { buildApiDocuments, UndescribedOperations } from './build-document';

class RenameDto {
  name!: string;
}

@ApiTags('mentoring')
@Controller('described')
class DescribedController {
  @Endpoint({ summary: 'Read the taxonomy', response: 'TaxonomyView', errors: [] })
  @Public()
  @Get('taxonomy')
  taxonomy() {}

  @Endpoint({
    summary: 'Close a mentorship',
    response: 'MentorshipView',
    errors: [MatchingErrors.mentorshipNotFound, MatchingErrors.pairOnly],
  })
  @Post(':id/close')
  @HttpCode(200)
  close(@Param('id') _id: string) {}

  @Endpoint({ summary: 'Delete everything', response: null, body: 'DeleteAccountRequest', errors: [] })
  @CoordinatorOnly()
  @Post('reset')
  @HttpCode(204)
  reset(@Body() _body: RenameDto) {}
}

@ApiTags('mentoring')
@Controller('undescribed')
class UndescribedController {
  @Get()
  list() {}

  @Endpoint({ summary: 'Rename', response: null, errors: [] })
  @Post()
  rename(@Body() _body: RenameDto) {}
}

async function appWith(controller: new () => unknown): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ controllers: [controller] }).compile();
  const app = moduleRef.createNestApplication(new FastifyAdapter());
  await app.init();
  return app;
}

describe('the OpenAPI document', () => {
  it('refuses operations that are not described, saying what each lacks', async () => {
    const app = await appWith(UndescribedController);
    try {
      const refusal = (() => {
        try {
          buildApiDocuments(app);
        } catch (error) {
          return error;
        }
      })();
      expect(refusal).toBeInstanceOf(UndescribedOperations);
      expect((refusal as Error).message).toMatch(/GET \/undescribed \(UndescribedController\.list\): no @Endpoint/);
      expect((refusal as Error).message).toMatch(/POST \/undescribed \(UndescribedController\.rename\): .*make RenameDto `implements`/);
    } finally {
      await app.close();
    }
  });

  it('describes security, schemas from the contracts and error codes by status', async () => {
    const app = await appWith(DescribedController);
    try {
      const { openapi, asyncapi } = buildApiDocuments(app);
      const taxonomy = openapi.paths['/described/taxonomy'].get!;
      expect(taxonomy.security).toEqual([]);
      expect(taxonomy.responses['200']).toMatchObject({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/TaxonomyView' } } },
      });

      const close = openapi.paths['/described/{id}/close'].post!;
      expect(close.summary).toBe('Close a mentorship');
      expect(close.security).toEqual([{ session: [], csrf: [] }, { bearer: [] }, { apiToken: ['write'] }]);
      const codes = (status: string) =>
        (close.responses[status] as { content: Record<string, { schema: { allOf: { properties?: { code?: { enum: string[] } } }[] } }> })
          .content['application/problem+json'].schema.allOf[1].properties!.code!.enum;
      expect(codes('404')).toEqual(['mentorshipNotFound']);
      expect(codes('403')).toEqual(['awaitingApproval', 'badCsrfToken', 'crossSiteRequest', 'insufficientScope', 'pairOnly']);
      expect(codes('401')).toEqual(['notSignedIn']);
      expect(codes('429')).toEqual(['rateLimited']);

      const reset = openapi.paths['/described/reset'].post!;
      expect(reset.requestBody).toMatchObject({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/DeleteAccountRequest' } } },
      });
      expect(reset.responses['204']).not.toHaveProperty('content');
      expect(JSON.stringify(reset.responses['403'])).toContain('coordinatorsOnly');
      expect(reset.security).toContainEqual({ apiToken: ['admin'] });

      expect(openapi.components!.schemas).toHaveProperty('MentorshipView');
      expect(Object.keys(asyncapi.channels as object)).toContain('chat-message');
    } finally {
      await app.close();
    }
  });
});
