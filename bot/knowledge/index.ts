import buildsFile from './teams-rooms-builds.json';
import licencesFile from './licences.json';
import { loadKnowledge } from './load';
import type { Knowledge, KnownBuild, LicenceSku } from './types';
import { isExactVersion, matchesVersionPattern, patternSpecificity } from './versions';

export type {
  BuildStatus,
  BuildSymptom,
  Knowledge,
  KnownBuild,
  LicenceCategory,
  LicenceMatrix,
  LicenceSku,
  LocalizedText,
  RoomLicenceCategory,
} from './types';
export {
  BUILDS_FILE,
  KnowledgeError,
  LICENCES_FILE,
  loadKnowledge,
  parseBuilds,
  parseLicences,
} from './load';
export { compareVersions, matchesVersionPattern } from './versions';

/** The knowledge shipped with the bot; loading fails at start-up if a data file is malformed. */
export const defaultKnowledge: Knowledge = loadKnowledge({ builds: buildsFile, licences: licencesFile });

/** The licence matrix entry for a skuId (GUIDs compare case-insensitively), if the matrix knows it. */
export function findLicence(knowledge: Knowledge, skuId: string | null | undefined): LicenceSku | undefined {
  if (!skuId) return undefined;
  const wanted = skuId.toLowerCase();
  return knowledge.licences.skus.find((sku) => sku.skuId === wanted);
}

/**
 * The known build a version belongs to: an exact entry wins over a pattern, and a more specific pattern over a
 * looser one.
 */
export function findKnownBuild(
  knowledge: Knowledge,
  version: string | null | undefined,
): KnownBuild | undefined {
  if (!version?.trim()) return undefined;
  const matches = knowledge.builds.filter((build) => matchesVersionPattern(version, build.version));
  matches.sort((a, b) => {
    const exact = Number(isExactVersion(b.version)) - Number(isExactVersion(a.version));
    return exact !== 0 ? exact : patternSpecificity(b.version) - patternSpecificity(a.version);
  });
  return matches[0];
}
