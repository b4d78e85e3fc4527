import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
// The lint configuration is CommonJS; it is handed to ESLint directly because ESLint's own loader
// imports it dynamically, which jest's module sandbox does not allow.
/* eslint-disable @typescript-eslint/no-require-imports */
const config = require('../../eslint.config.js') as ESLint.Options['overrideConfig'];
const { LIBS } = require('../../eslint/lib-boundaries.js') as { LIBS: Record<string, string[]> };
/* eslint-enable @typescript-eslint/no-require-imports */

const root = join(__dirname, '../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });

/** The boundary messages ESLint gives `source` as if it were the file at `path`. */
async function boundaryErrors(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, path) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lib boundaries in lint', () => {
  it('refuses an arrow the map does not draw', async () => {
    const errors = await boundaryErrors(
      'libs/profiles/src/x.ts',
      "import { MatchingService } from '@mutuals/matching';\nvoid MatchingService;\n",
    );
    expect(errors).toEqual([
      expect.stringMatching(/libs\/profiles may import only @mutuals\/core, @mutuals\/contracts, @mutuals\/identity/),
    ]);
  });

  it('refuses a deep import, by alias or by path', async () => {
    expect(
      await boundaryErrors('libs/identity/src/x.ts', "export { DomainError } from '@mutuals/core/errors/domain-error';\n"),
    ).toHaveLength(1);
    expect(
      await boundaryErrors('libs/matching/src/x.ts', "export { ProfilesService } from '../../profiles/src/profiles.service';\n"),
    ).toHaveLength(1);
    expect(await boundaryErrors('test/e2e/x.e2e-spec.ts', "export { FORUMS } from '../../libs/forums/src/forum-queries';\n")).toHaveLength(
      1,
    );
  });

  it('keeps the matching engine free of other libs and frameworks', async () => {
    expect(await boundaryErrors('libs/matching/src/engine/x.ts', "export { SECTORS } from '@mutuals/profiles';\n")).toHaveLength(1);
    expect(await boundaryErrors('libs/matching/src/engine/x.ts', "export { Injectable } from '@nestjs/common';\n")).toHaveLength(1);
    expect(await boundaryErrors('libs/matching/src/engine/x.ts', "export { MatchingErrors } from '../matching.errors';\n")).toHaveLength(1);
  });

  it('lets through what the map allows', async () => {
    expect(await boundaryErrors('libs/matching/src/x.ts', "export { ProfilesService } from '@mutuals/profiles';\n")).toEqual([]);
    expect(await boundaryErrors('libs/matching/src/engine/x.ts', "export { MATCHING_WEIGHTS } from './weights';\n")).toEqual([]);
    expect(await boundaryErrors('libs/matching/src/engine/x.spec.ts', "export { SCORING_TAXONOMY } from '@mutuals/profiles';\n")).toEqual(
      [],
    );
    expect(
      await boundaryErrors('test/bench/x.bench.ts', "export { THREAD_POSTS_SQL } from '../../libs/forums/src/forum-queries';\n"),
    ).toEqual([]);
    expect(await boundaryErrors('apps/api/src/x.ts', "export { ForumsModule } from '@mutuals/forums';\n")).toEqual([]);
  });

  it('lists every lib of the repository, and the path aliases name exactly those that exist', () => {
    const paths = (
      JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } }
    ).compilerOptions.paths;
    const existing = Object.keys(LIBS).filter((lib) => existsSync(join(root, 'libs', lib, 'src', 'index.ts')));
    expect(Object.keys(paths).sort()).toEqual(existing.map((lib) => `@mutuals/${lib}`).sort());
    for (const lib of existing) expect(paths[`@mutuals/${lib}`]).toEqual([`libs/${lib}/src`]);
  });
});
