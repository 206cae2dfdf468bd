/** What the use cases need from the world, implemented by `src/store` and wired in `src/main.ts`. */
export interface Database {
  /** Resolves once the database answers a query; rejects when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
