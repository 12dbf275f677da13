/*
 * Microsoft Graph PowerShell equivalents of the plan steps. Every value comes from Graph and may contain anything
 * a tenant admin typed, so it is quoted for PowerShell (and for OData inside filters) rather than pasted.
 */

const CONTROL_CHARS = /\p{Cc}/gu;
// PowerShell also treats typographic quotes as quotes.
const PS_SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g;
const PS_DOUBLE_QUOTED_SPECIALS = /[`$"\u201c\u201d\u201e]/g;

/** A PowerShell single-quoted literal: nothing inside is expanded. */
export function psLiteral(value: string): string {
  return `'${value.replace(CONTROL_CHARS, ' ').replace(PS_SINGLE_QUOTES, (q) => q + q)}'`;
}

/** A PowerShell array of literals: `@('a','b')`, `@()` when empty. */
export function psArray(values: readonly string[]): string {
  return `@(${values.map(psLiteral).join(',')})`;
}

// Filters are double-quoted in PowerShell because OData needs single quotes: escape for both layers.
function psODataEquals(property: string, value: string): string {
  const odata = `${property} eq '${value.replace(CONTROL_CHARS, ' ').replace(/'/g, "''")}'`;
  return `"${odata.replace(PS_DOUBLE_QUOTED_SPECIALS, (c) => '`' + c)}"`;
}

export const ps = {
  findUserByMail: (email: string) => `Get-MgUser -Filter ${psODataEquals('mail', email)}`,
  enableAccount: (upn: string) => `Update-MgUser -UserId ${psLiteral(upn)} -AccountEnabled:$true`,
  disableAudit: (upn: string) =>
    `Get-MgAuditLogDirectoryAudit -Filter "activityDisplayName eq 'Disable account'" -Top 50 | ` +
    `Where-Object { $_.TargetResources.UserPrincipalName -eq ${psLiteral(upn)} }`,
  setUsageLocation: (upn: string, country: string) =>
    `Update-MgUser -UserId ${psLiteral(upn)} -UsageLocation ${psLiteral(country || '<country code>')}`,
  subscribedSkus: (skuIds: readonly string[]) =>
    `Get-MgSubscribedSku -All | Where-Object SkuId -in ${psArray(skuIds)} | ` +
    'Select-Object SkuPartNumber, ConsumedUnits -ExpandProperty PrepaidUnits',
  assignedLicences: (upn: string) =>
    `(Get-MgUser -UserId ${psLiteral(upn)} -Property AssignedLicenses).AssignedLicenses | Format-List SkuId, DisabledPlans`,
  licenceDetails: (upn: string) => `Get-MgUserLicenseDetail -UserId ${psLiteral(upn)}`,
  licencePlans: (upn: string, skuId: string) =>
    `Get-MgUserLicenseDetail -UserId ${psLiteral(upn)} | Where-Object SkuId -eq ${psLiteral(skuId)} | ` +
    'Select-Object -ExpandProperty ServicePlans',
  removeLicence: (upn: string, skuId: string) =>
    `Set-MgUserLicense -UserId ${psLiteral(upn)} -AddLicenses @() -RemoveLicenses ${psArray([skuId])}`,
  addLicence: (upn: string, skuId: string, disabledPlans: readonly string[], replacesSkuId?: string) =>
    `Set-MgUserLicense -UserId ${psLiteral(upn)} ` +
    `-AddLicenses @{SkuId=${psLiteral(skuId)}; DisabledPlans=${psArray(disabledPlans)}} ` +
    `-RemoveLicenses ${psArray(replacesSkuId ? [replacesSkuId] : [])}`,
  reprocessLicences: (upn: string) => `Invoke-MgLicenseUser -UserId ${psLiteral(upn)}`,
  removeFromGroup: (groupId: string, userId: string) =>
    `Remove-MgGroupMemberByRef -GroupId ${psLiteral(groupId)} -DirectoryObjectId ${psLiteral(userId)}`,
  addToGroup: (groupId: string, userId: string) =>
    `New-MgGroupMemberByRef -GroupId ${psLiteral(groupId)} ` +
    `-OdataId ${psLiteral(`https://graph.microsoft.com/v1.0/directoryObjects/${userId}`)}`,
  restartDevice: (deviceId: string) =>
    `Restart-MgBetaTeamworkDevice -TeamworkDeviceId ${psLiteral(deviceId)}`,
  deviceHealth: (deviceId: string) =>
    `Get-MgBetaTeamworkDeviceHealth -TeamworkDeviceId ${psLiteral(deviceId)}`,
  deviceSignIn: (deviceId: string) =>
    `Get-MgBetaTeamworkDeviceHealth -TeamworkDeviceId ${psLiteral(deviceId)} | Select-Object -ExpandProperty LoginStatus`,
  deviceDiagnostics: (deviceId: string) =>
    `Start-MgBetaTeamworkDeviceDiagnostic -TeamworkDeviceId ${psLiteral(deviceId)}`,
  findTeamsDevice: (userId: string) =>
    `Get-MgBetaTeamworkDevice -Filter ${psODataEquals('currentUser/id', userId)}`,
  findEntraDevice: (name: string) =>
    `Get-MgDevice -Filter ${psODataEquals('displayName', name)} | ` +
    'Select-Object Id, DisplayName, AccountEnabled, TrustType, ApproximateLastSignInDateTime',
  enableEntraDevice: (objectId: string) =>
    `Update-MgDevice -DeviceId ${psLiteral(objectId)} -AccountEnabled:$true`,
};
