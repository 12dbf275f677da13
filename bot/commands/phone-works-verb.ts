import { PHONE_VERBS } from '../cases/present-phone-case';
import { decisionVerb } from './case-verb-support';

/** The post-remediation checks passed: the case closes as resolved and the reporters are told. */
export const phoneWorksVerb = decisionVerb(PHONE_VERBS.works, (_data, actor) => ({
  type: 'check-result',
  actor,
  works: true,
}));
