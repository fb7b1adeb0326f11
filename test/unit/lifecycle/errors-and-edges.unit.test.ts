import {
  applicationFailureTypeOf,
  ERROR_CODE_LIST,
  ERROR_CODES,
  httpStatusOf,
  isErrorCode,
  rejection,
} from '../../../domain/errors';
import { type PolicyCommand, type UnitDayCommand } from '../../../domain/lifecycle';
import { policyDecider, unitDayDecider, wib } from './support';

describe('error-code table', () => {
  it('maps codes to HTTP statuses and failure types', () => {
    expect(httpStatusOf('DAY_NOT_OPEN')).toBe(409);
    expect(httpStatusOf('INVALID_COMMAND')).toBe(400);
    expect(httpStatusOf('NOT_ROSTERED_WFH')).toBe(403);
    expect(applicationFailureTypeOf('OUTSIDE_WINDOW')).toBe('OUTSIDE_WINDOW');
    expect(ERROR_CODE_LIST).toHaveLength(Object.keys(ERROR_CODES).length);
    expect(ERROR_CODE_LIST).toContain('DUPLICATE_REPORT');
  });

  it('recognises its own codes only, not inherited keys', () => {
    expect(isErrorCode('AMEND_IN_PAST')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('NOPE')).toBe(false);
  });

  it('builds a rejection from the generic message plus the detail, in both languages', () => {
    expect(rejection('DAY_NOT_DUE')).toEqual({
      code: 'DAY_NOT_DUE',
      reason: ERROR_CODES.DAY_NOT_DUE.message,
    });
    expect(rejection('DAY_NOT_DUE', { id: 'Hari ini 2023-12-03.', en: 'Today is 2023-12-03.' })).toEqual({
      code: 'DAY_NOT_DUE',
      reason: {
        id: 'Hari tersebut belum tiba. Hari ini 2023-12-03.',
        en: 'That day has not come yet. Today is 2023-12-03.',
      },
    });
  });
});

describe('untyped input', () => {
  it('refuses an unknown command type instead of throwing', () => {
    const policy = policyDecider.decide(
      { type: 'Explode', now: wib('2023-12-01T00:00') } as unknown as PolicyCommand,
      {
        status: 'issued',
      } as never,
    );
    expect(!policy.ok && [policy.rejection.code, policy.rejection.reason.en]).toEqual([
      'INVALID_COMMAND',
      'The command is invalid. Unknown command type "Explode".',
    ]);
    const unitDay = unitDayDecider.decide(
      { type: 'Explode', now: wib('2023-12-01T00:00') } as unknown as UnitDayCommand,
      unitDayDecider.initial,
    );
    expect(!unitDay.ok && unitDay.rejection.code).toBe('INVALID_COMMAND');
  });

  it('refuses a missing or malformed now, naming it', () => {
    for (const now of [undefined, '', '2023-12-01', '2023-12-01T10:00:00', 'kemarin']) {
      const result = unitDayDecider.decide(
        { type: 'CloseUnitDay', now } as unknown as UnitDayCommand,
        unitDayDecider.initial,
      );
      expect(!result.ok && [result.rejection.code, result.rejection.reason.en.includes('"now"')]).toEqual([
        'INVALID_COMMAND',
        true,
      ]);
    }
  });
});
