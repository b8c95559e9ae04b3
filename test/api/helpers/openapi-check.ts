/**
 * Every `/api` response a test receives, checked against the archive's own OpenAPI document with
 * ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1): the path and status must be documented,
 * the media type must be the documented one, and the body must match its schema. Components
 * are strict (no undocumented property passes).
 */
import type { ExecutionContext } from 'ava';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';

type OpenApi = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
  components: { schemas: Record<string, unknown> };
};

const COMPONENTS_ID = 'https://archive.invalid/openapi/components';

/** `#/components/schemas/X` → the same schema inside one ajv schema of `$defs`. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, key === '$ref' && typeof inner === 'string' ? inner.replace('#/components/schemas/', `${COMPONENTS_ID}#/$defs/`) : rewriteRefs(inner)]),
    );
  }
  return value;
}

export interface OpenApiCheck {
  /** Fails the test unless `response` to GET `url` is what the document says. */
  check(t: ExecutionContext, url: string, response: Response): void;
  /** Fails the test unless `body` is a problem document as the document's `Problem` says (for answers to methods it does not describe). */
  checkProblem(t: ExecutionContext, body: unknown): void;
  /** The OpenAPI path template `url` matches, if any. */
  operationPath(url: string): string | undefined;
}

export function openApiCheck(document: OpenApi): OpenApiCheck {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: rewriteRefs(document.components.schemas) as Record<string, object> });
  const templates = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));
  const operationPath = (url: string) => {
    const { pathname } = new URL(url, 'http://archive.invalid');
    return templates.find(({ pattern }) => pattern.test(pathname))?.template;
  };
  const validators = new Map<string, ReturnType<typeof ajv.compile>>();
  const validateProblem = ajv.compile({ $ref: `${COMPONENTS_ID}#/$defs/Problem` });
  return {
    operationPath,
    checkProblem(t, body) {
      t.true(validateProblem(body), ajv.errorsText(validateProblem.errors, { separator: '\n' }));
    },
    check(t, url, response) {
      const template = operationPath(url);
      if (!template) return void t.fail(`${url} is not in the OpenAPI document`);
      const documented = document.paths[template]!.get!.responses[String(response.status)];
      if (!documented) return void t.fail(`${url} answered ${response.status}, which the document does not list`);
      const type = String(response.headers['content-type'] ?? '').split(';')[0]!.trim();
      const content = documented.content?.[type];
      if (!content) return void t.fail(`${url} answered ${response.status} as ${type}, not as documented (${Object.keys(documented.content ?? {}).join(', ')})`);
      const key = `${template} ${response.status} ${type}`;
      let validate = validators.get(key);
      if (!validate) validators.set(key, (validate = ajv.compile(rewriteRefs(content.schema) as object)));
      const valid = validate(response.body);
      t.true(valid, `${url} → ${response.status}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
    },
  };
}
