# Manual rotation of a managed certificate when maintenance is disabled (seed 002, "Certificate Rotation using PowerShell").
# Prompt answers (stdin): the admin's password.
# setup (not document lines): onboard with the default option, then disable maintenance
Add-ADSyncApplicationRegistration –UserPrincipalName hybridadmin@contoso.onmicrosoft.com | Out-Null
Set-ADSyncScheduler -MaintenanceEnabled $false
$old = (Get-ADSyncEntraConnectorCredential).CertificateCredential
Get-ADSyncSchedulerSettings
# the documented steps
Set-ADSyncScheduler -SyncCycleEnabled $false
Invoke-ADSyncApplicationCredentialRotation –UserPrincipalName hybridadmin@contoso.onmicrosoft.com
Get-ADSyncEntraConnectorCredential
Set-ADSyncScheduler -SyncCycleEnabled $true
# 5. Verify synchronization cycle is successful.
Start-ADSyncSyncCycle -PolicyType Delta
Set-EmulatorClock -Advance 00:05:00 | Out-Null
Get-ADSyncRunProfileResult -ConnectorId b891884f-051e-4a83-95af-2544101c9083 -NumberRequested 1
