// Compiles the mail layout's MJML (libs/notifications/src/mail/templates/layout-source.ts) into
// layout.compiled.ts, which the server uses, so that the server never loads MJML.
//   npm run mail:layout            write it
//   npm run mail:layout -- --check fail when the committed file is not what the source compiles to
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mjml2html from 'mjml';
import { MAIL_LAYOUT_MJML } from '../libs/notifications/src/mail/templates/layout-source';

const target = join(__dirname, '../libs/notifications/src/mail/templates/layout.compiled.ts');

export async function compiledLayoutModule(): Promise<string> {
  const result = await mjml2html(MAIL_LAYOUT_MJML, { validationLevel: 'strict', minify: false });
  return [
    '// Written by `npm run mail:layout` from layout-source.ts; edit the source and run it again.',
    `export const COMPILED_MAIL_LAYOUT = ${JSON.stringify(result.html)};`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const expected = await compiledLayoutModule();
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== expected) {
      console.error('libs/notifications/src/mail/templates/layout.compiled.ts is out of date: run npm run mail:layout');
      process.exit(1);
    }
    return;
  }
  writeFileSync(target, expected);
  console.log('wrote libs/notifications/src/mail/templates/layout.compiled.ts');
}

if (require.main === module) void main();
