/**
 * The parts of Microsoft Graph resources the bot reads, as Graph returns them (v1.0 unless noted).
 * Only properties the bot selects are listed; Graph may omit any nullable one.
 */

export interface AssignedLicense {
  skuId: string;
  disabledPlans: string[];
}

export interface LicenseAssignmentState {
  skuId: string | null;
  /** Non-null: the licence comes from this group and cannot be removed from the user directly. */
  assignedByGroup: string | null;
  state: string | null;
  error: string | null;
  disabledPlans: string[];
  lastUpdatedDateTime?: string | null;
}

export interface GraphUser {
  id: string;
  displayName: string | null;
  userPrincipalName: string | null;
  mail?: string | null;
  givenName?: string | null;
  surname?: string | null;
  accountEnabled?: boolean | null;
  usageLocation?: string | null;
  assignedLicenses?: AssignedLicense[];
  licenseAssignmentStates?: LicenseAssignmentState[];
}

export interface ServicePlanInfo {
  servicePlanId: string;
  servicePlanName: string | null;
  provisioningStatus: string | null;
  appliesTo: string | null;
}

export interface GraphLicenseDetails {
  id: string;
  skuId: string | null;
  skuPartNumber: string | null;
  servicePlans: ServicePlanInfo[];
}

export interface GraphSubscribedSku {
  id: string;
  skuId: string | null;
  skuPartNumber: string | null;
  capabilityStatus: string | null;
  consumedUnits: number | null;
  prepaidUnits: {
    enabled: number | null;
    suspended: number | null;
    warning: number | null;
    lockedOut?: number | null;
  } | null;
  appliesTo?: string | null;
}

export interface GraphRoom {
  id: string;
  displayName: string | null;
  emailAddress: string | null;
  building?: string | null;
  floorNumber?: number | null;
  floorLabel?: string | null;
  capacity?: number | null;
  nickname?: string | null;
}

export interface GraphRoomList {
  id: string;
  displayName: string | null;
  emailAddress: string | null;
}

/** An Entra ID device object. */
export interface GraphDevice {
  id: string;
  deviceId: string | null;
  displayName: string | null;
  accountEnabled: boolean | null;
  trustType: string | null;
  operatingSystem?: string | null;
  operatingSystemVersion?: string | null;
  approximateLastSignInDateTime?: string | null;
}

/** beta: `/teamwork/devices/{id}`. */
export interface GraphTeamworkDevice {
  id: string;
  deviceType: string;
  hardwareDetail: {
    serialNumber?: string | null;
    uniqueId?: string | null;
    macAddresses?: (string | null)[];
    manufacturer?: string | null;
    model?: string | null;
  };
  currentUser?: {
    id: string | null;
    displayName: string | null;
    userIdentityType?: string | null;
    userPrincipalName?: string | null;
  } | null;
  healthStatus?: string | null;
  activityState?: string | null;
  companyAssetTag?: string | null;
  notes?: string | null;
  lastModifiedDateTime?: string | null;
}

export interface TeamworkConnection {
  connectionStatus?: string | null;
  lastModifiedDateTime?: string | null;
}

export interface TeamworkSoftwareUpdateStatus {
  currentVersion?: string | null;
  availableVersion?: string | null;
  softwareFreshness?: string | null;
}

/** beta: `/teamwork/devices/{id}/health`. */
export interface GraphTeamworkDeviceHealth {
  id?: string;
  connection?: TeamworkConnection | null;
  loginStatus?: {
    exchangeConnection?: TeamworkConnection | null;
    teamsConnection?: TeamworkConnection | null;
    skypeConnection?: TeamworkConnection | null;
  } | null;
  softwareUpdateHealth?: {
    teamsClientSoftwareUpdateStatus?: TeamworkSoftwareUpdateStatus | null;
    firmwareSoftwareUpdateStatus?: TeamworkSoftwareUpdateStatus | null;
    operatingSystemSoftwareUpdateStatus?: TeamworkSoftwareUpdateStatus | null;
    adminAgentSoftwareUpdateStatus?: TeamworkSoftwareUpdateStatus | null;
    partnerAgentSoftwareUpdateStatus?: TeamworkSoftwareUpdateStatus | null;
    companyPortalSoftwareUpdateStatus?: TeamworkSoftwareUpdateStatus | null;
  } | null;
  lastModifiedDateTime?: string | null;
}

/** beta: `/teamwork/devices/{id}/configuration`. */
export interface GraphTeamworkDeviceConfiguration {
  id?: string;
  softwareVersions?: {
    adminAgentSoftwareVersion?: string | null;
    firmwareSoftwareVersion?: string | null;
    operatingSystemSoftwareVersion?: string | null;
    partnerAgentSoftwareVersion?: string | null;
    teamsClientSoftwareVersion?: string | null;
  } | null;
  systemConfiguration?: {
    networkConfiguration?: {
      hostName?: string | null;
      ipAddress?: string | null;
      defaultGateway?: string | null;
      primaryDns?: string | null;
      secondaryDns?: string | null;
      subnetMask?: string | null;
      isDhcpEnabled?: boolean | null;
      domainName?: string | null;
    } | null;
  } | null;
}

/** beta: `/teamwork/devices/{id}/operations/{id}`. */
export interface GraphTeamworkDeviceOperation {
  id: string;
  operationType: string;
  status: string;
  createdDateTime?: string | null;
  startedDateTime?: string | null;
  completedDateTime?: string | null;
  error?: { code?: string | null; message?: string | null } | null;
}
