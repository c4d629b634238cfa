/**
 * A change to a file, as data: edits at paths of its YAML (the storage layer splices them into the text,
 * keeping every other byte), computed from the file's current content. Both the operations that plan
 * changes and the store that writes them see these types; neither needs the other for them.
 */
import type { Mentee, MentorProfile } from './model';

export type PathSegment = string | number;
export type YamlPath = readonly PathSegment[];

export type Edit =
  | { op: 'set'; path: YamlPath; value: unknown }
  | { op: 'append'; path: YamlPath; value: unknown }
  | { op: 'remove'; path: YamlPath };

/** A change of a mentee file: its edits, from the file's data as it is at write time. */
export type MenteeChange = (mentee: Mentee) => Edit[];

/** A change of mentor.yaml. */
export type MentorChange = (profile: MentorProfile) => Edit[];
