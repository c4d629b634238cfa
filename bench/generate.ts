/**
 * Seeded generator of realistic mentorship workspaces for the benchmarks: hand-written-looking YAML with
 * comments, block scalars and flow lists, so the store's real paths are measured.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'test coverage review design api refactor deploy pipeline latency cache queue schema migration incident postmortem pairing ownership estimate scope feedback naming module boundary contract fixture mock flaky retry timeout index query logging metrics alert dashboard onboarding documentation release rollback feature flag accessibility performance security dependency upgrade'.split(
    ' ',
  );
const FIRST = ['Ana', 'Bo', 'Chen', 'Dara', 'Eli', 'Femi', 'Gus', 'Hana', 'Ivo', 'Jo', 'Kai', 'Lena', 'Mo', 'Nia', 'Omar', 'Pia', 'Quinn', 'Rui', 'Sia', 'Tom'];
const LAST = ['Souza', 'Nair', 'Chen', 'de Vries', 'Okafor', 'Jansen', 'Kowalski', 'Haddad', 'Ito', 'Berg'];
const KINDS = ['praise', 'suggestion', 'issue', 'question', 'nitpick', 'thought'];

function pick<T>(r: () => number, list: T[]): T {
  return list[Math.floor(r() * list.length)];
}
function sentence(r: () => number, min = 5, max = 14): string {
  const n = min + Math.floor(r() * (max - min));
  const w = Array.from({ length: n }, () => pick(r, WORDS));
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return w.join(' ') + '.';
}
function date(r: () => number, from = Date.UTC(2025, 0, 1), span = 680): string {
  return new Date(from + Math.floor(r() * span) * 86_400_000).toISOString().slice(0, 10);
}
function q(s: string): string {
  return JSON.stringify(s);
}

export interface Shape {
  goals: number;
  sessions: number;
  feedback: number;
}

export function menteeYaml(r: () => number, i: number, shape: Shape): string {
  const name = `${pick(r, FIRST)} ${pick(r, LAST)} ${i}`;
  const lines: string[] = [
    `# ${name} — generated for benchmarks`,
    'version: 1',
    `name: ${q(name)}`,
    `role: ${pick(r, ['Backend engineer', 'Frontend engineer', 'SRE', 'Data engineer'])}`,
    `since: ${date(r, Date.UTC(2024, 0, 1), 300)}`,
    `status: ${r() < 0.85 ? 'active' : pick(r, ['paused', 'closed'])}`,
    `cadence: ${pick(r, ['weekly', 'biweekly', 'monthly', 'every 10 days'])}`,
    'usualDuration: 45',
    `focus: [${pick(r, WORDS)}, ${pick(r, WORDS)}]`,
    '',
    'goals:',
  ];
  for (let g = 0; g < shape.goals; g++) {
    lines.push(
      `  - id: g-${g}`,
      `    title: ${q(sentence(r, 3, 7))}`,
      `    specific: ${q(sentence(r))}`,
      `    measurable: ${q(sentence(r))}`,
      `    achievable: ${q(sentence(r))}`,
      `    relevant: ${q(sentence(r))}`,
      `    due: ${date(r)}`,
      `    status: ${pick(r, ['active', 'active', 'done', 'dropped'])}`,
      `    progress: ${Math.floor(r() * 101)}`,
      `    owner: ${pick(r, ['mentee', 'mentor'])}`,
      '    checkIns:',
      ...Array.from({ length: 3 }, () => `      - {date: ${date(r)}, progress: ${Math.floor(r() * 101)}}`),
    );
  }
  lines.push('', 'sessions:');
  for (let s = 0; s < shape.sessions; s++) {
    lines.push(
      `  - id: s-${s}`,
      `    date: ${date(r)}`,
      `    duration: ${30 + Math.floor(r() * 4) * 15}`,
      `    topics: [${pick(r, WORDS)}, ${pick(r, WORDS)}]`,
      '    notes: |',
      `      ${sentence(r, 10, 25)}`,
      `      ${sentence(r, 10, 25)}`,
      `    private: ${q(sentence(r))}   # never exported`,
      '    actions:',
      `      - {id: a-${s}, text: ${q(sentence(r, 4, 8))}, owner: ${pick(r, ['mentee', 'mentor'])}, due: ${date(r)}, done: ${r() < 0.7}}`,
    );
  }
  lines.push('', 'feedback:');
  for (let f = 0; f < shape.feedback; f++) {
    const line = 1 + Math.floor(r() * 400);
    lines.push(
      `  - id: f-${f}`,
      `    date: ${date(r)}`,
      `    kind: ${pick(r, KINDS)}`,
      `    text: ${q(sentence(r, 8, 20))}`,
      '    anchor:',
      `      path: src/${pick(r, WORDS)}/${pick(r, WORDS)}.ts`,
      `      range: {startLine: ${line}, startColumn: 1, endLine: ${line + 2}, endColumn: 2}`,
      `      text: ${q(`const ${pick(r, WORDS)} = ${pick(r, WORDS)}(${pick(r, WORDS)});`)}`,
    );
  }
  return lines.join('\n') + '\n';
}

/** Writes a workspace's data folder; returns its path. */
export function generateWorkspace(dir: string, mentees: number, shape: Shape, seed = 42): string {
  const root = path.join(dir, '.mentorship');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(root, 'mentees'), { recursive: true });
  const r = rng(seed);
  for (let i = 0; i < mentees; i++) {
    writeFileSync(path.join(root, 'mentees', `mentee-${String(i).padStart(3, '0')}.yaml`), menteeYaml(r, i, shape));
  }
  writeFileSync(path.join(root, 'mentor.yaml'), 'version: 1\nstrengths: [listening]\n');
  return root;
}
