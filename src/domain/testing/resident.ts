import type { PlainDate } from '../../rules/plain-date.ts';
import type { ResidentFacts, ResidentState } from '../resident.ts';

const d = (date: string) => date as PlainDate;

/** A national's facts as a clerk types them at registration. */
export function residentFacts(overrides: Partial<ResidentFacts> = {}): ResidentFacts {
  return {
    residentCode: '12345678901',
    familyName: '山田',
    givenName: '太郎',
    familyNameKana: 'ヤマダ',
    givenNameKana: 'タロウ',
    birthDate: d('1990-05-10'),
    sex: 'male',
    address: '東京都江戸川区中央1-4-1',
    householdId: 'household-1',
    nationality: 'JP',
    residency: 'national',
    periodOfStayEnd: null,
    residenceCardNumber: null,
    moveInDate: null,
    moveInNotificationDate: null,
    adultWard: false,
    postalCode: null,
    ...overrides,
  };
}

/** A foreign resident's facts: a period of stay and the residence card that shows it. */
export const FOREIGN_FACTS: Partial<ResidentFacts> = {
  familyName: 'SMITH',
  givenName: 'JOHN',
  familyNameKana: 'スミス',
  givenNameKana: 'ジョン',
  nationality: 'US',
  residency: 'foreign-with-period',
  periodOfStayEnd: d('2029-03-31'),
  residenceCardNumber: 'AB12345678CD',
};

/** The resident record of `residentFacts`, registered (resident-1), or in the state given. */
export function resident(overrides: Partial<ResidentState> = {}): ResidentState {
  return {
    ...residentFacts(),
    id: 'resident-1',
    version: 1,
    registration: 'registered',
    plannedMoveOutDate: null,
    moveOutDestination: null,
    ...overrides,
  };
}
