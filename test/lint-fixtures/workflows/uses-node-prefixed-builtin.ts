// Lint fixture: a workflow must not import a node built-in under its `node:` name either.
import { createHash } from 'node:crypto';
export const bad = (text: string): string => createHash('sha256').update(text).digest('hex');
