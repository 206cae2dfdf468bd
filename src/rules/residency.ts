import { Type } from 'typebox';

/**
 * Residency of a resident: a national; a foreign resident without a period of stay
 * (永住者, 高度専門職2号, 特別永住者), whose card follows the standard rule; or a foreign
 * mid-to-long-term resident (中長期在留者) whose card ends with the period of stay.
 */
export const Residency = {
  National: 'national',
  ForeignWithoutPeriod: 'foreign-without-period',
  ForeignWithPeriod: 'foreign-with-period',
} as const;
export type Residency = (typeof Residency)[keyof typeof Residency];
export const ResidencySchema = Type.Enum(Object.values(Residency));
