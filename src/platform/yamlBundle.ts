/** Entry of dist/yaml.js: the `yaml` library as its own bundle, loaded on the first edit (see core/yamlLib). */
export * from 'yaml';
