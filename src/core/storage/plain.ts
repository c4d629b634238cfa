/**
 * Plain-data YAML reading, shared by the reader and the write check, so both give one verdict on a file.
 * js-yaml (YAML 1.2 core schema) reads almost every file, about ten times faster than the `yaml` library;
 * valid YAML that it refuses (a tag it does not know, some explicit `?` keys and multi-line flow
 * collections) is read by the `yaml` library instead, which keeps unknown tags as their plain values and
 * says where they are. A file neither can read is refused with js-yaml's message and position.
 */
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { Y } from './yamlLib';

export { YAMLException };

/** A tag the core schema does not know, and the top-level key it stands under. */
export interface ForeignTag {
  key: string | undefined;
  tag: string;
  /** Offset of the tagged node in the text. */
  offset: number;
}

export function loadPlain(text: string): unknown {
  return readPlain(text).data;
}

export function readPlain(text: string): { data: unknown; foreignTags: ForeignTag[] } {
  try {
    return { data: load(text, { schema: CORE_SCHEMA }), foreignTags: [] };
  } catch (e) {
    if (!(e instanceof YAMLException)) {
      throw e;
    }
    const second = readWithYamlLibrary(text);
    if (second) {
      return second;
    }
    throw e;
  }
}

function readWithYamlLibrary(text: string): { data: unknown; foreignTags: ForeignTag[] } | undefined {
  const lib = Y();
  const docs = lib.parseAllDocuments(text, { merge: true, uniqueKeys: true, strict: true, prettyErrors: false, logLevel: 'error' });
  if (!Array.isArray(docs) || docs.length !== 1 || docs[0].errors.length > 0) {
    return undefined;
  }
  const doc = docs[0];
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
  const pairs = lib.isMap(doc.contents) ? doc.contents.items : [];
  const foreignTags = doc.warnings
    .filter((w) => w.code === 'TAG_RESOLVE_FAILED')
    .map((w) => {
      const offset = w.pos[0];
      const pair = pairs.find((p) => {
        const from = (p.key as { range?: [number, number, number] } | null)?.range?.[0];
        const to = (p.value as { range?: [number, number, number] } | null)?.range?.[2];
        return from !== undefined && to !== undefined && from <= offset && offset <= to;
      });
      const key = pair && lib.isScalar(pair.key) ? String(pair.key.value) : undefined;
      return { key, tag: /^!\S*/.exec(text.slice(offset))?.[0] ?? '!', offset };
    });
  return { data, foreignTags };
}
