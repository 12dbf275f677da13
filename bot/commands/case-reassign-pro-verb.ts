import { CASE_VERBS } from '../cases/verbs';
import { TEAMS_ROOMS_PRO_SKU } from '../workflow/effect-runner';
import { decisionVerb } from './case-verb-support';

/** Window open, the original SKU has no seat left: reassign Teams Rooms Pro instead. */
export const caseReassignProVerb = decisionVerb(CASE_VERBS.reassignPro, (_data, actor) => ({
  type: 'reassign',
  actor,
  override: false,
  // The SKU is fixed here, not taken from the card: a click must not be able to assign an arbitrary licence.
  skuId: TEAMS_ROOMS_PRO_SKU,
}));
