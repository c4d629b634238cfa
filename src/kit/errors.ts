/** Errors whose message is meant for the mentor as it is. */

export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    // Recognised by name too: a lazily loaded bundle (the review import) has its own copy of this class.
    this.name = 'UserFacingError';
  }
}
