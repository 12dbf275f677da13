import { until } from './until';

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * {@link until}, with what was seen instead added to the failure: for waits on other processes, where "timed out"
 * alone says nothing about what went wrong.
 */
export async function untilExplained<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  seen: () => Promise<string> | string,
): Promise<T> {
  try {
    return await until(what, probe, timeoutMs);
  } catch (err) {
    throw new Error(`${(err as Error).message} (${timeoutMs} ms). ${await seen()}`.trim());
  }
}
