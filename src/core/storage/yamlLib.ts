/**
 * The `yaml` library (Document API: comment-preserving edits, node positions) is large, and only needed
 * to write a file or to point at the line of a problem. The host provides it: the extension loads it
 * from a separate bundle on first use, tests and benchmarks pass the package itself. Reading files uses
 * the much faster js-yaml (see parse.ts).
 */
import type * as Yaml from 'yaml';

export type YamlLib = typeof Yaml;

let loader: (() => YamlLib) | undefined;
let lib: YamlLib | undefined;

export function provideYaml(load: () => YamlLib): void {
  loader = load;
  lib = undefined;
}

export function Y(): YamlLib {
  if (!lib) {
    if (!loader) {
      throw new Error('Mentorship: the YAML library was not provided (call provideYaml first).');
    }
    lib = loader();
  }
  return lib;
}
