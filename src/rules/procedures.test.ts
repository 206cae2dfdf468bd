import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, PinKind, REISSUE_REASONS } from './policy.ts';
import {
  Item,
  LEGAL_REPRESENTATIVE_NEED,
  legalRepresentativeNeeded,
  NOTIFICATION_CARD_ABOLISHED_ON,
  PHOTO_SIZE_CM,
  Place,
  Presenter,
  PROCEDURE_TABLE,
  PROCEDURES,
  proxyMayCome,
  REISSUE_PROCEDURE,
  SideEffect,
} from './procedures.ts';

describe('R-13 procedure table', () => {
  it('has a row for every procedure, each citing its source', () => {
    expect(Object.keys(PROCEDURE_TABLE).sort()).toEqual([...PROCEDURES].sort());
    for (const procedure of PROCEDURES) expect(PROCEDURE_TABLE[procedure].source).not.toBe('');
  });

  it('continued use: the holder or a household member brings the card and enters the 住民基本台帳事務用 PIN (seed)', () => {
    const row = PROCEDURE_TABLE.continuation;
    expect(row.whoMayCome).toEqual(expect.arrayContaining([Presenter.Holder, Presenter.HouseholdMember]));
    expect(row.bring).toContain(Item.Card);
    expect(row.pinEntry).toBe(PinKind.ResidentRegistry);
    expect(row.deadline).toBe('continuation');
    expect(row.sideEffects).toContain(SideEffect.AbolishedIfLate);
  });

  it('a front-side change needs the 住基 PIN and revokes the signature certificate (seed, R-4)', () => {
    for (const procedure of ['front-side-change', 'address-change-notification', 'family-register-notification'] as const) {
      expect(PROCEDURE_TABLE[procedure].pinEntry).toBe(PinKind.ResidentRegistry);
      expect(PROCEDURE_TABLE[procedure].sideEffects).toContain(SideEffect.SignatureCertificateRevoked);
    }
  });

  it('suspension is by phone; its release only at a counter (seed)', () => {
    expect(PROCEDURE_TABLE.suspension.place).toBe(Place.Hotline);
    expect(PROCEDURE_TABLE['suspension-release'].place).toBe(Place.CardCounter);
    expect(PROCEDURE_TABLE['suspension-release'].bring).toEqual([Item.Card, Item.IdentityDocuments]);
  });

  it('a new card within validity needs a photo and identity documents, and the old card back unless lost or stolen (seed)', () => {
    for (const procedure of ['reissue-damaged', 'reissue-notes-full', 'renewal'] as const) {
      expect(PROCEDURE_TABLE[procedure].bring).toEqual([Item.OldCard, Item.Photo, Item.IdentityDocuments]);
    }
    for (const procedure of ['reissue-lost', 'reissue-stolen'] as const) {
      expect(PROCEDURE_TABLE[procedure].bring).not.toContain(Item.OldCard);
      expect(PROCEDURE_TABLE[procedure].bring).toContain(Item.PoliceReport);
    }
    expect(PHOTO_SIZE_CM).toEqual({ height: 4.5, width: 3.5 });
    expect(DEFAULT_POLICY.photoMaxAgeMonths).toBe(6);
  });

  it('every fee is an R-10 reason the policy prices', () => {
    for (const procedure of PROCEDURES) {
      const fee = PROCEDURE_TABLE[procedure].fee;
      if (fee === null) continue;
      expect(REISSUE_REASONS).toContain(fee);
      expect(DEFAULT_POLICY.reissueFees[fee]).toBeDefined();
    }
    expect(PROCEDURE_TABLE['reissue-lost'].fee).toBe('lost');
    expect(PROCEDURE_TABLE.renewal.fee).toBe('renewal');
  });

  it('a foreign resident extends with the residence card and the card, no photo (seed, R-5)', () => {
    expect(PROCEDURE_TABLE['validity-extension'].bring).toEqual([Item.Card, Item.ResidenceCard]);
    expect(PROCEDURE_TABLE['validity-extension'].deadline).toBe('before-expiry');
  });

  it('lets a proxy come, after asking, wherever the row says so: everywhere but the phoned-in suspension (seed: 代理人…事前にお問い合わせ)', () => {
    expect(PROCEDURES.filter((procedure) => !proxyMayCome(procedure))).toEqual(['suspension']);
    expect(proxyMayCome('continuation')).toBe(true);
    expect(PROCEDURE_TABLE.issuance.whoMayCome).toEqual([Presenter.Holder, Presenter.ProxyAfterEnquiry]);
  });

  it('names the row of every R-10 reissue reason, with that reason’s fee (a dirty card as a damaged one)', () => {
    for (const reason of REISSUE_REASONS) {
      const row = PROCEDURE_TABLE[REISSUE_PROCEDURE[reason]];
      expect(row.fee, reason).toBe(reason === 'dirty' ? 'damaged' : reason);
    }
  });

  it('a proxy asks first; the notification card ended on 2020-05-25 (seed)', () => {
    expect(PROCEDURE_TABLE['proxy-enquiry'].whoMayCome).toEqual([Presenter.ProxyAfterEnquiry]);
    expect(NOTIFICATION_CARD_ABOLISHED_ON).toBe('2020-05-25');
    expect(PROCEDURE_TABLE['notification-card-return'].bring).toEqual([Item.NotificationCard]);
  });

  it('asks a represented holder (R-18) for the 法定代理人 in the procedures of docs/api.md "Legal representatives", and no others', () => {
    const needing = PROCEDURES.filter((procedure) => LEGAL_REPRESENTATIVE_NEED[procedure] !== 'not-needed');
    expect(needing.sort()).toEqual(
      [
        'application',
        'issuance',
        'front-side-change',
        'continuation',
        'pin-reset',
        'signature-certificate',
        'certificate-issue',
        ...new Set(Object.values(REISSUE_PROCEDURE)),
      ].sort(),
    );
  });

  it('lets a household member bring a represented holder’s card for continuation, and nobody else without the representative', () => {
    expect(legalRepresentativeNeeded('continuation', Presenter.HouseholdMember)).toBe(false);
    expect(legalRepresentativeNeeded('continuation', Presenter.Holder)).toBe(true);
    expect(legalRepresentativeNeeded('continuation', Presenter.ProxyAfterEnquiry)).toBe(true);
    expect(legalRepresentativeNeeded('front-side-change', Presenter.HouseholdMember)).toBe(true);
    expect(legalRepresentativeNeeded('suspension', Presenter.HouseholdMember)).toBe(false);
  });
});
