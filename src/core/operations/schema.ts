/**
 * Input schemas of the operations: JSON Schema (the subset the store's validator reads, plus
 * `additionalProperties: false`), so one definition serves the check of the input, VS Code's
 * language-model tools and the MCP server. Small builders keep the table readable.
 */
import { validateData } from '../storage/validate';
import { InputError } from '../errors';

export interface JsonSchema {
  type?: 'object' | 'string' | 'integer' | 'number' | 'boolean' | 'array';
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  format?: 'date';
}

export const text = (description: string): JsonSchema => ({ type: 'string', minLength: 1, description });
export const optionalText = (description: string): JsonSchema => ({ type: 'string', description });
export const date = (description: string): JsonSchema => ({ type: 'string', format: 'date', description: `${description} (YYYY-MM-DD)` });
export const int = (description: string, minimum: number, maximum: number): JsonSchema => ({ type: 'integer', minimum, maximum, description });
export const bool = (description: string): JsonSchema => ({ type: 'boolean', description });
export const oneOf = (description: string, values: readonly string[]): JsonSchema => ({ type: 'string', enum: values, description });
export const list = (description: string, items: JsonSchema): JsonSchema => ({ type: 'array', items, description });
export const object = (description: string, properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: 'object',
  description,
  properties,
  required,
  additionalProperties: false,
});

/** "checkIns[0].progress" for a path of the input. */
export function fieldName(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * Checks an input against its schema: the first problem becomes an InputError naming the field and what
 * is wrong ("progress should be from 0 to 100, but it is the number 150"). Unknown fields are refused.
 */
export function checkInput(what: string, input: unknown, schema: JsonSchema): void {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InputError(`${what}: the input should be a set of fields.`);
  }
  const missing = (schema.required ?? []).find((k) => (input as Record<string, unknown>)[k] === undefined || (input as Record<string, unknown>)[k] === null);
  if (missing) {
    throw new InputError(`${what}: '${missing}' is needed (${lowerFirst(schema.properties?.[missing]?.description ?? missing)}).`, missing);
  }
  const unknown = unknownFields(input, schema, []);
  if (unknown) {
    const allowed = Object.keys(unknown.schema.properties ?? {}).join(', ');
    throw new InputError(`${what}: there is no field '${fieldName(unknown.path)}'. The fields are: ${allowed}.`, fieldName(unknown.path));
  }
  const problems = validateData(input, schema as Parameters<typeof validateData>[1]);
  const first = problems.find((p) => p.severity === 'error');
  if (first) {
    const field = fieldName(first.path ?? []);
    throw new InputError(`${what}: ${field ? `${field}: ` : ''}${first.message}`, field || undefined);
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function unknownFields(value: unknown, schema: JsonSchema, path: (string | number)[]): { path: (string | number)[]; schema: JsonSchema } | undefined {
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length; i++) {
      const hit = unknownFields(value[i], schema.items, [...path, i]);
      if (hit) {
        return hit;
      }
    }
  } else if (value && typeof value === 'object' && schema.properties) {
    for (const [k, v] of Object.entries(value)) {
      const sub = schema.properties[k];
      if (!sub) {
        if (schema.additionalProperties === false) {
          return { path: [...path, k], schema };
        }
        continue;
      }
      const hit = unknownFields(v, sub, [...path, k]);
      if (hit) {
        return hit;
      }
    }
  }
  return undefined;
}
