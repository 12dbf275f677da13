export { startEmulator } from './server';
export type { EmulatorOptions, RequestLogEntry, RunningEmulator } from './server';
export type { FaultSpec } from './faults';
export { loadDemoTenant, loadFixtureFile, validateFixture, FixtureError } from './fixture-loader';
export type {
  TenantFixture,
  FixtureBehaviour,
  FixtureSubscribedSku,
  FixtureServicePlan,
  FixtureGroup,
  FixtureUser,
  FixtureAssignedLicense,
  FixtureRoom,
  FixtureRoomList,
  FixtureEntraDevice,
  FixtureTeamworkDevice,
  ProvisioningStatus,
} from './fixture-types';
export { parseIsoDuration, formatIsoDuration, DurationError } from './duration';
export { parseFilter, evaluateFilter, FilterSyntaxError } from './odata-filter';
export type { FilterNode, ValueNode } from './odata-filter';
