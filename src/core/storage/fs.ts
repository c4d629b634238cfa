/**
 * The file system the store works through. Paths are posix-style absolute paths ("/home/a/ws/x.yaml",
 * "/c:/ws/x.yaml"); the VS Code adapter maps them to URIs of the workspace's scheme, so the store works
 * in remote and browser hosts too. Node's `fs` implements it in tests.
 */
export interface FileStat {
  mtime: number;
  size: number;
  type: 'file' | 'directory' | 'other';
}

/**
 * Why a file-system call failed, in the terms the store and the mentor care about. Implementations throw
 * this (with the original error as `cause`) so "missing" is never confused with "not allowed" or "disk
 * unavailable".
 */
export type FsErrorCode = 'notFound' | 'noPermission' | 'unavailable' | 'exists' | 'other';

export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FsError';
  }
}

export function isNotFound(e: unknown): boolean {
  return e instanceof FsError && e.code === 'notFound';
}

/** Runs a call whose "not found" has a natural answer (no stat, no entries); every other failure throws. */
export async function unlessNotFound<T, F>(run: () => Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await run();
  } catch (e) {
    if (isNotFound(e)) {
      return fallback;
    }
    throw e;
  }
}

/** The cause of a failed call, as a few words for a message: "permission denied", "…". */
export function describeFsError(e: unknown): string {
  if (e instanceof FsError) {
    switch (e.code) {
      case 'notFound':
        return 'it does not exist';
      case 'noPermission':
        return 'permission denied';
      case 'unavailable':
        return 'the file system is unavailable';
      case 'exists':
        return 'it already exists';
      default:
        return e.message;
    }
  }
  return e instanceof Error ? e.message : String(e);
}

export interface FileSystem {
  /** Throws an FsError: `notFound` when there is no such file. */
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Replaces `to` if it exists; atomic on the same volume. */
  rename(from: string, to: string): Promise<void>;
  delete(path: string): Promise<void>;
  /** Undefined when nothing is there; any other failure throws an FsError. */
  stat(path: string): Promise<FileStat | undefined>;
  /** Names of the entries in a folder, or [] if it does not exist; any other failure throws an FsError. */
  readDirectory(path: string): Promise<[string, FileStat['type']][]>;
  createDirectory(path: string): Promise<void>;
  /**
   * Creates a file only if none exists, atomically where the platform allows; resolves false if it
   * exists. Used for the write lock that keeps two writers (two windows) from interleaving.
   */
  createExclusive(path: string, data: Uint8Array): Promise<boolean>;
}
