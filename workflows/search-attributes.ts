import { defineSearchAttributeKey } from '@temporalio/common';

/** Custom search attributes, visible and filterable in the Temporal Web UI. No personal data, ever. */
export const PolicyNumber = defineSearchAttributeKey('PolicyNumber', 'KEYWORD');
export const Jurisdiction = defineSearchAttributeKey('Jurisdiction', 'KEYWORD');
export const PolicyStatus = defineSearchAttributeKey('PolicyStatus', 'KEYWORD');

/** Registered on the dev server at start (`npm run dev`, tests) and in the production namespace set-up. */
export const SEARCH_ATTRIBUTES = [PolicyNumber, Jurisdiction, PolicyStatus] as const;
