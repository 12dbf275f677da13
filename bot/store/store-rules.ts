import type { RepairCase } from '../cases/model';
import type { NewJob } from './store';

/** Longest `lastError` kept: enough to diagnose, small enough for any engine's row limit. */
export const MAX_ERROR_CHARS = 4000;

/** Parses an ISO date the store must order by; a bad value is a programming error worth a precise message. */
export function timeMs(value: string, what: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`${what} is not a valid date: ${JSON.stringify(value)}`);
  return ms;
}

/**
 * The outbox only makes sense when the jobs belong to the case written with them; the Azure engine also needs it
 * because a case and its jobs share one partition.
 */
export function checkJobsBelongTo(repairCase: RepairCase, jobs: readonly NewJob[]): void {
  for (const job of jobs) {
    if (job.caseId !== repairCase.id) {
      throw new Error(
        `job ${job.id} belongs to case ${job.caseId}, not to case ${repairCase.id} written with it`,
      );
    }
    timeMs(job.dueAt, `dueAt of job ${job.id}`);
  }
}

export function checkNextVersion(repairCase: RepairCase, expectedVersion: number): void {
  if (repairCase.version !== expectedVersion + 1) {
    throw new Error(
      `case ${repairCase.id} is written as version ${repairCase.version} but must be ${expectedVersion + 1} ` +
        `(expected version ${expectedVersion} + 1)`,
    );
  }
}

export function clipError(error: string): string {
  return error.length > MAX_ERROR_CHARS ? `${error.slice(0, MAX_ERROR_CHARS - 1)}…` : error;
}

/** Orders cases as listCases returns them: newest first, the higher number breaking ties. */
export function newestFirst(a: RepairCase, b: RepairCase): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return b.number - a.number;
}
