# Onboarding to application-based authentication, managed by Microsoft Entra Connect (seed 002, "Onboarding ... using PowerShell").
# <AdminUserPrincipalName> = hybridadmin@contoso.onmicrosoft.com. Prompt answers (stdin): the admin's password.
Get-ADSyncEntraConnectorCredential
Set-ADSyncScheduler -SyncCycleEnabled $false
Add-EntraApplicationRegistration –UserPrincipalName hybridadmin@contoso.onmicrosoft.com
Add-ADSyncApplicationRegistration –UserPrincipalName hybridadmin@contoso.onmicrosoft.com
Get-ADSyncEntraConnectorCredential
Set-ADSyncScheduler -SyncCycleEnabled $true
