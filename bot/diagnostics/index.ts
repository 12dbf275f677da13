export type { EvidenceGap, RoomFacts } from './room-facts';
export type {
  Finding,
  FindingCode,
  FindingParamsByCode,
  LicenceAssignment,
  PlanParamsByStep,
  PlanStage,
  PlanStep,
  PlanStepId,
  Provisioning,
  RoomDiagnosis,
  RoomLicenceSnapshot,
  RoomVerdict,
  Severity,
  VerdictCode,
} from './room-diagnosis';
export { diagnoseRoom, type RoomRulesOptions } from './room-rules';
export { formatUtc, presentRoomDiagnosis, type PresentOptions } from './present-room';
export { plainText } from './plain-text';
export { roomLicenceSku, userLicencesOnRoom, type HeldLicence } from './licences';
