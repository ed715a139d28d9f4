# Wrong-order variants: each fails with a clear error and the server keeps a working credential. No prompts needed
# beyond the password.
Remove-ADSyncAADServiceAccount -AADCredential hybridadmin@contoso.onmicrosoft.com -Name Sync_CONNECT01_30a0850c4d13
Invoke-ADSyncApplicationCredentialRotation –UserPrincipalName hybridadmin@contoso.onmicrosoft.com
Add-ADSyncApplicationRegistration –UserPrincipalName hybridadmin@contoso.onmicrosoft.com -CertificateSHA256Hash 9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08
(Get-ADSyncEntraConnectorCredential).ConnectorIdentityType
Start-ADSyncSyncCycle -PolicyType Delta | Out-Null
Set-EmulatorClock -Advance 00:05:00 | Out-Null
(Get-ADSyncRunProfileResult -ConnectorId b891884f-051e-4a83-95af-2544101c9083 -NumberRequested 1).Result
