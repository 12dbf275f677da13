import type { Locale, TextParams } from '../i18n';
import type {
  NetworkCheckId,
  PhoneCause,
  PhoneDecisionTree,
  PhoneTreeAnswer,
  PhoneTreeQuestion,
} from '../knowledge/phone-types';
import type { PhoneSiteFacts } from './phone-rules';
import { phoneText, type PhoneTextKey } from './phone-texts';
import { plainText } from './plain-text';

/** One answer as a card sends it back. */
export interface PhoneTreeAnswerRef {
  questionId: string;
  answerId: string;
}

/** A question answered on the way, as the tree defines both. */
export interface PhoneTreeHop {
  question: PhoneTreeQuestion;
  answer: PhoneTreeAnswer;
}

/** Where the answers lead: the next question to ask, or the probable cause. `path` holds the answers so far. */
export type PhoneTreeStep =
  | { kind: 'question'; question: PhoneTreeQuestion; path: PhoneTreeHop[] }
  | { kind: 'conclusion'; cause: PhoneCause; path: PhoneTreeHop[] };

/**
 * Why answers were rejected: `unexpected-question` (the answer is not to the question the tree asks at that point:
 * out of order, skipping ahead or unknown), `unknown-answer` (not an answer of that question), `after-conclusion`
 * (answers past a conclusion), `broken-tree` (the tree links to something it does not define).
 */
export type PhoneTreeErrorCode =
  'unexpected-question' | 'unknown-answer' | 'after-conclusion' | 'broken-tree';

/** Answers that do not follow the tree, e.g. from a stale or forged card. */
export class PhoneTreeError extends Error {
  readonly code: PhoneTreeErrorCode;
  /** The position of the offending answer in the list. */
  readonly index: number;

  constructor(code: PhoneTreeErrorCode, index: number, message: string) {
    super(message);
    this.name = 'PhoneTreeError';
    this.code = code;
    this.index = index;
  }
}

/**
 * Replays answers from the root of the tree and returns where they lead. Every answer must answer the question the
 * tree asks at that point, so a card cannot skip a question or jump to a conclusion.
 * @throws PhoneTreeError when the answers do not follow the tree.
 */
export function phoneTreeStep(
  tree: PhoneDecisionTree,
  answers: readonly PhoneTreeAnswerRef[],
): PhoneTreeStep {
  const questionById = (id: string, index: number): PhoneTreeQuestion => {
    const question = tree.questions.find((q) => q.id === id);
    if (!question) throw new PhoneTreeError('broken-tree', index, `the tree has no question "${id}"`);
    return question;
  };
  let question = questionById(tree.root, 0);
  const path: PhoneTreeHop[] = [];
  for (const [index, given] of answers.entries()) {
    if (given.questionId !== question.id) {
      throw new PhoneTreeError(
        'unexpected-question',
        index,
        `answer ${index} is to "${given.questionId}", but the tree asks "${question.id}" at that point`,
      );
    }
    const answer = question.answers.find((a) => a.id === given.answerId);
    if (!answer) {
      throw new PhoneTreeError(
        'unknown-answer',
        index,
        `"${given.answerId}" is not an answer of question "${question.id}"`,
      );
    }
    path.push({ question, answer });
    if (answer.conclusion !== undefined) {
      if (index < answers.length - 1) {
        throw new PhoneTreeError(
          'after-conclusion',
          index + 1,
          `answer ${index + 1} comes after the conclusion "${answer.conclusion}"`,
        );
      }
      const conclusion = answer.conclusion;
      const cause = tree.causes.find((c) => c.id === conclusion);
      if (!cause) throw new PhoneTreeError('broken-tree', index, `the tree has no cause "${conclusion}"`);
      return { kind: 'conclusion', cause, path };
    }
    question = questionById(answer.next, index);
  }
  return { kind: 'question', question, path };
}

/** The checklist for the network team: a title, the phone's facts and the checks, each a line of text. */
export interface NetworkHandoff {
  title: string;
  /** "Label: value" lines identifying the phone on the network. */
  facts: string[];
  /** What to check, with this phone's values and the exact ports; empty when the cause is not on the network. */
  checks: string[];
}

/** How to write the hand-off. */
export interface NetworkHandoffOptions {
  /** Whether the lines will be read as Markdown (the default): Graph values are then escaped. */
  markdown?: boolean;
}

const NOT_REPORTED = '—';

/**
 * Writes the checklist to hand to the network team for a cause, filled with this phone's IP, MAC, site, gateway
 * and DNS servers, in the reader's language. Values missing from Graph show as "—" in the facts and as a generic
 * reference ("the voice VLAN") in the checks.
 */
export function networkHandoff(
  cause: PhoneCause,
  site: PhoneSiteFacts,
  locale: Locale,
  options: NetworkHandoffOptions = {},
): NetworkHandoff {
  const markdown = options.markdown ?? true;
  const t = (key: PhoneTextKey, params?: TextParams) => phoneText(locale, key, params);
  const g = (value: string) => (markdown ? plainText(value) : value.replace(/[\r\n]+/g, ' '));
  const fact = (label: PhoneTextKey, value: string) =>
    t('format.fact', { label: t(label), value: value ? g(value) : NOT_REPORTED });

  const model = [site.manufacturer, site.model].filter(Boolean).join(' ');
  const facts = [
    fact('fact.phone', model),
    ...(site.serialNumber ? [fact('fact.serial', site.serialNumber)] : []),
    ...(site.assetTag ? [fact('fact.assetTag', site.assetTag)] : []),
    ...(site.user ? [fact('fact.user', site.user)] : []),
    fact('fact.site', site.site),
    fact('fact.mac', site.macAddress),
    fact('fact.ip', site.ipAddress),
    ...(site.subnetMask ? [fact('fact.subnetMask', site.subnetMask)] : []),
    fact('fact.gateway', site.gateway),
    fact('fact.dns', site.dnsServers.join(', ')),
    ...(site.dhcp === null
      ? []
      : [t('format.fact', { label: t('fact.dhcp'), value: t(dhcpKey(site.dhcp)) })]),
    ...(site.hostName ? [fact('fact.hostName', site.hostName)] : []),
    ...(site.firmware ? [fact('fact.firmware', site.firmware)] : []),
  ];

  const params: TextParams = {
    macRef: site.macAddress ? t('handoff.ref.mac', { mac: g(site.macAddress) }) : t('handoff.ref.phone'),
    from: site.ipAddress ? g(site.ipAddress) : t('handoff.from.vlan'),
    ip: g(site.ipAddress),
    dns: site.dnsServers.length > 0 ? g(site.dnsServers.join(', ')) : t('handoff.fallback.dns'),
    gateway: site.gateway ? g(site.gateway) : t('handoff.fallback.gateway'),
  };
  const checks = cause.handoff.flatMap((check: NetworkCheckId) => {
    const line = t(`handoff.check.${check}`, params);
    // A static address bypasses DHCP: the scope can be perfect and the phone still on the wrong subnet.
    if (check === 'dhcp' && site.dhcp === false && site.ipAddress) {
      return [line, t('handoff.check.staticAddress', params)];
    }
    return [line];
  });

  const phone = site.hostName || model;
  const title =
    checks.length > 0
      ? t('handoff.title', { phone: phone ? g(phone) : t('phone.unknownModel'), cause: cause.title[locale] })
      : t('handoff.titleNoChecks', { cause: cause.title[locale] });
  return { title, facts, checks };
}

function dhcpKey(dhcp: boolean): PhoneTextKey {
  return dhcp ? 'value.dhcpOn' : 'value.dhcpOff';
}
