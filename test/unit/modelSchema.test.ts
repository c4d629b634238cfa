/**
 * The model (src/core/domain/model.ts) and the schemas (schemas/*.schema.json) describe the same files:
 * every field of each is in the other, with the same type. A new field needs both; this test says which
 * one is missing. The model is read with the TypeScript compiler, the schema as JSON.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  $ref?: string;
  definitions?: Record<string, Schema>;
}

/** A type as both sides can say it: "string", "number", "boolean", "string[]", "enum(a|b)", "object:Name". */
type Shape = string;

const source = ts.createSourceFile('model.ts', readFileSync(path.join(ROOT, 'src', 'core', 'domain', 'model.ts'), 'utf8'), ts.ScriptTarget.ES2022, true);
const interfaces = new Map<string, ts.InterfaceDeclaration>();
const aliases = new Map<string, ts.TypeAliasDeclaration>();
source.forEachChild((n) => {
  if (ts.isInterfaceDeclaration(n)) {
    interfaces.set(n.name.text, n);
  } else if (ts.isTypeAliasDeclaration(n)) {
    aliases.set(n.name.text, n);
  }
});

function shapeOfType(t: ts.TypeNode): Shape[] {
  if (ts.isUnionTypeNode(t)) {
    const parts = t.types.flatMap(shapeOfType);
    const literals = parts.filter((p) => p.startsWith('"'));
    const rest = parts.filter((p) => !p.startsWith('"'));
    return [...(literals.length ? [`enum(${literals.map((l) => l.slice(1, -1)).sort().join('|')})`] : []), ...rest];
  }
  if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) {
    return [`"${t.literal.text}"`];
  }
  if (ts.isArrayTypeNode(t)) {
    return shapeOfType(t.elementType).map((s) => `${s}[]`);
  }
  if (t.kind === ts.SyntaxKind.StringKeyword) {
    return ['string'];
  }
  if (t.kind === ts.SyntaxKind.NumberKeyword) {
    return ['number'];
  }
  if (t.kind === ts.SyntaxKind.BooleanKeyword) {
    return ['boolean'];
  }
  if (ts.isTypeReferenceNode(t)) {
    const name = t.typeName.getText(source);
    const alias = aliases.get(name);
    if (alias) {
      return shapeOfType(alias.type);
    }
    if (interfaces.has(name)) {
      return [`object:${name}`];
    }
  }
  return [`?${t.getText(source)}`];
}

function modelFields(name: string): Map<string, Shape> {
  const decl = interfaces.get(name);
  assert.ok(decl, `model.ts has no interface ${name}`);
  const out = new Map<string, Shape>();
  for (const m of decl.members) {
    if (ts.isPropertySignature(m) && m.type) {
      out.set(m.name.getText(source), shapeOfType(m.type).sort().join(' | '));
    }
  }
  return out;
}

function resolve(s: Schema, root: Schema): Schema {
  return s.$ref ? { ...resolve(root.definitions?.[s.$ref.replace('#/definitions/', '')] ?? {}, root), ...s, $ref: undefined, type: s.type ?? resolve(root.definitions?.[s.$ref.replace('#/definitions/', '')] ?? {}, root).type } : s;
}

/** The schema's shape of a field; objects are named by the interface the model gives that field. */
function schemaShape(s0: Schema, root: Schema, modelShape: Shape): Shape {
  const s = resolve(s0, root);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (s.enum && types.every((t) => t === 'string')) {
    return `enum(${s.enum.map(String).sort().join('|')})`;
  }
  const one = (t: string): Shape => {
    switch (t) {
      case 'string':
        return 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'object':
        return modelShape.replace(/\[\]$/, '').startsWith('object:') ? modelShape.replace(/\[\]$/, '') : 'object';
      case 'array': {
        const item = s.items ? schemaShape(s.items, root, modelShape.replace(/\[\]$/, '')) : '?';
        return `${item}[]`;
      }
      default:
        return `?${t}`;
    }
  };
  return types.map(one).sort().join(' | ');
}

/** Compares one interface with one schema object, then the objects inside, recursively. */
function compare(name: string, schema: Schema, root: Schema, problems: string[], seen = new Set<string>()): void {
  if (seen.has(name)) {
    return;
  }
  seen.add(name);
  const model = modelFields(name);
  const props = resolve(schema, root).properties ?? {};
  for (const key of Object.keys(props)) {
    if (!model.has(key)) {
      problems.push(`${name}.${key} is in the schema, not in the model`);
    }
  }
  for (const [key, shape] of model) {
    const s = props[key];
    if (!s) {
      problems.push(`${name}.${key} is in the model, not in the schema`);
      continue;
    }
    const theirs = schemaShape(s, root, shape);
    // `version: number` against `integer` with an enum of [1] reads as a number.
    const ours = shape;
    if (theirs !== ours && !(ours === 'number' && /^enum\(/.test(theirs))) {
      problems.push(`${name}.${key}: the model says ${ours}, the schema ${theirs}`);
    }
    const inner = /^object:(\w+)(\[\])?$/.exec(ours);
    if (inner) {
      const sub = resolve(s, root);
      compare(inner[1], inner[2] ? (sub.items ?? {}) : sub, root, problems, seen);
    }
  }
}

describe('the model and the schemas agree', () => {
  for (const [iface, file] of [
    ['Mentee', 'mentee.schema.json'],
    ['MentorProfile', 'mentor.schema.json'],
  ] as const) {
    it(`${iface} and schemas/${file}: every field of each is in the other, with the same type`, () => {
      const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', file), 'utf8')) as Schema;
      const problems: string[] = [];
      compare(iface, schema, schema, problems);
      assert.deepEqual(problems, []);
    });
  }

  it('the comparison sees a field that is only on one side, and a type that differs', () => {
    const schema: Schema = { properties: { version: { type: 'integer' }, name: { type: 'number' }, extra: { type: 'string' } } };
    const problems: string[] = [];
    compare('MentorProfile', schema, schema, problems);
    assert.ok(problems.includes('MentorProfile.extra is in the schema, not in the model'), problems.join('\n'));
    assert.ok(problems.includes('MentorProfile.name: the model says string, the schema number'), problems.join('\n'));
    assert.ok(problems.includes('MentorProfile.strengths is in the model, not in the schema'), problems.join('\n'));
  });
});
