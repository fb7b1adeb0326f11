/** The workflow bundle's entry point: every workflow the worker registers. */
export { proofWorkflow } from './proof';
export { unitDayWorkflow } from './unit-day';
