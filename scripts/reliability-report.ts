/** Writes docs/RELIABILITY.md from test-results/reliability.json (written by `npm run test:unit`). */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const r = JSON.parse(readFileSync(path.join(root, 'test-results', 'reliability.json'), 'utf8')) as {
  generatedFiles: number;
  editsApplied: number;
  surgicalEdits: number;
  crashes: number;
  lostOrCorrupted: number;
  mutatedFiles: number;
  concurrent: { writers: number; attempts: number; accepted: number; refusedAndReported: number; lost: number };
  killedWriters: number;
  tornFiles: number;
  hostileInputs: string[];
};
const text = `# Reliability report

Figures from the reliability tests (\`test/unit/reliability.test.ts\`, part of \`npm run test:unit\`),
as written by the last run to \`test-results/reliability.json\`; regenerate this page with
\`npx tsx scripts/reliability-report.ts\`.

| what | figure |
| --- | --- |
| generated mentee files (comments, flow and block styles, quoting, block scalars, CRLF, unknown keys) | ${r.generatedFiles} |
| edits applied to them in random sequences (sessions, goals, check-ins, status, fields) | ${r.editsApplied} |
| of which spliced into the text (the rest through the Document API, data verified the same way) | ${r.surgicalEdits} |
| edits whose data differed from what was asked, or that lost an untouched line | ${r.lostOrCorrupted} |
| crashes | ${r.crashes} |
| random byte-level mutations of a real file, read without a crash, every problem with a line | ${r.mutatedFiles} |
| concurrent writers on one file (two stores in one process, one in another process) | ${r.concurrent.writers} |
| their attempts / accepted / refused and reported to the caller / accepted but lost | ${r.concurrent.attempts} / ${r.concurrent.accepted} / ${r.concurrent.refusedAndReported} / ${r.concurrent.lost} |
| writers killed (SIGKILL) at random moments while writing | ${r.killedWriters} |
| torn files after those kills | ${r.tornFiles} |

Every generated case checks: the file still parses; its data equals the data before plus exactly the
requested change (computed independently of the splicer and read with a second parser); every line
that the change did not touch is still there, in order (by a line diff); CRLF files keep CRLF.

Hostile inputs tried, each reported with a line, a column and a message, or read without harm, and each
within a few seconds:

${r.hostileInputs.map((h) => `- ${h}`).join('\n')}
`;
writeFileSync(path.join(root, 'docs', 'RELIABILITY.md'), text);
