// Which @mutuals/contracts type each request DTO class implements, read from the sources
// (`class CreateThreadDto implements CreateForumThreadRequest`), so that a request body is
// documented as the contracts type without naming it twice.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const ROOTS = ['libs', 'apps/api/src'].map((folder) => resolve(__dirname, '../..', folder));

function* typeScriptFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* typeScriptFiles(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) yield path;
  }
}

interface DtoClass {
  implementsTypes: string[];
  extendsClass: string | null;
  files: string[];
}

/** Class name -> the contracts type expression it implements (its own, or its base class's). */
export function dtoContracts(): Map<string, string> {
  const classes = new Map<string, DtoClass>();
  for (const root of ROOTS) {
    for (const path of typeScriptFiles(root)) {
      const text = readFileSync(path, 'utf8');
      if (!/\bclass\b/.test(text)) continue;
      const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, false);
      for (const statement of source.statements) {
        if (!ts.isClassDeclaration(statement) || !statement.name) continue;
        const clause = (token: ts.SyntaxKind) => statement.heritageClauses?.find((heritage) => heritage.token === token)?.types ?? [];
        const name = statement.name.text;
        const known = classes.get(name);
        classes.set(name, {
          implementsTypes: clause(ts.SyntaxKind.ImplementsKeyword).map((type) => type.getText(source)),
          extendsClass: clause(ts.SyntaxKind.ExtendsKeyword)[0]?.expression.getText(source) ?? null,
          files: [...(known?.files ?? []), path],
        });
      }
    }
  }
  const contractOf = (name: string, seen = new Set<string>()): string | null => {
    const dto = classes.get(name);
    if (!dto || seen.has(name) || dto.files.length > 1) return null;
    if (dto.implementsTypes.length > 0) return dto.implementsTypes.join(' & ');
    return dto.extendsClass ? contractOf(dto.extendsClass, seen.add(name)) : null;
  };
  const result = new Map<string, string>();
  for (const name of classes.keys()) {
    const contract = contractOf(name);
    if (contract) result.set(name, contract);
  }
  return result;
}
