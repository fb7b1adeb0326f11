/** The workflow bundle's entry point: every workflow the worker registers. */
export { proofWorkflow } from './proof';
export { unitDayWorkflow } from './unit-day';
export { policyDayWorkflow } from './policy-day';
export { policyWorkflow } from './policy';
