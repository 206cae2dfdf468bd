

export interface IdempotencyRepository {
  find(actorId: string, key: string): Promise<{ readonly fingerprint: string; readonly result: string } | undefined>;
  insert(actorId: string, key: string, fingerprint: string, result: string, at: string): Promise<void>;
}
