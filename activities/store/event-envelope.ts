/**
 * The generic envelope the store keeps domain events in, so the store does not depend on the exact event
 * types of domain/lifecycle: the projection reads the envelope columns and a few documented payload fields.
 */
import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO day YYYY-MM-DD');

/** zod schema of one envelope (used at the activity edge, where events arrive from workflows). */
export const domainEventEnvelopeSchema = z.object({
  eventId: z.string().min(1, 'must not be empty'),
  policyId: z.string().min(1, 'must not be empty'),
  policyVersion: z.number().int().min(0),
  type: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'expected a PascalCase event type, e.g. ReportAccepted'),
  day: isoDay.optional(),
  unitId: z.string().min(1).optional(),
  nip: z.string().min(1).optional(),
  occurredAt: z.iso.datetime({ offset: true, message: 'expected an ISO-8601 instant' }),
  payload: z.record(z.string(), z.unknown()),
});

/** A domain event in its storage envelope. */
export type DomainEventEnvelope = z.infer<typeof domainEventEnvelopeSchema>;

/** Validates envelopes; throws an Error naming the index, the field and the reason of the first problem. */
export function parseEventEnvelopes(input: unknown): DomainEventEnvelope[] {
  const parsed = z.array(domainEventEnvelopeSchema).safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue
    ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')
    : '';
  throw new Error(`events${where}: ${issue?.message ?? 'invalid'}`);
}
