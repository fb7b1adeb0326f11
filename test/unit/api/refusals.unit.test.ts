import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import Fastify from 'fastify';
import { refuse } from '../../../client/api/errors';
import { ServiceError, updateRefusal } from '../../../client/policy-service';

/** What a failed Update becomes: the code of its failure type, the table's status, the field it names. */
function refusalOf(err: unknown): ServiceError {
  try {
    updateRefusal(err);
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error('updateRefusal returned');
}
const failed = (type: string, message: string) =>
  new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({ type, message, nonRetryable: true }),
  );

describe('refusals of Updates', () => {
  it('takes the code from the failure type and the status from the table', () => {
    const cases: [string, string, number][] = [
      ['OUTSIDE_WINDOW', 'OUTSIDE_WINDOW: The report was sent outside the reporting window.', 422],
      ['NOT_ROSTERED_WFH', 'NOT_ROSTERED_WFH: The employee is not rostered to work from home that day.', 403],
      ['AMEND_IN_PAST', 'AMEND_IN_PAST: 2026-11-30 is before today (2026-12-01).', 422],
      [
        'DUPLICATE_REPORT',
        'DUPLICATE_REPORT: A report with different content has already been accepted.',
        409,
      ],
      ['INVALID_COMMAND', 'INVALID_COMMAND: Field "checkOut" must be after "checkIn".', 400],
    ];
    for (const [type, message, status] of cases) {
      const r = refusalOf(failed(type, message));
      expect([r.code, r.status]).toEqual([type, status]);
      // The code in front of the message is not repeated as if it were a field.
      expect(r.problems[0]).not.toMatch(/^[A-Z_]+:/);
    }
    expect(
      refusalOf(failed('INVALID_COMMAND', 'INVALID_COMMAND: Field "checkOut" must be after "checkIn".'))
        .problems,
    ).toEqual(['checkOut: must be after "checkIn".']);
    expect(refusalOf(new WorkflowNotFoundError('gone', 'wf', undefined))).toMatchObject({
      code: 'DAY_NOT_OPEN',
      status: 409,
    });
    expect(refusalOf(failed('SomethingElse', 'boom'))).toMatchObject({
      code: 'REJECTED',
      status: 409,
      problems: ['boom'],
    });
  });

  it('answers a validator’s INVALID_INPUT with 400 naming the real field, never an error code as a field', async () => {
    const app = Fastify();
    const answers = [
      failed('INVALID_INPUT', 'location: required by this letter (work from anywhere)'),
      failed('OUTSIDE_WINDOW', 'OUTSIDE_WINDOW: The cut-off has passed.'),
    ];
    app.get('/:i', (req, reply) =>
      refuse(reply, refusalOf(answers[Number((req.params as { i: string }).i)])),
    );
    const location = await app.inject({ url: '/0' });
    expect([location.statusCode, location.json()]).toEqual([
      400,
      expect.objectContaining({
        error: 'INVALID_INPUT',
        fields: [{ field: 'location', reason: 'required by this letter (work from anywhere)' }],
      }),
    ]);
    const late = await app.inject({ url: '/1' });
    expect([late.statusCode, late.json<{ fields?: unknown }>().fields]).toEqual([422, undefined]);
    expect(late.json()).toMatchObject({
      error: 'OUTSIDE_WINDOW',
      message: { id: expect.stringMatching(/luar waktu/) },
    });
    // A service's own status never overrides the table's for a code in it.
    const app2 = Fastify();
    app2.get('/', (_req, reply) => refuse(reply, new ServiceError(409, 'OUTSIDE_WINDOW', ['x'])));
    expect((await app2.inject({ url: '/' })).statusCode).toBe(422);
  });
});
