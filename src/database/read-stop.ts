/** When a request's reads must stop: checked before each statement, and acted on while one runs. */
export interface ReadStop {
  /** Throws the time-out error when the time is up. */
  check(): void;
  /** Registers what stops a running statement at the moment the time runs out; returns its cancellation. */
  onExpiry(stop: () => void): () => void;
  /** What a statement stopped this way rejects with. */
  expiredError(): Error;
}
