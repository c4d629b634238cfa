/**
 * The English message bundle (l10n/bundle.l10n.json): every string the extension passes to
 * vscode.l10n.t, found in src/ (literal calls, and the English tables the dashboard, tree and session
 * drafts translate entry by entry). `npx tsx scripts/l10n.ts` rewrites it; a unit test checks it is
 * current and that the Dutch bundle translates every entry with the same placeholders.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ENGLISH_DASHBOARD_STRINGS } from '../src/core/render/dashboardHtml';
import { ENGLISH_DRAFT_STRINGS } from '../src/core/render/sessionDraft';
import { ENGLISH_TREE_STRINGS } from '../src/core/render/treeModel';
import { ENGLISH_STATUS_STRINGS } from '../src/core/render/statusLine';
import { ENGLISH_DIGEST_STRINGS } from '../src/core/render/digest';
import { ENGLISH_REVIEW_MARKDOWN } from '../src/core/render/reviewMarkdown';

const ROOT = path.resolve(__dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function unquote(raw: string, quote: string): string {
  return raw.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === quote || c === '\\' ? c : '\\' + c));
}

export function extractMessages(): string[] {
  const out = new Set<string>();
  for (const f of files(path.join(ROOT, 'src'))) {
    if (f.includes(`${path.sep}core${path.sep}`) || f.includes(`${path.sep}webview${path.sep}`)) {
      continue; // the core has no vscode; its English tables are added below
    }
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) {
      out.add(unquote(m[1], "'"));
    }
    for (const m of text.matchAll(/\bt\(\s*"((?:[^"\\]|\\.)*)"/g)) {
      out.add(unquote(m[1], '"'));
    }
  }
  const addTable = (o: Record<string, unknown>): void => {
    for (const v of Object.values(o)) {
      if (typeof v === 'string') {
        out.add(v);
      } else if (v && typeof v === 'object') {
        addTable(v as Record<string, unknown>);
      }
    }
  };
  addTable(ENGLISH_DASHBOARD_STRINGS as unknown as Record<string, unknown>);
  addTable(ENGLISH_DRAFT_STRINGS as unknown as Record<string, unknown>);
  addTable(ENGLISH_TREE_STRINGS as unknown as Record<string, unknown>);
  addTable(ENGLISH_STATUS_STRINGS as unknown as Record<string, unknown>);
  addTable(ENGLISH_DIGEST_STRINGS as unknown as Record<string, unknown>);
  addTable(ENGLISH_REVIEW_MARKDOWN as unknown as Record<string, unknown>);
  return [...out].sort();
}

if (require.main === module) {
  const bundle = Object.fromEntries(extractMessages().map((m) => [m, m]));
  writeFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), JSON.stringify(bundle, null, 2) + '\n');
  console.log(`${Object.keys(bundle).length} messages`);
}
