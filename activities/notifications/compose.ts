/**
 * Turns notification requests (from workflows) into outbox messages: looks recipients up in the policy's
 * pinned directory, picks the address per channel, renders the template and derives the idempotency key.
 * Bad data (unknown NIP, no email or phone) becomes a message recorded as failed with the reason, so it is
 * visible and the rest of the batch goes on.
 */
import { z } from 'zod';
import { isKnownZone } from '../../domain/calendar';
import { type Employee } from '../../domain/org/model';
import { CHANNEL_NAMES, type ChannelName, type OutboxMessageInput, type Store } from '../store/store';
import { notificationKey } from './idempotency-key';
import { toE164Indonesia } from './phone';
import {
  LANGUAGES,
  notificationContentSchema,
  renderNotification,
  type NotificationContent,
} from './templates/render';

/** zod schema of an enqueue request. */
export const enqueueNotificationsSchema = z.object({
  policyId: z.string().min(1),
  letterNumber: z.string().min(1),
  timeZone: z.string().refine(isKnownZone, 'expected an IANA zone or WIB/WITA/WIT'),
  language: z.enum(LANGUAGES).default('id'),
  channels: z.array(z.enum(CHANNEL_NAMES)).min(1),
  /** The unit whose batch these messages belong to (default: each recipient's unit). */
  unitId: z.string().min(1).optional(),
  items: z
    .array(
      z.object({
        /** The person the notice is about (part of the idempotency key). */
        nip: z.string().min(1),
        /** Who receives it when not that person (the supervisor of an escalation, HR for a recap). */
        recipientNip: z.string().min(1).optional(),
        language: z.enum(LANGUAGES).optional(),
        content: notificationContentSchema,
        /**
         * Why this message cannot be delivered, known before enqueueing (no supervisor at the level, no recap
         * owner): it is recorded as failed with this reason, visible in the outbox, and never sent.
         */
        failure: z.string().min(1).optional(),
      }),
    )
    .max(5000, 'at most 5000 items per call; split the batch per unit'),
});
export type EnqueueNotificationsInput = z.input<typeof enqueueNotificationsSchema>;
type ParsedInput = z.infer<typeof enqueueNotificationsSchema>;

/** Validates a request; throws an Error naming the field and the reason. */
export function parseEnqueueInput(input: unknown): ParsedInput {
  const parsed = enqueueNotificationsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue
    ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')
    : '';
  throw new Error(`notifications${path}: ${issue?.message ?? 'invalid'}`);
}

function dayOf(c: NotificationContent): string {
  return c.kind === 'evaluation-summary' ? c.to : c.day;
}

function addressFor(channel: ChannelName, e: Employee): { recipient: string | null; missing?: string } {
  switch (channel) {
    case 'email':
      return e.email
        ? { recipient: e.email }
        : { recipient: null, missing: `no email address for NIP ${e.nip}` };
    case 'webhook': {
      if (!e.phone) return { recipient: null, missing: `no phone number for NIP ${e.nip}` };
      const e164 = toE164Indonesia(e.phone);
      return e164
        ? { recipient: e164 }
        : {
            recipient: null,
            missing: `phone number "${e.phone}" of NIP ${e.nip} is not an Indonesian number`,
          };
    }
    case 'file':
      return { recipient: e.email ?? e.phone ?? e.nip };
    default: {
      const unreachable: never = channel;
      return unreachable;
    }
  }
}

/** Builds the outbox messages of a validated request against the policy's pinned directory. */
export async function composeMessages(store: Store, input: ParsedInput): Promise<OutboxMessageInput[]> {
  const scope = { policyId: input.policyId };
  const recipients = await store.employeesByNip(
    scope,
    input.items.map((i) => i.recipientNip ?? i.nip),
  );
  const messages: OutboxMessageInput[] = [];
  for (const item of input.items) {
    const recipientNip = item.recipientNip ?? item.nip;
    const person = recipients.get(recipientNip);
    const language = item.language ?? input.language;
    const rendered = renderNotification(
      item.content,
      {
        recipientName: person?.name ?? `NIP ${recipientNip}`,
        letterNumber: input.letterNumber,
        timeZone: input.timeZone,
      },
      language,
    );
    // Part of the key: each escalation level, and each of a day's reminders, is a message of its own.
    const level =
      item.content.kind === 'escalation'
        ? item.content.level
        : item.content.kind === 'report-reminder'
          ? (item.content.reminder ?? 0)
          : 0;
    for (const channel of input.channels) {
      const address = item.failure
        ? { recipient: null, missing: item.failure }
        : person
          ? addressFor(channel, person)
          : { recipient: null, missing: `unknown NIP ${recipientNip} (not in the policy's directory)` };
      const day = dayOf(item.content);
      // A recap's key names what it covers: one HR officer gets many units' recaps the same day.
      const unit = item.content.kind === 'hr-recap' ? (item.content.unitId ?? input.unitId ?? '') : undefined;
      messages.push({
        key: notificationKey({
          policyId: input.policyId,
          day,
          nip: item.nip,
          kind: item.content.kind,
          level,
          channel,
          ...(unit !== undefined ? { unit } : {}),
        }),
        policyId: input.policyId,
        day,
        nip: item.nip,
        kind: item.content.kind,
        level,
        channel,
        unitId: input.unitId ?? person?.unitId ?? '',
        recipient: address.recipient,
        language,
        subject: rendered.subject,
        body: rendered.text,
        payload: { recipientNip, content: item.content },
        ...(address.missing ? { failure: address.missing } : {}),
      });
    }
  }
  return messages;
}
