/**
 * Schemas shared by routes: the envelope, ids and the objects the API returns. The same schemas
 * validate requests, serialise responses and produce the OpenAPI document.
 */
import { type TSchema, Type } from '@sinclair/typebox';
import { ROLE_KEYS } from '../auth/permissions.js';

/** A nullable value as one JSON Schema type list, so a wrong value yields one clear message. */
export const Nullable = <T extends TSchema>(schema: T) =>
  Type.Unsafe<T['static'] | null>({ ...schema, type: [schema.type as string, 'null'] });

/**
 * Text a person writes: 1…`maxLength` characters, not only whitespace, valid Unicode (no lone UTF-16
 * surrogate, which the database would silently turn into U+FFFD) and no null character (PostgreSQL
 * cannot store one in text). Such text is refused here rather than changed or failing later.
 */
export const FreeText = (maxLength: number, description?: string) =>
  Type.String({
    minLength: 1,
    maxLength,
    description,
    allOf: [
      // Empty passes this pattern so that case gets the plainer minLength message alone.
      { pattern: '^$|\\S', 'x-pattern-message': 'should not be blank' },
      // Patterns run with the u flag: a surrogate pair is one code point and passes; a lone surrogate does not.
      {
        pattern: '^[^\\u0000\\uD800-\\uDFFF]*$',
        'x-pattern-message': 'must be valid Unicode text without null characters (\\u0000)',
      },
    ],
  });

/** One character of an email address: no space, no @, no control character. */
const EMAIL_PART = '[^\\s@\\x00-\\x1f\\x7f]';
/** The shape of an email address, tolerating the spaces a paste brings (callers trim). */
export const EMAIL_PATTERN = `^\\s*${EMAIL_PART}+@${EMAIL_PART}+\\.${EMAIL_PART}+\\s*$`;

/**
 * An email address as people type or paste it: surrounding spaces are tolerated (and trimmed by the
 * service); control characters are not (PostgreSQL cannot store a null byte in text).
 */
export const EmailAddress = Type.String({
  maxLength: 254,
  pattern: EMAIL_PATTERN,
  'x-pattern-message': 'must be an email address, e.g. ada@example.com',
});

export const IsoDateTime = Type.String({ format: 'date-time', description: 'ISO-8601 UTC' });
export const RoleKey = Type.Union(
  ROLE_KEYS.map((r) => Type.Literal(r)),
  { description: 'Role in the workspace' },
);
/** As an enum rather than a union, so a wrong value is reported once with the allowed values. */
export const roleKeyEnum = (roles: readonly string[]) =>
  Type.Unsafe<string>({ type: 'string', enum: [...roles] });

/** `{ success: true, data }` around a result schema. */
export const Envelope = <T extends TSchema>(data: T) => Type.Object({ success: Type.Literal(true), data });
export const NullEnvelope = Envelope(Type.Null());

export const WorkspaceParams = Type.Object({ id: Type.String({ description: 'Workspace id (ws_…)' }) });

export const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
});

export const Workspace = Type.Object({
  id: Type.String(),
  name: Type.String(),
  tier: Type.String(),
  createdAt: Type.String(),
});

export const ApiKey = Type.Object({
  id: Type.String(),
  label: Type.String(),
  hint: Type.String({ description: 'First and last characters of the key, e.g. sk_4b73…9e1b' }),
  workspaceId: Type.String(),
  createdBy: Type.Object({ userId: Type.String(), email: Type.String(), name: Type.String() }),
  roleKey: Nullable(Type.String({ description: "The creator's role now; null when inactive" })),
  status: Type.Union([Type.Literal('active'), Type.Literal('inactive')]),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
});
