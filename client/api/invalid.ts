import { type z } from 'zod';

/** One error shape for every 400: a code and one entry per field, naming it and the reason. */
export function invalid(error: z.ZodError) {
  return {
    error: 'INVALID_INPUT',
    fields: error.issues.map((i) => ({ field: i.path.join('.') || '(body)', reason: i.message })),
  };
}
