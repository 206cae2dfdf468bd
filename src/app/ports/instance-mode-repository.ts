/** Whether a municipality's records are live or a training instance's (docs/architecture.md "Training mode"). */
export interface InstanceMode {
  readonly mode: 'live' | 'training';
  /** The instant the mode was first recorded, ISO-8601 UTC. */
  readonly since: string;
}

export interface InstanceModeRepository {
  /** The recorded mode, or undefined when none was recorded yet. */
  get(): Promise<InstanceMode | undefined>;
  insert(mode: InstanceMode): Promise<void>;
  /** Whether the municipality has any audit entry: a database from before modes were recorded has run live. */
  hasRecords(): Promise<boolean>;
}
