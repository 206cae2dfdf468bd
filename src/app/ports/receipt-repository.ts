

export interface ReceiptRepository {
  /** The next serial number of `officeId` in `year`, counting from 1. */
  next(officeId: string, year: number): Promise<number>;
}
