// Azure hosting for Actieplan Digitaal Leiderschap, deployed by `arm/deploy` in teamsapp.yml.
//
// A first cut: one Linux App Service (Node 22) runs the server that serves the tab and its API,
// and will host the bot endpoint and the reminder job. The tab calls Microsoft Graph itself with
// the user's token (Nested App Authentication); the server makes its app-only calls with the app
// registration GRAPH_CLIENT_ID. The web app also carries a user-assigned managed identity, so the
// bot and a secret-free Graph or Key Vault access can use it later without a new deployment.
// Application Insights on a Log Analytics workspace collects logs and telemetry.
//
// Not here yet (later issues): the Azure Bot registration for Teams, Graph app-role grants for
// the managed identity (Bicep cannot grant Graph permissions without the Graph extension), the
// client secret in Key Vault instead of an app setting, and a compiled server build.
//
// Outputs in UPPER_SNAKE_CASE are written back to env/.env.<env> by the toolkit.

@minLength(12)
@maxLength(40)
@description('Base of every resource name: "actieplan" followed by RESOURCE_SUFFIX from env/.env.<env>. App Service names are global, so the suffix (3+ random lowercase characters) makes them unique.')
param resourceBaseName string

@description('Azure region of every resource; by default the region of the resource group.')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 is the smallest tier with Always On, which the reminder timer needs.')
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

@description('Client id of the tab\'s Microsoft Entra app (written by aadApp/create); the server accepts tokens issued for it.')
param aadAppClientId string

@description('Tenant id of the Microsoft Entra app (written by aadApp/create).')
param aadAppTenantId string

@description('Microsoft Graph base URL.')
param graphBaseUrl string = 'https://graph.microsoft.com/v1.0'

@description('Client id of the app registration the server uses for app-only Graph calls.')
param graphClientId string

@secure()
@description('Its client secret, from SECRET_GRAPH_CLIENT_SECRET in env/.env.<env>.user; stored as an app setting, never in an output.')
param graphClientSecret string

@description('The SharePoint site that holds the plan\'s lists, e.g. https://contoso.sharepoint.com/sites/actieplan.')
param sharePointSiteUrl string

@minValue(30)
@maxValue(730)
@description('Days the Log Analytics workspace keeps data.')
param logRetentionDays int = 30

@description('Tags put on every resource.')
param tags object = {
  application: 'actieplan-digitaal-leiderschap'
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

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: webAppSku
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
    // Any instance may answer any request; the reminder log, not memory, coordinates instances.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // The reminder job runs on a timer inside the server, so the site must never idle out.
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      // The server runs from TypeScript through tsx until a later issue adds a compiled build.
      appCommandLine: 'node --import tsx src/server/main.ts'
    }
  }
}

// Kept apart from the site so the settings can use the site's own host name.
resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    // App Service runs `npm install` on Linux after each zip deploy (node_modules is not uploaded).
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    // Selects the user-assigned identity for DefaultAzureCredential / ManagedIdentityCredential.
    AZURE_CLIENT_ID: identity.properties.clientId
    // App Service forwards traffic to the container's PORT; loopback would not receive it.
    HOST: '0.0.0.0'
    // In Teams the tab signs in with Nested App Authentication (the sandbox uses personas).
    TAB_AUTH: 'naa'
    TAB_ENDPOINT: 'https://${webApp.properties.defaultHostName}'
    TAB_DOMAIN: webApp.properties.defaultHostName
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_TENANT_ID: aadAppTenantId
    GRAPH_BASE_URL: graphBaseUrl
    TOKEN_URL: '${environment().authentication.loginEndpoint}${aadAppTenantId}/oauth2/v2.0/token'
    SHAREPOINT_SITE_URL: sharePointSiteUrl
    GRAPH_CLIENT_ID: graphClientId
    SECRET_GRAPH_CLIENT_SECRET: graphClientSecret
  }
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
        // Node writes its logs to stdout/stderr, which App Service collects as console logs.
        category: 'AppServiceConsoleLogs'
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

// Read by teamsapp.yml (azureAppService/zipDeploy) and by the manifest (TAB_ENDPOINT, TAB_DOMAIN).
output TAB_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
