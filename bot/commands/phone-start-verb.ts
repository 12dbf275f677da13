import { PHONE_VERBS } from '../cases/present-phone-case';
import { decisionVerb } from './case-verb-support';

/** A case opened from a report: the helpdesk begins the site checks. */
export const phoneStartVerb = decisionVerb(PHONE_VERBS.start, (_data, actor) => ({ type: 'start', actor }));
