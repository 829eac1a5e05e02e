/**
 * Request validation with Ajv, and Ajv's errors turned into one readable sentence per problem
 * (`label must be a string`, `connections should not be empty`).
 *
 * Bodies are validated strictly (no type coercion, unknown fields rejected); query strings and path
 * parameters arrive as text, so those are coerced (`?page=2` → 2).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext resolution.
const addFormats = addFormatsImport as unknown as typeof addFormatsImport.default;

/** Schema keyword carrying the sentence to show when a `pattern` does not match. */
export const PATTERN_MESSAGE_KEYWORD = 'x-pattern-message';

function createAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes: coerce ? 'array' : false,
    removeAdditional: false,
    useDefaults: true,
    verbose: true,
    strict: 'log',
  });
  addFormats(ajv, ['email', 'date-time']);
  ajv.addKeyword({ keyword: PATTERN_MESSAGE_KEYWORD, schemaType: 'string' });
  return ajv;
}

/**
 * A schema compiler with Ajv instances of its own (one per app, so compiled schemas go when the app goes):
 * strict for bodies, coercing for query strings and path parameters.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const strictAjv = createAjv(false);
  const coercingAjv = createAjv(true);
  return ({ schema, httpPart }) => {
    if (httpPart === 'body') return strictAjv.compile(schema as object) as ValidateFunction;
    return rejectNonFinite(coercingAjv.compile(schema as object), schema as ObjectSchema);
  };
}

/**
 * Text coerced to a number can overflow to ±Infinity ("1e400"), which Ajv's range keywords let through;
 * such a value is refused as out of range instead of reaching a query.
 */
interface ObjectSchema {
  properties?: Record<string, { minimum?: number; maximum?: number }>;
}

function rejectNonFinite(validate: ValidateFunction, schema: ObjectSchema): ValidateFunction {
  const wrapped = ((data: unknown) => {
    if (!validate(data)) {
      wrapped.errors = validate.errors;
      return false;
    }
    const entries = data !== null && typeof data === 'object' ? Object.entries(data) : [];
    const bad = entries.filter(([, value]) => typeof value === 'number' && !Number.isFinite(value));
    wrapped.errors = bad.map(([name, value]) => {
      const { minimum, maximum } = schema.properties?.[name] ?? {};
      const [keyword, limit] = (value as number) > 0 ? ['maximum', maximum] : ['minimum', minimum];
      return limit === undefined
        ? {
            instancePath: `/${name}`,
            schemaPath: '#/finite',
            keyword: 'finite',
            params: {},
            message: 'must be a finite number',
          }
        : { instancePath: `/${name}`, schemaPath: `#/${keyword}`, keyword, params: { limit }, message: '' };
    });
    return bad.length === 0;
  }) as ValidateFunction;
  return wrapped;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

/** `/connections/0` → `connections[0]`; the empty path names the part itself (`body`). */
function fieldName(instancePath: string, part: string): string {
  if (instancePath === '') return part;
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (name, segment) =>
        /^\d+$/.test(segment) ? `${name}[${segment}]` : name ? `${name}.${segment}` : segment,
      '',
    );
}

function describe(error: ErrorObject, part: string): string {
  const name = fieldName(error.instancePath, part);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${fieldName(`${error.instancePath}/${String(params.missingProperty)}`, part)} is required`;
    case 'additionalProperties':
      return `property ${String(params.additionalProperty)} should not exist`;
    case 'type': {
      const types = String(params.type).split(',');
      if (name === 'body' && types.includes('object')) return 'request body must be a JSON object';
      return `${name} must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}`;
    }
    case 'minLength':
      return params.limit === 1
        ? `${name} should not be empty`
        : `${name} must be at least ${params.limit} characters`;
    case 'maxLength':
      return `${name} must be at most ${params.limit} characters`;
    case 'minItems':
      return params.limit === 1
        ? `${name} should not be empty`
        : `${name} must contain at least ${params.limit} items`;
    case 'maxItems':
      return `${name} must contain at most ${params.limit} items`;
    case 'uniqueItems':
      return `${name} must not contain duplicates`;
    case 'minimum':
      return `${name} must not be less than ${params.limit}`;
    case 'maximum':
      return `${name} must not be greater than ${params.limit}`;
    case 'enum':
      return `${name} must be one of: ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'const':
      return `${name} must be ${JSON.stringify(params.allowedValue)}`;
    case 'format':
      return params.format === 'email'
        ? `${name} must be an email address`
        : params.format === 'date-time'
          ? `${name} must be an ISO-8601 date-time with a time zone, e.g. 2030-01-31T09:00:00Z`
          : `${name} must be a valid ${String(params.format)}`;
    case 'pattern': {
      const custom = (error.parentSchema as Record<string, unknown> | undefined)?.[PATTERN_MESSAGE_KEYWORD];
      return typeof custom === 'string' ? `${name} ${custom}` : `${name} has an invalid format`;
    }
    default:
      return `${name} ${error.message ?? 'is invalid'}`;
  }
}

/**
 * Turns Ajv's errors into distinct sentences. Errors from branches of `anyOf` (e.g. "string or null")
 * collapse into the branch's own message so the caller sees one line per problem.
 */
export function validationMessages(errors: readonly ErrorObject[], part: string): string[] {
  // A value of the wrong type also fails its enum/format/pattern; the type message alone says what to fix.
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const messages = errors
    .filter((e) => e.keyword !== 'anyOf' && !(e.keyword !== 'type' && wrongType.has(e.instancePath)))
    .map((e) => describe(e, part));
  return [...new Set(messages)];
}
