/**
 * The core's errors, in a leaf module every layer may import: a change that could not be saved
 * (StoreError), and input that an operation refuses (InputError, naming the field).
 */

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

/**
 * Input an operation refuses: which field, and what is wrong with it. Nothing was written. (Recognised by
 * name, like StoreError, where a lazily loaded bundle has its own copy of the class.)
 */
export class InputError extends Error {
  constructor(
    message: string,
    /** The field, as a path into the input: "checkIns[0].progress". */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
