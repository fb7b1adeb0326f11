// Lint fixture: a workflow must not import a node built-in.
import { readFileSync } from 'fs';
export const bad = (): string => readFileSync('/etc/hostname', 'utf8');
