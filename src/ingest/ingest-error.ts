export type IngestErrorCode = 'EMPTY' | 'BINARY' | 'TOO_LARGE' | 'ENCODING' | 'NOT_A_REPORT' | 'NO_AGENCY' | 'NO_YEAR' | 'UNREADABLE' | 'LIMIT' | 'TIMEOUT';

/** Input refused before anything is stored; the message names the reason, the caller adds the file. */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}
