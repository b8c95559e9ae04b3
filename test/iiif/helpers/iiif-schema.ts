/**
 * The IIIF Presentation 3 JSON Schema (test/fixtures/iiif) as the tests apply it: through ajv
 * with every format checked (date-time as the XSD 1.1 dateTime the specification names; see the
 * fixtures' README), and through the IIIF validator's own Python call.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

const here = path.dirname(fileURLToPath(import.meta.url));
export const IIIF_FIXTURES = path.join(here, '..', '..', 'fixtures', 'iiif');
export const SCHEMA_FILE = path.join(IIIF_FIXTURES, 'iiif_3_0.json');
export const VALIDATOR_FIXTURES = path.join(IIIF_FIXTURES, 'validator-fixtures');

/** XSD 1.1 dateTime (year 0000 allowed, a minus before the common era, 4+ digits), with the time zone IIIF requires. */
export const XSD_DATE_TIME = /^-?(?:[1-9]\d{3,}|0\d{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?|24:00:00(?:\.0+)?)(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))$/;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
ajv.addFormat('date-time', XSD_DATE_TIME);
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);

/** Every schema error of `document` (none for a valid one), one line each. */
export function schemaErrors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'} ${error.message ?? ''} (${error.schemaPath})`);
}

/** The validator fixture `name` (without .json). */
export function validatorFixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(VALIDATOR_FIXTURES, `${name}.json`), 'utf8'));
}

/**
 * The number of errors the IIIF Presentation Validator's own check finds in each document:
 * Python `jsonschema.Draft7Validator(schema).iter_errors(document)` (Debian python3-jsonschema),
 * all documents in one run.
 */
export function officialValidatorErrorCounts(documents: Record<string, unknown>): Record<string, number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'iiif-validate-'));
  try {
    const file = path.join(dir, 'documents.json');
    writeFileSync(file, JSON.stringify(documents));
    const script = [
      'import json, sys',
      'from jsonschema import Draft7Validator',
      'schema = json.load(open(sys.argv[1]))',
      'documents = json.load(open(sys.argv[2]))',
      'validator = Draft7Validator(schema)',
      'print(json.dumps({name: len(list(validator.iter_errors(document))) for name, document in documents.items()}))',
    ].join('\n');
    return JSON.parse(execFileSync('python3', ['-c', script, SCHEMA_FILE, file], { encoding: 'utf8' })) as Record<string, number>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
