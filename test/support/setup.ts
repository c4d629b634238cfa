/** Unit tests and benchmarks hand the `yaml` package to the core directly (the extension loads it lazily). */
import * as yaml from 'yaml';
import { provideYaml } from '../../src/core/storage/yamlLib';

provideYaml(() => yaml);
