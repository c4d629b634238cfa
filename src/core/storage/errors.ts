/** The store's error, in a module of its own so operations can raise it without loading the store. */

/** A change that could not be saved. The message is written for the mentor. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly path?: string,
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
