// Azure resources for the helpdesk bot. One user-assigned managed identity is the bot's only credential: the Azure Bot
// authenticates with it (UserAssignedMSI), and the bot uses it for Microsoft Graph and Azure Table Storage. No secret,
// key or password is created, passed or output. See infra/README.md.
targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------------------

@description('Prefix of every resource name: 3 to 20 lowercase letters, digits or hyphens. Names that must be globally unique (web app, bot, storage account) also get a suffix derived from the resource group.')
@minLength(3)
@maxLength(20)
param resourceBaseName string

@description('Azure region of the regional resources. The Azure Bot itself is global.')
param location string = resourceGroup().location

@description('Display name of the Azure Bot resource (the Teams app name comes from appPackage/manifest.json).')
param botDisplayName string = 'Helpdesk Bot'

@description('Azure Bot pricing tier. F0 is free and enough: messages on standard channels such as Teams are not billed.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('App Service plan SKU (Linux). B1 is the cheapest tier with Always On (at most 3 instances); P0v3 or P1v3 for production (autoscale, zone redundancy, more instances).')
@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'S3', 'P0v3', 'P1v3', 'P2v3', 'P3v3'])
param appServicePlanSku string = 'B1'

@description('Number of web app instances (the App Service plan capacity). Two or more keep the bot up during platform maintenance; several instances need STORE=azure-tables, which this template sets.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('Replication of the storage account that holds the cases, timers and conversation references.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param storageSku string = 'Standard_LRS'

@description('Comma-separated Entra tenant ids whose Teams activities the bot accepts (ALLOWED_TENANT_IDS). Empty: the tenant of this subscription.')
param allowedTenantIds string = ''

@description('Object id of the Entra group whose direct members may act on repair cases (HELPDESK_GROUP_ID). May be empty only if helpdeskUserIds is set: the bot refuses to start without either.')
param helpdeskGroupId string

@description('Comma-separated Entra object ids of people who may act on cases in addition to the group (HELPDESK_USER_IDS).')
param helpdeskUserIds string = ''

@description('Whether a second helpdesk member must approve each licence removal (REQUIRE_APPROVAL).')
param requireApproval bool = false

@description('Log level of the bot (LOG_LEVEL).')
@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
param logLevel string = 'info'

@description('Prefix of the Azure Table Storage table names (AZURE_TABLES_PREFIX): letters and digits only.')
@minLength(1)
@maxLength(40)
param tablePrefix string = 'helpdesk'

@description('Days the Log Analytics workspace keeps logs and telemetry. The first 31 days are included in the ingestion price.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Tags applied to every resource.')
param tags object = {}

// ---------------------------------------------------------------------------------------------------------------------
// Names and constants
// ---------------------------------------------------------------------------------------------------------------------

var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var webAppName = '${resourceBaseName}-${suffix}'
var botName = '${resourceBaseName}-bot-${suffix}'
// 3 to 24 lowercase letters and digits: at most 11 from the base name, then the 13-character suffix.
var storageAccountName = '${take(replace(toLower(resourceBaseName), '-', ''), 11)}${suffix}'
var tableEndpoint = 'https://${storageAccountName}.table.${environment().suffixes.storage}'
var acceptedTenantIds = empty(allowedTenantIds) ? subscription().tenantId : allowedTenantIds

// Built-in Azure role definitions.
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

// ---------------------------------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------------------------------

// The bot's identity: Bot Framework app id, Graph caller (application permissions granted by
// infra/grant-graph-permissions.sh) and Table Storage client (role assignment below).
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
  tags: tags
}

// ---------------------------------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------------------------------

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

// Workspace-based Application Insights. Local (instrumentation key) authentication is disabled: telemetry is accepted
// only with an Entra token of the managed identity, which holds Monitoring Metrics Publisher below.
resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, monitoringMetricsPublisherRoleId)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'The helpdesk bot sends telemetry with its managed identity.'
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Storage: cases, timers and conversation references in Azure Table Storage, reached with the managed identity only
// ---------------------------------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

// Read, write and create tables and entities in this account only. The bot creates its tables at start.
resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'The helpdesk bot stores its cases in Azure Table Storage with its managed identity.'
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Hosting: App Service on Linux, Node.js 20
// ---------------------------------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/bot/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      webSocketsEnabled: false
    }
  }
}

// The settings the bot reads (bot/config.ts), plus two for the App Service build. Every value is an identifier, a URL
// or a choice: there is nothing secret to keep out of here.
resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    NODE_ENV: 'production'
    // Bot Framework authentication with the managed identity.
    MicrosoftAppType: 'UserAssignedMSI'
    MicrosoftAppId: identity.properties.clientId
    MicrosoftAppTenantId: identity.properties.tenantId
    ALLOWED_TENANT_IDS: acceptedTenantIds
    // Microsoft Graph with the same identity.
    GRAPH_AUTH: 'managed-identity'
    GRAPH_CLIENT_ID: identity.properties.clientId
    // Azure Table Storage with the same identity, so that several instances share the cases and timers.
    STORE: 'azure-tables'
    AZURE_TABLES_ENDPOINT: tableEndpoint
    AZURE_TABLES_PREFIX: tablePrefix
    AZURE_CLIENT_ID: identity.properties.clientId
    // Who may act on repair cases, and how.
    HELPDESK_GROUP_ID: helpdeskGroupId
    HELPDESK_USER_IDS: helpdeskUserIds
    REQUIRE_APPROVAL: requireApproval ? 'true' : 'false'
    LOG_LEVEL: logLevel
    // Where telemetry goes (ingestion is authenticated with the managed identity, see appInsights).
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    // App Service build on deployment: install the production dependencies on Linux (better-sqlite3 is native); the
    // JavaScript in dist/ is built before the upload.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
    CUSTOM_BUILD_COMMAND: 'npm ci --omit=dev'
  }
}

// Deployments go through the SCM site with Entra ID; FTP is off.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

// The bot logs JSON lines to stdout (pino): keep them, the HTTP log and the platform log in Log Analytics.
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Azure Bot with the Teams channel
// ---------------------------------------------------------------------------------------------------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Outputs: the Agents Toolkit writes them to env/.env.<environment> (BOT_ID fills appPackage/manifest.json)
// ---------------------------------------------------------------------------------------------------------------------

@description('The bot\'s app id: the managed identity\'s client id.')
output BOT_ID string = identity.properties.clientId

@description('Tenant of the bot\'s identity.')
output BOT_TENANT_ID string = identity.properties.tenantId

@description('Host name of the web app.')
output BOT_DOMAIN string = webApp.properties.defaultHostName

@description('Messaging endpoint registered on the Azure Bot.')
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}/api/messages'

@description('Resource id of the web app, the target of the deploy step.')
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id

@description('Resource id of the Azure Bot.')
output BOT_SERVICE_RESOURCE_ID string = bot.id

@description('Client id of the managed identity (GRAPH_CLIENT_ID, AZURE_CLIENT_ID).')
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId

@description('Object id of the managed identity\'s service principal: pass it to infra/grant-graph-permissions.sh.')
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId

@description('Resource id of the managed identity.')
output MANAGED_IDENTITY_RESOURCE_ID string = identity.id

@description('Resource id of the storage account.')
output STORAGE_ACCOUNT_RESOURCE_ID string = storage.id

@description('Table endpoint the bot uses (AZURE_TABLES_ENDPOINT).')
output AZURE_TABLES_ENDPOINT string = tableEndpoint

@description('Resource id of Application Insights.')
output APPLICATION_INSIGHTS_RESOURCE_ID string = appInsights.id

@description('Resource id of the Log Analytics workspace.')
output LOG_ANALYTICS_WORKSPACE_RESOURCE_ID string = logAnalytics.id
