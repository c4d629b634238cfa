/**
 * The mentor's notebook: every data folder the mentor keeps notes in, read as one. The open workspace's
 * `.mentorship/` is one place; each notebook folder of the mentor's settings (often a git repository shared
 * with one mentee) is another. Each place is a store of its own — its files, its write queue, its private
 * notes and drafts — and the notebook routes every call about a file to the place that holds it, so an
 * operation on a mentee writes only into that mentee's folder.
 *
 * Reads merge: the mentees of every place, sorted by name (the same name in two places is two files, two
 * rows); the mentor profile of the first place that has one.
 */
import { StoreError } from '../errors';
import type { Mentee } from '../domain/model';
import type { MenteeChange, MentorChange } from '../domain/edit';
import { Emitter } from './events';
import type { Disposable } from './events';
import type { PrivateNotes } from './privateNotes';
import type { MenteeFile, MentorFile, MentorshipStore, StoreChange } from './store';

export type PlaceSource = 'workspace' | 'notebook';

export interface Place {
  /** Posix path of the data folder (the store's root). */
  readonly root: string;
  /** How the mentor names it: "~/mentoring/ana", or the workspace folder's name. */
  readonly label: string;
  /** The open workspace's data folder, or a notebook folder of the settings. */
  readonly source: PlaceSource;
  readonly store: MentorshipStore;
}

export class Notebook implements Disposable {
  private readonly changed = new Emitter<StoreChange>();
  /** Fires with the change of any place. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: Disposable[];

  /** `places` in order: the first is where new mentees and the mentor profile go unless told otherwise. */
  constructor(readonly places: readonly Place[]) {
    if (places.length === 0) {
      throw new Error('A notebook has at least one place');
    }
    this.subscriptions = places.map((p) => p.store.onDidChange((e) => this.changed.fire(e)));
  }

  get home(): Place {
    return this.places[0];
  }

  /** Whether the mentees come from more than one place (then each row says where its file lives). */
  get isSpread(): boolean {
    return this.places.filter((p) => p.store.mentees.length > 0).length > 1;
  }

  /** The place whose data folder holds this path (the innermost, when one data folder is inside another's). */
  placeOf(path: string): Place | undefined {
    let best: Place | undefined;
    for (const p of this.places) {
      if (p.store.holds(path) && (!best || p.root.length > best.root.length)) {
        best = p;
      }
    }
    return best;
  }

  placeByRoot(root: string): Place | undefined {
    return this.places.find((p) => p.root === root);
  }

  /** The store of the place holding `path`; a StoreError when no place of the notebook holds it. */
  storeOf(path: string): MentorshipStore {
    const place = this.placeOf(path);
    if (!place) {
      throw new StoreError(`${path} is in none of the notebook's folders; nothing was written.`, path);
    }
    return place.store;
  }

  // -------------------------------------------------------------------------------------------------
  // Reading

  get isLoaded(): boolean {
    return this.places.every((p) => p.store.isLoaded);
  }

  /** The mentee files of every place, sorted by name (files with errors by file name). */
  get mentees(): MenteeFile[] {
    if (this.places.length === 1) {
      return this.home.store.mentees;
    }
    // By name; the same name in two places in the order of the places.
    return this.places
      .flatMap((p, i) => p.store.mentees.map((f) => ({ f, i, name: sortName(f) })))
      .sort((a, b) => a.name.localeCompare(b.name) || a.i - b.i)
      .map((x) => x.f);
  }

  /** The mentor profile: the home place's, else the first place's that has one. */
  get mentor(): MentorFile | undefined {
    for (const p of this.places) {
      if (p.store.mentor) {
        return p.store.mentor;
      }
    }
    return undefined;
  }

  /** mentor.yaml where it is, or where it would be created (the home place). */
  get mentorPath(): string {
    return this.mentor?.path ?? this.home.store.mentorPath;
  }

  file(path: string): MenteeFile | undefined {
    return this.placeOf(path)?.store.file(path);
  }

  holds(path: string): boolean {
    return this.placeOf(path) !== undefined;
  }

  isMenteePath(path: string): boolean {
    return this.placeOf(path)?.store.isMenteePath(path) ?? false;
  }

  /** Whether any place's data folder exists. */
  async exists(): Promise<boolean> {
    for (const p of this.places) {
      if (await p.store.exists()) {
        return true;
      }
    }
    return false;
  }

  /** Reads every place; one that fails does not stop the others (the first failure is thrown after). */
  async load(): Promise<void> {
    const results = await Promise.allSettled(this.places.map((p) => p.store.load()));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      throw failed.reason;
    }
  }

  async refresh(path: string): Promise<void> {
    return this.storeOf(path).refresh(path);
  }

  async current(path: string): Promise<Mentee> {
    return this.storeOf(path).current(path);
  }

  // -------------------------------------------------------------------------------------------------
  // Writing: each call goes to the place that holds the file.

  async edit(path: string, change: MenteeChange): Promise<MenteeFile> {
    return this.storeOf(path).edit(path, change);
  }

  async editMentor(change: MentorChange): Promise<MentorFile> {
    return this.storeOf(this.mentorPath).editMentor(change);
  }

  async writeResolved(path: string, text: string): Promise<void> {
    return this.storeOf(path).writeResolved(path, text);
  }

  /** A new mentee file in the given place (its root), or in the home place. */
  async createMentee(fields: Partial<Mentee> & { name: string }, header?: string, root?: string): Promise<MenteeFile> {
    return this.placeFor(root).store.createMentee(fields, header);
  }

  async deleteMentee(path: string): Promise<Uint8Array> {
    return this.storeOf(path).deleteMentee(path);
  }

  async restore(path: string, bytes: Uint8Array): Promise<void> {
    return this.storeOf(path).restore(path, bytes);
  }

  async initialize(files: { name: string; text: string }[], root?: string): Promise<string[]> {
    return this.placeFor(root).store.initialize(files);
  }

  /** A text file of a place (a report, a draft) or next to it (a repository's ignore file): the place holding it, else the home place. */
  async writeFile(path: string, text: string, expected?: string): Promise<void> {
    return (this.placeOf(path) ?? this.home).store.writeFile(path, text, expected);
  }

  privatePath(menteePath: string): string {
    return this.storeOf(menteePath).privatePath(menteePath);
  }

  async readPrivate(menteePath: string): Promise<PrivateNotes | undefined> {
    return this.storeOf(menteePath).readPrivate(menteePath);
  }

  async setPrivateNotes(menteePath: string, notes: Record<string, string>): Promise<void> {
    return this.storeOf(menteePath).setPrivateNotes(menteePath, notes);
  }

  /** Session drafts of every place; a new one goes to its mentee's place. */
  readonly drafts = {
    list: async (): Promise<string[]> => (await Promise.all(this.places.map((p) => p.store.drafts.list()))).flat(),
    create: async (menteePath: string, name: string, text: string): Promise<string> => this.storeOf(menteePath).drafts.create(name, text),
    read: async (path: string): Promise<string> => this.storeOf(path).drafts.read(path),
    remove: async (path: string, expected?: string): Promise<void> => this.storeOf(path).drafts.remove(path, expected),
    /** The mentee a draft is for: the file of its slug in the draft's own place. */
    menteeOf: (draftPath: string, slug: string): MenteeFile | undefined => this.placeOf(draftPath)?.store.bySlug(slug),
  };

  private placeFor(root: string | undefined): Place {
    if (root === undefined) {
      return this.home;
    }
    const place = this.placeByRoot(root);
    if (!place) {
      throw new StoreError(`${root} is not one of the notebook's folders; nothing was written.`, root);
    }
    return place;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
  }
}

function sortName(f: MenteeFile): string {
  return (f.data?.name ?? f.slug).toLocaleLowerCase();
}
