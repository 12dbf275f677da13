import { PHONE_VERBS } from '../cases/present-phone-case';
import { decisionVerb } from './case-verb-support';

/** Forget the answers and ask the site checks again from the first question (answers stay in the history). */
export const phoneChecksOverVerb = decisionVerb(PHONE_VERBS.over, (_data, actor) => ({
  type: 'restart-checks',
  actor,
}));
