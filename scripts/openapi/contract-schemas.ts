// JSON Schemas of @mutuals/contracts types, made at document-generation time by
// ts-json-schema-generator, so that the document describes the very types the api returns and the
// web client reads. Each operation names its types as TypeScript expressions ('MeetingView[]',
// 'Page<ForumThreadSummary>'); they are written into one scratch module that imports those names
// from the contracts and type-checked there, so a misspelt name fails with the operation named.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { DEFAULT_CONFIG, SchemaGenerator, createFormatter, createParser, type CompletedConfig } from 'ts-json-schema-generator';

const CONTRACTS = resolve(__dirname, '../../libs/contracts/src');
const ROOT_TYPE = 'ContractTypesOfTheDocument';
/** Names a type expression may use that are TypeScript's own, not exports of the contracts. */
const BUILT_IN = new Set(['Array', 'Partial', 'Required', 'Readonly', 'Pick', 'Omit', 'Record', 'NonNullable', 'Exclude', 'Extract']);

export type JsonSchema = Record<string, unknown>;

export interface ContractSchemas {
  /** The schema of each requested expression, by the caller's key; `$ref`s point into `components`. */
  byKey: Map<string, JsonSchema>;
  /** Every named contracts type those schemas reach, by OpenAPI component name. */
  components: Record<string, JsonSchema>;
}

export class ContractTypeError extends Error {}

/** OpenAPI component names allow [A-Za-z0-9._-]: 'Page<ForumThreadSummary>' becomes 'Page_ForumThreadSummary'. */
function componentName(definition: string): string {
  return decodeURIComponent(definition)
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/_+$/, '');
}

/** `#/definitions/X` becomes `#/components/schemas/X`, everywhere in a schema. */
function relinked(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relinked);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/definitions/')
        ? [key, `#/components/schemas/${componentName(inner.slice('#/definitions/'.length))}`]
        : [key, relinked(inner)],
    ),
  );
}

/** Schemas for `expressions` (key -> TypeScript type expression over the contracts' exports). */
export function contractSchemas(expressions: Map<string, string>): ContractSchemas {
  const names = new Set<string>();
  for (const expression of expressions.values()) {
    for (const [name] of expression.matchAll(/\b[A-Z][A-Za-z0-9]*\b/g)) if (!BUILT_IN.has(name)) names.add(name);
  }
  const keys = [...expressions.keys()];
  const directory = mkdtempSync(join(__dirname, '.contract-types-'));
  const file = join(directory, 'types.ts');
  const contracts = relative(directory, CONTRACTS).replace(/\\/g, '/');
  writeFileSync(
    file,
    [
      `import type { ${[...names].sort().join(', ')} } from '${contracts}';`,
      `export interface ${ROOT_TYPE} {`,
      ...keys.map((key, index) => `  ${JSON.stringify(`k${index}`)}: ${expressions.get(key)};`),
      '}',
      '',
    ].join('\n'),
  );
  try {
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      types: [],
      lib: ['lib.es2022.d.ts'],
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
    });
    const source = program.getSourceFile(file)!;
    const problems = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    if (problems.length > 0) {
      const lines = problems.map((diagnostic) => {
        const line = diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line;
        const key = keys[line - 2] ?? '(imports)';
        return `  ${key}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
      });
      throw new ContractTypeError(`Types that @mutuals/contracts does not describe:\n${[...new Set(lines)].join('\n')}`);
    }
    const config: CompletedConfig = {
      ...DEFAULT_CONFIG,
      path: file,
      type: ROOT_TYPE,
      expose: 'export',
      jsDoc: 'extended',
      topRef: true,
      skipTypeCheck: true,
    };
    const generated = new SchemaGenerator(program, createParser(program, config), createFormatter(config), config).createSchema(ROOT_TYPE);
    const definitions = generated.definitions as Record<string, JsonSchema>;
    const root = definitions[ROOT_TYPE] as { properties: Record<string, JsonSchema> };
    const byKey = new Map(keys.map((key, index) => [key, relinked(root.properties[`k${index}`]) as JsonSchema]));
    const components = Object.fromEntries(
      Object.entries(definitions)
        .filter(([name]) => name !== ROOT_TYPE)
        .map(([name, schema]) => [componentName(name), relinked(schema) as JsonSchema]),
    );
    return { byKey, components };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
