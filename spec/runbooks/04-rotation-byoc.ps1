# BYOC rotation with a new certificate and its hash (seed 002 rotation steps 1-6).
# Prompt answers (stdin): the admin's password.
# setup (not document lines): a BYOC server
$old = New-SelfSignedCertificate -Subject 'CN=ConnectSyncBYOC' -CertStoreLocation 'Cert:\LocalMachine\My' -KeyAlgorithm RSA -KeyLength 2048 -HashAlgorithm SHA256 -KeyExportPolicy NonExportable -Provider 'Microsoft Platform Crypto Provider'
$old | Grant-EmulatorKeyAccess
Add-ADSyncApplicationRegistration –UserPrincipalName hybridadmin@contoso.onmicrosoft.com -CertificateSHA256Hash ([System.Convert]::ToHexString([System.Security.Cryptography.SHA256]::Create().ComputeHash($old.GetRawCertData()))) | Out-Null
# a new key and certificate, and its hash (seed 001's script)
$cert = New-SelfSignedCertificate -Subject 'CN=ConnectSyncBYOC 2' -CertStoreLocation 'Cert:\LocalMachine\My' -KeyAlgorithm RSA -KeyLength 2048 -HashAlgorithm SHA256 -KeyExportPolicy NonExportable -Provider 'Microsoft Platform Crypto Provider'
$cert | Grant-EmulatorKeyAccess
$certRawDataString = $cert.GetRawCertData()
$sha256 = [System.Security.Cryptography.SHA256]::Create()
$hashBytes = $sha256.ComputeHash($certRawDataString)
$certHash = [System.Convert]::ToHexString($hashBytes)
# the documented steps
Set-ADSyncScheduler -SyncCycleEnabled $false
Invoke-ADSyncApplicationCredentialRotation –UserPrincipalName hybridadmin@contoso.onmicrosoft.com -CertificateSHA256Hash $certHash
Get-ADSyncEntraConnectorCredential
Set-ADSyncScheduler -SyncCycleEnabled $true
# 5. Verify synchronization cycle is successful.
Start-ADSyncSyncCycle -PolicyType Delta
Set-EmulatorClock -Advance 00:05:00 | Out-Null
(Get-ADSyncRunProfileResult -ConnectorId b891884f-051e-4a83-95af-2544101c9083 -NumberRequested 1).Result
# 6. Remove the old certificate from the store
Remove-Item -Path "Cert:\LocalMachine\My\$($old.Thumbprint)"
Test-Path "Cert:\LocalMachine\My\$($old.Thumbprint)"
