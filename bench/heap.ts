/** Peak heap while loading a workspace (argv[2]) in a fresh process: sampled at every file read and at the end. */
import * as yaml from 'yaml';
import { MentorshipStore } from '../src/core/storage/store';
import { provideYaml } from '../src/core/storage/yamlLib';
import { NodeFileSystem } from '../src/platform/nodeFs';

provideYaml(() => yaml);

class SamplingFs extends NodeFileSystem {
  peak = 0;
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().heapUsed);
  }
  override async readFile(path: string): Promise<Uint8Array> {
    this.sample();
    const r = await super.readFile(path);
    this.sample();
    return r;
  }
}

async function main(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  const fs = new SamplingFs();
  const store = new MentorshipStore(fs, process.argv[2]);
  const timer = setInterval(() => fs.sample(), 1);
  await store.loadQuick();
  await store.load();
  clearInterval(timer);
  fs.sample();
  console.log(`mentees=${store.mentees.length} peak_heap_mb=${(fs.peak / 1024 / 1024).toFixed(1)}`);
}

void main();
