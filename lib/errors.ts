/** A failure whose message is safe to show to the user (and, optionally, which fields it concerns). */
export class AppError extends Error {
  constructor(
    message: string,
    public readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
