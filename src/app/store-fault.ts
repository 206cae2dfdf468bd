/** Why the records cannot be used just now: the database is away (or locked), or its storage is full. */
export type StoreFaultKind = 'unavailable' | 'full';

/**
 * A failure of the database rather than of the request: a connection lost or refused, a write
 * lock held by another process past the busy timeout, storage with no room left. The store
 * raises it in place of the driver's error so that the HTTP layer answers 503 and the process
 * carries on; `code` is the driver's (SQLITE_BUSY, 57P01, ECONNREFUSED, 53100 …), for the log.
 */
export class StoreFault extends Error {
  override readonly name = 'StoreFault';

  constructor(
    readonly kind: StoreFaultKind,
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** What the store knows of its own condition, for the health check and the operator's log. */
export interface StoreCondition {
  /** The last write refused for lack of space, until a write commits again. */
  readonly full: StoreFault | undefined;
  /**
   * Calls `listener` with each fault the store meets outside any request (a pooled connection
   * lost while idle), which no request would otherwise report.
   */
  onBackgroundFault(listener: (fault: StoreFault) => void): void;
}
