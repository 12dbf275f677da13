import { CASE_VERBS } from '../cases/verbs';
import { decisionVerb } from './case-verb-support';

const HOUR = 3600_000;

/** Push the end of the window later (1 to 48 hours; 4 by default). */
export const caseExtendVerb = decisionVerb(CASE_VERBS.extend, (data, actor) => {
  const hours = Number(data.hours);
  const bounded = Number.isFinite(hours) ? Math.min(48, Math.max(1, Math.round(hours))) : 4;
  return { type: 'extend', actor, byMs: bounded * HOUR };
});
