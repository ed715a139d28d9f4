# Roll back to legacy service account using PowerShell (seed 002): the $HACredential idiom.
# Prompt answers (stdin): the admin's password (setup), then User and Password for the credential prompt.
Add-ADSyncApplicationRegistration –UserPrincipalName hybridadmin@contoso.onmicrosoft.com | Out-Null
Set-ADSyncScheduler -SyncCycleEnabled $false
$HACredential
Add-ADSyncAADServiceAccount -AADCredential $HACredential
Get-ADSyncEntraConnectorCredential
Set-ADSyncScheduler -SyncCycleEnabled $true
