import type { LocalizedText } from './types';

/** A firmware version (or family, `*` as in the Teams Rooms builds) known to cause trouble on a phone model. */
export interface PhoneFirmwareIssue {
  version: string;
  note: LocalizedText;
}

/** The firmware a phone model should run. Versions are dotted numbers compared segment by segment. */
export interface PhoneFirmwareBaseline {
  manufacturer: string;
  model: string;
  /** Oldest version considered supported: anything older must be updated. */
  minimum: string;
  /** The version to update to. */
  recommended: string;
  badVersions: PhoneFirmwareIssue[];
}

/** The causes the site decision tree can conclude; the code knows each one (hand-off, workflow). */
export type PhoneCauseId =
  | 'vlan-dhcp-cabling'
  | 'egress-filtering'
  | 'poe-budget'
  | 'time-certificates'
  | 'licence-account'
  | 'corrupt-profile'
  | 'firmware'
  | 'escalate';

/** A check the network team can run; the hand-off text of each lives with the code, filled with the phone's facts. */
export type NetworkCheckId =
  'switch-port' | 'voice-vlan' | 'dhcp' | 'cabling' | 'firewall' | 'proxy' | 'dns' | 'ntp' | 'poe';

/** A probable cause the tree ends on, with what to do about it. */
export interface PhoneCause {
  id: PhoneCauseId;
  title: LocalizedText;
  /** Why this is the probable cause, given the answers that led here. */
  explanation: LocalizedText;
  /** Corrective actions, in the order to try them. */
  actions: LocalizedText[];
  /** The network team's checks that apply; empty when the cause is not on the network side. */
  handoff: NetworkCheckId[];
}

/** One answer of a question: it leads either to another question or to a cause. */
export type PhoneTreeAnswer =
  | { id: string; label: LocalizedText; next: string; conclusion?: undefined }
  | { id: string; label: LocalizedText; conclusion: PhoneCauseId; next?: undefined };

/** A question someone at the phone can answer. */
export interface PhoneTreeQuestion {
  id: string;
  text: LocalizedText;
  /** Where to look or how to test, when the question alone is not enough. */
  help?: LocalizedText;
  answers: PhoneTreeAnswer[];
}

/** The site decision tree: acyclic, every question reachable from the root, every path ends on a cause. */
export interface PhoneDecisionTree {
  root: string;
  questions: PhoneTreeQuestion[];
  causes: PhoneCause[];
}

/** What the phone rules know, loaded from the phone JSON files of this folder. */
export interface PhoneKnowledge {
  firmware: PhoneFirmwareBaseline[];
  tree: PhoneDecisionTree;
}
