// Lint fixture: domain/ must not import @temporalio or read the clock.
import { sleep } from '@temporalio/workflow';
export const bad = async (): Promise<number> => {
  await sleep(1);
  return Date.now();
};
