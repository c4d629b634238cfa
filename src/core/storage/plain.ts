/** Plain-data YAML reading with js-yaml (YAML 1.2 core schema), shared by the reader and the edit check. */
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';

export { YAMLException };

export function loadPlain(text: string): unknown {
  return load(text, { schema: CORE_SCHEMA });
}
