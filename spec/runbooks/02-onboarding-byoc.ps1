# Onboarding with Bring Your Own Certificate (seed 002 steps 1-5; certificate per seed 001's BYOC prerequisites).
# Prompt answers (stdin): the admin's password.
# Prerequisite (not a document line): a TPM-backed, non-exportable RSA 2048 / SHA256 certificate in LOCAL_MACHINE,
# and the sync account allowed to sign with its key (certlm.msc → Manage Private Keys; here Grant-EmulatorKeyAccess).
$cert = New-SelfSignedCertificate -Subject 'CN=ConnectSyncBYOC' -CertStoreLocation 'Cert:\LocalMachine\My' -KeyAlgorithm RSA -KeyLength 2048 -HashAlgorithm SHA256 -KeyExportPolicy NonExportable -Provider 'Microsoft Platform Crypto Provider'
$cert | Grant-EmulatorKeyAccess

# Get raw data from X509Certificate cert
$certRawDataString = $cert.GetRawCertData()

# Compute SHA256Hash of certificate 
$sha256 = [System.Security.Cryptography.SHA256]::Create()
$hashBytes = $sha256.ComputeHash($certRawDataString)

# Convert hash to bytes for PowerShell (Core) 7.1+:
$certHash = [System.Convert]::ToHexString($hashBytes)

# Convert hash to bytes for older PowerShell:
$certHash = ($hashBytes|ForEach-Object ToString X2) -join ''

Get-ADSyncEntraConnectorCredential
Set-ADSyncScheduler -SyncCycleEnabled $false
Add-EntraApplicationRegistration –UserPrincipalName hybridadmin@contoso.onmicrosoft.com -CertificateSHA256Hash $certHash
Add-ADSyncApplicationRegistration –UserPrincipalName hybridadmin@contoso.onmicrosoft.com -CertificateSHA256Hash $certHash
Get-ADSyncEntraConnectorCredential
Set-ADSyncScheduler -SyncCycleEnabled $true
