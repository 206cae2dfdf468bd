

/** The ends of the checkpoint file and of its copy, and the last line this process wrote. */
export interface CheckpointTail {
  /** The last lines of the file (at least the last complete one), oldest first. */
  readonly lines: readonly string[];
  /** The last lines of the copy in the operator's second place, if one is configured. */
  readonly copy: readonly string[];
  /** The last line appended by this process, remembered in memory. */
  readonly written: string | undefined;
}

/**
 * Where the checkpoints of the audit trail are kept: lines of text appended to a file outside
 * the database (and to a copy in a second place), never rewritten. What a line says and how it
 * is signed is the use cases' business (audit-checkpoints.ts).
 */
export interface AuditCheckpointFiles {
  /** The municipality whose trail the checkpoints hold. */
  readonly municipalityCode: string;
  /** The checkpoint file, for messages. */
  readonly file: string;
  /** The copy, when the operator named a second place. */
  readonly copyFile: string | undefined;
  /** Every line of the file, oldest first, as a stream. */
  lines(): AsyncIterable<string>;
  /** The ends of the file and its copy: cheap whatever the file's length. */
  tail(): Promise<CheckpointTail>;
  /**
   * Holds a lock that excludes every other writer, this process's and other processes', while
   * `next` reads the tail and decides the line to append (or none); the line is then synced to
   * the file, and copied to the second place once the lock is released (a copy that fails is
   * reported, not thrown: the line is in the file).
   */
  append(next: (tail: CheckpointTail) => Promise<string | undefined>): Promise<{ readonly line: string | undefined; readonly copyError?: Error }>;
}
