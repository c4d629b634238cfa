/** What a git call failed with; `notInstalled` when there is no git to run (not found, or no processes). */
export class GitError extends Error {
  constructor(
    message: string,
    readonly notInstalled = false,
  ) {
    super(message);
    this.name = 'GitError';
  }
}
