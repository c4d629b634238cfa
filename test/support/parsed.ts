/** A mentee file's data, asserting that it reads without an error (its problems are the failure message). */
import * as assert from 'node:assert/strict';
import type { Mentee } from '../../src/core/domain/model';
import { parseMentee } from '../../src/core/storage/parse';

export function menteeData(text: string): Mentee {
  const p = parseMentee(text);
  assert.ok(p.data, JSON.stringify(p.problems));
  return p.data;
}
