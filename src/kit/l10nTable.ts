/**
 * Translates a table of English strings (as kept in src/core, which cannot import vscode) entry by
 * entry; nested tables too. Each English string is its own l10n key, and `{n}` placeholders stay in
 * place for the core's fill().
 */
import * as vscode from 'vscode';

export function translateTable<T extends object>(table: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(table)) {
    out[k] = typeof v === 'string' ? vscode.l10n.t(v, '{0}', '{1}', '{2}', '{3}') : translateTable(v as object);
  }
  return out as T;
}
