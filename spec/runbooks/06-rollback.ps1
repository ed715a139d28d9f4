# Roll back to a legacy service account by using PowerShell (seed 001).
# Prompt answers (stdin): the admin's password twice (setup), then User and Password for Add-ADSyncAADServiceAccount.
Add-ADSyncApplicationRegistration –UserPrincipalName hybridadmin@contoso.onmicrosoft.com | Out-Null
# setup: the legacy account was removed after onboarding (the article's previous section), so the rollback re-creates it
Remove-ADSyncAADServiceAccount -AADCredential hybridadmin@contoso.onmicrosoft.com -Name Sync_CONNECT01_30a0850c4d13
Set-ADSyncScheduler -SyncCycleEnabled $false
Add-ADSyncAADServiceAccount
Get-ADSyncEntraConnectorCredential
Set-ADSyncScheduler -SyncCycleEnabled $true
# the re-created account is denied for up to 15 minutes, then works
Start-ADSyncSyncCycle -PolicyType Delta | Out-Null
Set-EmulatorClock -Advance 00:05:00 | Out-Null
(Get-ADSyncRunProfileResult -ConnectorId b891884f-051e-4a83-95af-2544101c9083 -NumberRequested 1).Result
Set-EmulatorClock -Advance 00:20:00 | Out-Null
Start-ADSyncSyncCycle -PolicyType Delta | Out-Null
Set-EmulatorClock -Advance 00:05:00 | Out-Null
(Get-ADSyncRunProfileResult -ConnectorId b891884f-051e-4a83-95af-2544101c9083 -NumberRequested 1).Result
