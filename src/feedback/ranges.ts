/** Anchor ranges (1-based, as people read them, in the YAML) and VS Code's ranges (0-based), converted here. */
import * as vscode from 'vscode';
import type { AnchorRange } from '../core/domain/model';

export function toAnchorRange(sel: vscode.Range): AnchorRange {
  return { startLine: sel.start.line + 1, startColumn: sel.start.character + 1, endLine: sel.end.line + 1, endColumn: sel.end.character + 1 };
}

export function toVscodeRange(r: AnchorRange): vscode.Range {
  return new vscode.Range(r.startLine - 1, r.startColumn - 1, r.endLine - 1, r.endColumn - 1);
}
