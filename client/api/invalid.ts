import { type z } from 'zod';
import { errorBody, fieldsOf } from './errors';

/** One error shape for every 400: a code, the message in both languages, one entry per field and its reason. */
export function invalid(error: z.ZodError) {
  return errorBody('INVALID_INPUT', { fields: fieldsOf(error) });
}
