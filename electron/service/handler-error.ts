/** A request a host refuses, with a message for the user (not an internal failure). */
export class HandlerError extends Error {
  override name = 'HandlerError';
}
