// Azure hosting for Actieplan Digitaal Leiderschap, deployed by `arm/deploy` in teamsapp.yml.
//
// One Linux App Service (Node 22) runs the app server: the tab (static files and /config.json), the
// bot's messaging endpoint /api/messages, /healthz, and the reminder job on a timer inside the same
// process. Why App Service and not Functions + static hosting: see docs/deploy.md ("Why App Service").
//
// Identity, without secrets where the platform allows it:
// - a user-assigned managed identity is the Azure Bot's identity (msaAppType UserAssignedMSI): the
//   bot gets its Bot Framework tokens from the identity, so the bot has no client secret at all;
// - the same identity reads Key Vault (RBAC role "Key Vault Secrets User" on this vault only) and
//   resolves the Key Vault reference in the app settings;
// - the server's app-only Graph calls still use the app registration GRAPH_CLIENT_ID with a client
//   secret (the server code reads SECRET_GRAPH_CLIENT_SECRET). That secret is the one secret that
//   cannot be avoided today; it lives in Key Vault, and the app setting is a Key Vault reference.
//
// Scale-out: any instance may answer any request (no session affinity), and the reminder job may
// run on every instance at once: the reminder log in SharePoint (unique key per MT and meeting), not
// memory, decides which instance sends. The App Service health check takes a failing instance out.
//
// Outputs are UPPER_SNAKE_CASE: the toolkit writes each one to env/.env.<env> under its upper-cased
// name (scripts/check-env-wiring.ts checks that teamsapp.yml and the manifest use only these).

@minLength(12)
@maxLength(40)
@description('Base of every resource name: "actieplan" followed by RESOURCE_SUFFIX from env/.env.<env>. App Service and bot names are global, so the suffix (3+ random lowercase letters or digits) makes them unique.')
param resourceBaseName string

@description('Azure region of every resource except the bot registration (global); by default the region of the resource group.')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 is the smallest tier with Always On, which the reminder timer needs; S1 and up allow more than 3 instances and deployment slots.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param webAppSku string = 'B1'

@minValue(1)
@maxValue(10)
@description('Number of web app instances. More than one is safe: the reminder log decides which instance sends.')
param instanceCount int = 1

@description('Command App Service runs to start the server (from the deployed project folder).')
param startCommand string = 'npm run serve'

@maxLength(64)
@description('Display name of the bot in Teams (cut to the 42 characters Azure Bot allows).')
param botDisplayName string

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot pricing tier. Teams is a standard channel, free and unlimited on F0.')
param botSku string = 'F0'

@description('Client id of the tab\'s Microsoft Entra app (written by aadApp/create); the server hands it to the tab in /config.json.')
param aadAppClientId string

@description('Tenant id of the Microsoft 365 tenant (written by aadApp/create). Must be the tenant of this subscription: the bot\'s managed identity lives there.')
param aadAppTenantId string

@description('Microsoft Graph base URL of the tenant\'s cloud.')
param graphBaseUrl string = 'https://graph.microsoft.com/v1.0'

@description('Client id of the server\'s app registration for app-only Graph calls (written by aadApp/create; Sites.Selected).')
param graphClientId string

@secure()
@minLength(1)
@description('Its client secret, from SECRET_GRAPH_CLIENT_SECRET in env/.env.<env>.user. Stored only in Key Vault; the app setting is a Key Vault reference.')
param graphClientSecret string

@minLength(12)
@description('The SharePoint site that holds the plan\'s lists, e.g. https://contoso.sharepoint.com/sites/actieplan.')
param sharePointSiteUrl string

@minValue(60)
@maxValue(3600)
@description('Seconds between two runs of the reminder job.')
param reminderIntervalSeconds int = 300

@description('Object id of a person or group that may manage Key Vault secrets and certificates (e.g. to import the SharePoint certificate); empty for none.')
param keyVaultAdminObjectId string = ''

@description('Turns on Key Vault purge protection. It cannot be turned off again and keeps a deleted vault\'s name reserved for the retention period; recommended for production.')
param keyVaultPurgeProtection bool = false

@minValue(30)
@maxValue(730)
@description('Days the Log Analytics workspace keeps data.')
param logRetentionDays int = 30

@description('Tags put on every resource.')
param tags object = {
  application: 'actieplan-digitaal-leiderschap'
}

// Built-in role: Key Vault Secrets User (read secret contents).
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
// Built-in role: Key Vault Administrator (manage secrets, keys and certificates in an RBAC vault).
var keyVaultAdministratorRoleId = '00482a5a-887f-4fb3-b363-3b7fe8e74483'
var graphSecretName = 'graph-client-secret'
var keyVaultProperties = {
  tenantId: subscription().tenantId
  sku: {
    family: 'A'
    name: 'standard'
  }
  enableRbacAuthorization: true
  enableSoftDelete: true
  softDeleteRetentionInDays: 90
  publicNetworkAccess: 'Enabled'
}
var keyVaultPurgeProtectionProperties = {
  enablePurgeProtection: true
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
  tags: tags
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-log'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-appi'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

// RBAC mode: no access policies; who may read what is an Azure role assignment on this vault.
resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  // 3-24 characters, globally unique, starting with a letter.
  name: 'kv-${uniqueString(resourceGroup().id, resourceBaseName)}'
  location: location
  tags: tags
  // enablePurgeProtection may only be set to true (never false), so it is added only when asked for.
  properties: keyVaultPurgeProtection ? union(keyVaultProperties, keyVaultPurgeProtectionProperties) : keyVaultProperties
}

resource graphSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: graphSecretName
  properties: {
    value: graphClientSecret
    contentType: 'Client secret of the app registration ${graphClientId} (Microsoft Graph, Sites.Selected)'
  }
}

resource identityReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource adminManagesVault 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(keyVaultAdminObjectId)) {
  name: guid(keyVault.id, keyVaultAdminObjectId, keyVaultAdministratorRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultAdministratorRoleId)
    principalId: keyVaultAdminObjectId
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: instanceCount
  }
  properties: {
    // Required for a Linux plan.
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
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
    // Key Vault references in the app settings are resolved with the user-assigned identity.
    keyVaultReferenceIdentity: identity.id
    // Any instance may answer any request; the reminder log, not memory, coordinates instances.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // The reminder job runs on a timer inside the server, so the site must never idle out.
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/healthz'
      appCommandLine: startCommand
    }
  }
}

// Kept apart from the site so the settings can use the site's own host name. Only the variables the
// server reads (src/server/config.ts) plus platform settings; tests/unit/deploy checks them against
// the server's config schema.
resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    // App Service installs node_modules on Linux after each zip deploy (node_modules is not uploaded): the runtime
    // dependencies only. The upload carries the built tab and server (dist/), so nothing is built here.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
    CUSTOM_BUILD_COMMAND: 'npm ci --omit=dev --no-audit --no-fund'
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
    // Selects the user-assigned identity for DefaultAzureCredential / ManagedIdentityCredential.
    AZURE_CLIENT_ID: identity.properties.clientId
    // App Service forwards traffic to the container's PORT (it sets PORT itself); loopback would not receive it.
    HOST: '0.0.0.0'
    // In Teams the tab signs in with Nested App Authentication (the sandbox uses personas).
    TAB_AUTH: 'naa'
    TAB_ENDPOINT: 'https://${webApp.properties.defaultHostName}'
    AAD_APP_CLIENT_ID: aadAppClientId
    GRAPH_BASE_URL: graphBaseUrl
    TOKEN_URL: '${environment().authentication.loginEndpoint}${aadAppTenantId}/oauth2/v2.0/token'
    SHAREPOINT_SITE_URL: sharePointSiteUrl
    GRAPH_CLIENT_ID: graphClientId
    // Resolved by App Service from Key Vault at start; the secret never appears in the settings.
    SECRET_GRAPH_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${graphSecret.properties.secretUri})'
    // The bot (Teams SDK names): the managed identity is the bot's app id; no CLIENT_SECRET, so the
    // SDK takes its tokens from the identity. SERVICE_URL stays unset: the SDK's public default.
    CLIENT_ID: identity.properties.clientId
    TENANT_ID: aadAppTenantId
    MANAGED_IDENTITY_CLIENT_ID: identity.properties.clientId
    REMINDER_INTERVAL_SECONDS: string(reminderIntervalSeconds)
  }
  dependsOn: [
    identityReadsSecrets
  ]
}

resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        // The server writes one JSON line per event to stdout, which App Service collects as console logs.
        category: 'AppServiceConsoleLogs'
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

// The bot registration: its app id is the managed identity, so there is no bot secret to keep.
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: take(botDisplayName, 42)
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    publicNetworkAccess: 'Enabled'
  }
}

resource botTeamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

// Read by teamsapp.yml (azureAppService/zipDeploy), the Teams manifest (TAB_ENDPOINT, TAB_DOMAIN,
// BOT_ID) and infra/aad.manifest.json (TAB_DOMAIN, TAB_ENDPOINT).
output TAB_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
// The Outlook add-in's pages and icons (manifest extensions) are served by the same web app under /addin/.
output ADDIN_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_ID string = identity.properties.clientId
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}/api/messages'
output AZURE_BOT_NAME string = bot.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output KEY_VAULT_NAME string = keyVault.name
