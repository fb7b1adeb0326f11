import { type LocalizedText } from '../../errors';
import { type DecideResult, refused, say } from '../result';
import { type UnitDayEvent } from './event-types';
import { nipProblem } from './roster-entry';
import { type PersonDay, personOf, type UnitDayHeader, type UnitDayState } from './state';

/** What the unit-day decider answers. */
export type UnitDayResult = DecideResult<UnitDayEvent>;

/** Detail for commands about someone rostered WFO. */
export const WFO_DETAIL: LocalizedText = say('Pegawai dijadwalkan WFO.', 'The employee is rostered WFO.');

/** Detail for commands about someone recalled to the office. */
export const RECALLED_DETAIL: LocalizedText = say(
  'Pegawai sudah dipanggil ke kantor hari ini.',
  'The employee was recalled to the office today.',
);

/** The day's header and the person, or the rejection that applies. `closedToo` admits a closed day. */
export function findPerson(
  state: UnitDayState,
  nip: unknown,
  closedToo: boolean,
): { header: UnitDayHeader; person: PersonDay; nip: string } | { refusal: UnitDayResult } {
  const nipIssue = nipProblem(nip);
  if (nipIssue !== null) return { refusal: refused('INVALID_COMMAND', nipIssue) };
  if (state.status === 'pending') return { refusal: refused('DAY_NOT_OPEN') };
  if (state.status === 'recapped') return { refusal: refused('DAY_ALREADY_RECAPPED') };
  if (state.status === 'closed' && !closedToo) return { refusal: refused('DAY_CLOSED') };
  const person = personOf(state.people, nip as string);
  if (person === undefined) return { refusal: refused('NOT_ROSTERED') };
  return { header: state.header, person, nip: nip as string };
}
