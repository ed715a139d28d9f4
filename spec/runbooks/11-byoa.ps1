# Bring Your Own Application (seed 001): the administrator registers the application, grants the permissions through
# Microsoft Graph (steps 1-7; writeback steps 8-10 when it is enabled), registers the certificate, then links it.
# Prompt answers (stdin): Graph sign-in (account, password), then the Connect admin's password.
# {ConnectSyncAppId} etc. are filled from the responses.
Connect-MgGraph -Scopes 'Application.ReadWrite.All','AppRoleAssignment.ReadWrite.All' -NoWelcome
# The customer creates a certificate as instructed in the BYOC prerequisites.
$cert = New-SelfSignedCertificate -Subject 'CN=ConnectSyncBYOA' -CertStoreLocation 'Cert:\LocalMachine\My' -KeyAlgorithm RSA -KeyLength 2048 -HashAlgorithm SHA256 -KeyExportPolicy NonExportable -Provider 'Microsoft Platform Crypto Provider'
$cert | Grant-EmulatorKeyAccess
$certHash = [System.Convert]::ToHexString([System.Security.Cryptography.SHA256]::Create().ComputeHash($cert.GetRawCertData()))
# The customer registers an application and creates a service principal, and registers the certificate with it.
$app = Invoke-MgGraphRequest -Method POST -Uri '/v1.0/applications' -Body @{ displayName = 'Contoso Connect Sync (BYOA)'; signInAudience = 'AzureADMyOrg'; keyCredentials = @(@{ type = 'AsymmetricX509Cert'; usage = 'Verify'; key = [System.Convert]::ToBase64String($cert.GetRawCertData()); displayName = 'CN=ConnectSyncBYOA' }) }
$ConnectSyncAppId = $app.appId
$sp = Invoke-MgGraphRequest -Method POST -Uri '/v1.0/servicePrincipals' -Body @{ appId = $ConnectSyncAppId }
$ConnectSyncSPId = $sp.id
$SynchronizationServiceAppId = '6bf85cfa-ac8a-4be5-b5de-425a0d0dc016'
# 2.
$SynchronizationServiceSPId = (Invoke-MgGraphRequest -Method GET -Uri "/v1.0/servicePrincipals(appId='$SynchronizationServiceAppId')?`$select=id").id
# 3.
$SynchronizationServiceAppRoleId = ((Invoke-MgGraphRequest -Method GET -Uri "/v1.0/servicePrincipals(appId='$SynchronizationServiceAppId')?`$select=appRoles").appRoles | Where-Object { $_.value -eq 'ADSynchronization.ReadWrite.All' }).id
# 6.
Invoke-MgGraphRequest -Method PATCH -Uri "/v1.0/applications(appId='$ConnectSyncAppId')" -Body @{ requiredResourceAccess = @(@{ resourceAppId = $SynchronizationServiceAppId; resourceAccess = @(@{ id = $SynchronizationServiceAppRoleId; type = 'Role' }) }) }
# 7.
Invoke-MgGraphRequest -Method POST -Uri "/v1.0/servicePrincipals(appId='$ConnectSyncAppId')/appRoleAssignments" -Body @{ principalId = $ConnectSyncSPId; resourceId = $SynchronizationServiceSPId; appRoleId = $SynchronizationServiceAppRoleId } | Out-Null
# Link it (seed 001's newer form)
Add-ADSyncApplicationRegistration -UserPrincipalName hybridadmin@contoso.onmicrosoft.com -CertificateSHA256Hash $certHash -ApplicationAppId $ConnectSyncAppId
Get-ADSyncEntraConnectorCredential
