import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

// docker/compose.yaml against the Compose Specification's JSON schema, as dclint (a devDependency)
// ships it: compose-spec/compose-spec's schema/compose-spec.json, so no network is needed.
const SCHEMA = join(dirname(require.resolve('dclint/package.json')), 'schemas/compose.schema.json');
const COMPOSE = join(__dirname, '../../docker/compose.yaml');

function validator() {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;
  // The schema names draft-07 by an https URL ajv does not know by that spelling; its keywords are draft-07's.
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('docker/compose.yaml', () => {
  it('is valid under the Compose Specification schema', () => {
    const validate = validator();
    const compose: unknown = parse(readFileSync(COMPOSE, 'utf8'), { merge: true });
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it('would be refused with a misspelt key (the schema check bites)', () => {
    const validate = validator();
    const compose = parse(readFileSync(COMPOSE, 'utf8'), { merge: true }) as { services: Record<string, Record<string, unknown>> };
    compose.services.redis!.healthchek = compose.services.redis!.healthcheck;
    expect(validate(compose)).toBe(false);
    expect(validate.errors?.map((e) => e.params)).toContainEqual({ additionalProperty: 'healthchek' });
  });
});
