/** The command line itself is wrong (unknown command or flag, bad JSON, missing argument): exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The synopsis of the command that was misused, printed after the message. */
    readonly usage?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
