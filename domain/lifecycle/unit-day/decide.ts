import { instantProblem } from '../checks';
import { refused, unknownType } from '../result';
import { type UnitDayCommand } from './command-types';
import { addCheckOut, correctReport } from './decide-change';
import { close, open, recap } from './decide-day';
import { acknowledge, excuse, raise, recall } from './decide-person';
import { rejectReport, submit } from './decide-report';
import { type UnitDayResult } from './guards';
import { type UnitDayState } from './state';

/**
 * The unit-day decider: what one unit's day makes of a command. Pure; `now` comes in with the command.
 */
export function decideUnitDay(command: UnitDayCommand, state: UnitDayState): UnitDayResult {
  const nowProblem = instantProblem(command.now, 'now');
  if (nowProblem !== null) return refused('INVALID_COMMAND', nowProblem);
  switch (command.type) {
    case 'OpenUnitDay':
      return open(command, state);
    case 'SubmitReport':
      return submit(command, state);
    case 'CorrectReport':
      return correctReport(command, state);
    case 'AddCheckOut':
      return addCheckOut(command, state);
    case 'RejectReport':
      return rejectReport(command, state);
    case 'RaiseEscalation':
      return raise(command, state);
    case 'AcknowledgeEscalation':
      return acknowledge(command, state);
    case 'ExcuseAbsence':
      return excuse(command, state);
    case 'RecallToOffice':
      return recall(command, state);
    case 'CloseUnitDay':
      return close(command, state);
    case 'RecapUnitDay':
      return recap(command, state);
    default: {
      // Unknown types can still arrive from untyped input; refuse them rather than fail the workflow task.
      const unknown: never = command;
      return refused('INVALID_COMMAND', unknownType(unknown));
    }
  }
}
