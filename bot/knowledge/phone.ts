import treeFile from './phone-decision-tree.json';
import firmwareFile from './phone-firmware.json';
import { loadPhoneKnowledge, phoneModelKey } from './phone-load';
import type {
  PhoneCause,
  PhoneCauseId,
  PhoneDecisionTree,
  PhoneFirmwareBaseline,
  PhoneFirmwareIssue,
  PhoneKnowledge,
  PhoneTreeQuestion,
} from './phone-types';
import { isExactVersion, matchesVersionPattern, patternSpecificity } from './versions';

export type {
  NetworkCheckId,
  PhoneCause,
  PhoneCauseId,
  PhoneDecisionTree,
  PhoneFirmwareBaseline,
  PhoneFirmwareIssue,
  PhoneKnowledge,
  PhoneTreeAnswer,
  PhoneTreeQuestion,
} from './phone-types';
export {
  NETWORK_CHECK_IDS,
  PHONE_CAUSE_IDS,
  PHONE_FIRMWARE_FILE,
  PHONE_TREE_FILE,
  loadPhoneKnowledge,
  parsePhoneFirmware,
  parsePhoneTree,
  phoneModelKey,
} from './phone-load';

/** The phone knowledge shipped with the bot; loading fails at start-up if a data file is malformed. */
export const defaultPhoneKnowledge: PhoneKnowledge = loadPhoneKnowledge({
  firmware: firmwareFile,
  tree: treeFile,
});

/**
 * The firmware baseline of a phone model. Graph reports the manufacturer and the model apart ("Poly", "CCX 500");
 * the model alone, or both in one string ("Poly CCX 500"), are found too. Case, spaces and dashes do not matter.
 */
export function firmwareBaseline(
  model: string | null | undefined,
  knowledge: PhoneKnowledge = defaultPhoneKnowledge,
  manufacturer?: string | null,
): PhoneFirmwareBaseline | undefined {
  if (!model?.trim()) return undefined;
  const modelKey = phoneModelKey('', model);
  const fullKey = phoneModelKey(manufacturer ?? '', model);
  const makerKey = phoneModelKey('', manufacturer ?? '');
  return knowledge.firmware.find((entry) => {
    const entryFull = phoneModelKey(entry.manufacturer, entry.model);
    if (entryFull === modelKey || entryFull === fullKey) return true;
    return (
      phoneModelKey('', entry.model) === modelKey &&
      (makerKey === '' || makerKey === phoneModelKey('', entry.manufacturer))
    );
  });
}

/** The known issue a firmware version belongs to: an exact entry wins over a pattern, a narrower over a wider. */
export function findFirmwareIssue(
  baseline: PhoneFirmwareBaseline,
  version: string | null | undefined,
): PhoneFirmwareIssue | undefined {
  if (!version?.trim()) return undefined;
  const matches = baseline.badVersions.filter((issue) =>
    matchesVersionPattern(version.trim(), issue.version),
  );
  matches.sort((a, b) => {
    const exact = Number(isExactVersion(b.version)) - Number(isExactVersion(a.version));
    return exact !== 0 ? exact : patternSpecificity(b.version) - patternSpecificity(a.version);
  });
  return matches[0];
}

/** A question of the tree by id. */
export function phoneQuestion(tree: PhoneDecisionTree, id: string): PhoneTreeQuestion | undefined {
  return tree.questions.find((q) => q.id === id);
}

/** A cause of the tree by id. */
export function phoneCause(tree: PhoneDecisionTree, id: PhoneCauseId): PhoneCause | undefined {
  return tree.causes.find((c) => c.id === id);
}
