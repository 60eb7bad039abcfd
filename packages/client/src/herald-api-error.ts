/** An answer of the API outside 2xx, carrying the contract's error envelope. */
export class HeraldApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = 'HeraldApiError';
  }

  /** One line for people: the code, the message, and each field detail. */
  describe(): string {
    const details = this.details
      .map((detail) => {
        const { field, messages } = detail as { field?: string; messages?: string[] };
        return field ? `${field}: ${(messages ?? []).join('; ')}` : JSON.stringify(detail);
      })
      .join(', ');
    return `${this.status} ${this.code}: ${this.message}${details ? ` (${details})` : ''}`;
  }
}
