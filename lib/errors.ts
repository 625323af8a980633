/**
 * A failure whose message is safe to show to the user, optionally with the fields it concerns and
 * details a form can use (e.g. the id of the record that already has this email).
 */
export class AppError extends Error {
  constructor(
    message: string,
    public readonly fieldErrors?: Record<string, string>,
    public readonly details?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
