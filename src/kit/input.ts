/** Checks of typed values (dates, progress, minutes, lists) with messages for the mentor. */
import * as vscode from 'vscode';
import { isValidDate, todayOf } from '../core/domain/dates';

export function today(): string {
  return todayOf(new Date());
}

export function validateDate(v: string, optional = false): string | undefined {
  const t = v.trim();
  if (optional && t === '') {
    return undefined;
  }
  return isValidDate(t) ? undefined : vscode.l10n.t('Write a date as YYYY-MM-DD, for example {0}.', today());
}

export function validateProgress(v: string): string | undefined {
  const t = v.trim().replace(/%$/, '');
  return /^\d{1,3}$/.test(t) && Number(t) <= 100 ? undefined : vscode.l10n.t('Progress is a whole number from 0 to 100.');
}

export function validateMinutes(v: string): string | undefined {
  const t = v.trim();
  if (t === '') {
    return undefined;
  }
  return /^\d{1,4}$/.test(t) && Number(t) >= 1 && Number(t) <= 1440 ? undefined : vscode.l10n.t('Duration is a number of minutes, from 1 to 1440.');
}

export function splitList(v: string): string[] {
  return v
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
