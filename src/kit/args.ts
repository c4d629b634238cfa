/**
 * What commands receive as their argument: a tree node, a dashboard button or another command names an
 * entry by the mentee file it is in and its id. One shape for all of them, built by `entryArg`.
 */
import type { NodeKind } from '../core/render/treeModel';

export interface EntryArg {
  kind: NodeKind;
  /** The mentee file. */
  path?: string;
  /** The entry's id inside that file (goal, session, action item, feedback). */
  entityId?: string;
  /** The tree node's id, when the argument comes from the tree. */
  id?: string;
}

/** The argument for a command about an entry (or, without an id, about the mentee file itself). */
export function entryArg(kind: NodeKind, path: string, entityId?: string): EntryArg {
  return { kind, path, ...(entityId !== undefined ? { entityId } : {}) };
}

export function pathFromArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') {
    return arg;
  }
  if (arg && typeof arg === 'object' && typeof (arg as EntryArg).path === 'string') {
    return (arg as EntryArg).path;
  }
  return undefined;
}

export function entityFromArg(arg: unknown): string | undefined {
  if (arg && typeof arg === 'object' && typeof (arg as EntryArg).entityId === 'string') {
    return (arg as EntryArg).entityId;
  }
  return undefined;
}

export function kindFromArg(arg: unknown): string {
  return arg && typeof arg === 'object' && typeof (arg as EntryArg).kind === 'string' ? (arg as EntryArg).kind : '';
}
