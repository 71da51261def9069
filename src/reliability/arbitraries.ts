/**
 * Inputs for the fuzzing and the authorization matrix, generated from the JSON schemas of the OpenAPI
 * document (what Zod 4 emits for our routes: objects, strings with lengths, patterns, formats and
 * enums, integers and numbers, booleans, arrays, nullable values and unions).
 *
 * `valid` inputs satisfy the schema, so that a request reaches the handler and its rules. `hostile`
 * inputs mix in what people and attackers really send: decomposed Hangul, zero-width and
 * bidirectional control characters, emoji, very long strings, lone surrogates, NUL, spreadsheet
 * formulas (`=`, `+`, `-`, `@`), wrong types, missing and unknown fields.
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

export type Mode = 'valid' | 'hostile';

/** Strings that break naive code: each names what it probes. */
export const hostileStrings: readonly string[] = [
  '\u1100\u1161\u11a8\u1100\u116e\u11a8', // 각국 as decomposed jamo (NFD), as macOS sends it
  '인\u200b권', // zero-width space inside a word
  '\u200d\u200c\ufeff', // zero-width joiner, non-joiner, BOM
  '\u202eabc\u202c', // right-to-left override
  '\u2066\u2067x\u2069', // bidirectional isolates
  '\u0627\u0644\u0639\u0631\u0628\u064a\u0629', // right-to-left script
  '👩‍👩‍👧‍👦', // one grapheme of seven code points
  '🏳️‍🌈 인권',
  '=HYPERLINK("http://attacker.example","click")',
  "=cmd|'/c calc'!A1",
  '+1+1',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\ud800', // lone surrogate
  'a\udfffb',
  '\u0000', // NUL: PostgreSQL cannot store it
  "' or '1'='1' --",
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '%2e%2e%2f',
  '\r\n\r\nX-Injected: 1',
  ' ',
  '',
  'null',
  '{"a":1}',
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...hostileStrings) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...hostileStrings), fc.string({ maxLength: 8 }))
      .map(([bad, text]) => `${text}${bad}${text}`),
  },
  // Longer than any limit we set on a field, still under the body limit.
  { weight: 1, arbitrary: fc.constantFrom('가', 'a', '👍').map((unit) => unit.repeat(20_000)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** Any JSON value: the wrong type for a field. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53, '', [], {}),
  fc.jsonValue({ maxDepth: 2 }),
);

function types(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  return [];
}

/**
 * Strings that match `pattern`. fast-check cannot generate from lookaheads (`(?!//)` in a "path of
 * this site"): those are left out of the generator, and what it makes is then filtered by the whole
 * pattern.
 */
function matching(pattern: string): fc.Arbitrary<string> {
  const full = new RegExp(pattern);
  const withoutLookarounds = pattern.replace(/\(\?<?[=!](?:\[[^\]]*\]|\\.|[^()])*\)/g, '');
  if (withoutLookarounds === pattern) return fc.stringMatching(full);
  return fc.stringMatching(new RegExp(withoutLookarounds)).filter((value) => full.test(value));
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 40, Math.max(minLength, 40));
  let arbitrary: fc.Arbitrary<string>;
  if (schema.format === 'uuid') arbitrary = fc.uuid({ version: 4 });
  else if (schema.format === 'date-time') {
    arbitrary = fc
      .date({
        min: new Date('1990-01-01T00:00:00Z'),
        max: new Date('2100-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString());
  } else if (schema.format === 'email') {
    // Plain local parts and domains: what the email pattern and its length limit both accept.
    arbitrary = fc
      .tuple(fc.stringMatching(/^[a-z0-9]{1,20}$/), fc.stringMatching(/^[a-z]{1,12}$/))
      .map(([local, domain]) => `${local}@${domain}.example`);
  } else if (schema.pattern) arbitrary = matching(schema.pattern);
  else {
    // Free text: ordinary words, and the hostile strings that fit the field's limits (they pass the
    // schema, so they reach the database, the audit trail and the exports).
    arbitrary = fc.oneof(
      fc.string({ minLength, maxLength }),
      fc.constantFrom('인권', '광주광역시 인권옴부즈맨', 'Human rights city', '5·18 민주화운동'),
      hostileString,
    );
  }
  return arbitrary.filter(
    (value) => value.length >= minLength && value.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY),
  );
}

// fast-check's integers are 32-bit; the schemas' bounds (Number.MAX_SAFE_INTEGER) are clamped to that.
const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

function validNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = Math.max(
    schema.minimum ?? int32.min,
    schema.exclusiveMinimum === undefined ? int32.min : schema.exclusiveMinimum + 1,
    int32.min,
  );
  const max = Math.min(
    schema.maximum ?? int32.max,
    schema.exclusiveMaximum === undefined ? int32.max : schema.exclusiveMaximum - 1,
    int32.max,
  );
  // Small values are the ones that meet real records (versions, article numbers).
  const small = fc.integer({ min: Math.max(min, Math.min(1, max)), max: Math.min(max, Math.max(min, 5)) });
  const any = integer
    ? fc.integer({ min, max })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(small, any);
}

/** An arbitrary for values of `schema`. */
export function fromSchema(schema: JsonSchema, mode: Mode): fc.Arbitrary<unknown> {
  const valid = validValue(schema, mode);
  if (mode === 'valid') return valid;
  return fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: wrongType });
}

/** Half valid (the handler runs), half hostile (the validation and the error handling run). */
export function inputOf(schema: JsonSchema): fc.Arbitrary<unknown> {
  return fc.oneof(fromSchema(schema, 'valid'), fromSchema(schema, 'hostile'));
}

function validValue(schema: JsonSchema, mode: Mode): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((variant) => fromSchema(variant, mode)));
  const kinds = types(schema);
  if (kinds.length > 1) {
    return fc.oneof(...kinds.map((type) => fromSchema({ ...schema, type }, mode)));
  }
  switch (kinds[0]) {
    case 'string':
      return mode === 'valid'
        ? validString(schema)
        : fc.oneof({ weight: 3, arbitrary: validString(schema) }, { weight: 1, arbitrary: hostileString });
    case 'integer':
      return validNumber(schema, true);
    case 'number':
      return validNumber(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fromSchema(schema.items ?? {}, mode), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      });
    case 'object':
      return objectOf(schema, mode);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function objectOf(schema: JsonSchema, mode: Mode): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  const record = fc.record(
    Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, fromSchema(value, mode)])),
    { requiredKeys: required.filter((key) => key in properties) },
  ) as fc.Arbitrary<Record<string, unknown>>;
  if (mode === 'valid') return record;
  return fc.oneof(
    { weight: 6, arbitrary: record },
    // A required field missing, or a field the strict schema does not know.
    {
      weight: 1,
      arbitrary: fc
        .tuple(record, fc.constantFrom(...(required.length > 0 ? required : ['x'])))
        .map(([value, key]) => Object.fromEntries(Object.entries(value).filter(([name]) => name !== key))),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(record, fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'role', 'id'), wrongType)
        .map(([value, key, extra]) => ({ ...value, [key]: extra })),
    },
  );
}
