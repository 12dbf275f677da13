import { CASE_VERBS } from '../cases/verbs';
import { decisionVerb } from './case-verb-support';

export const caseCancelConfirmedVerb = decisionVerb(CASE_VERBS.cancelConfirmed, (_data, actor) => ({
  type: 'cancel',
  actor,
}));
