# Remove a legacy service account (seed 001). <$serviceAccountName> = Sync_CONNECT01_30a0850c4d13.
# Prompt answers (stdin): the admin's password (setup), then User and Password for the credential prompt.
Add-ADSyncApplicationRegistration –UserPrincipalName hybridadmin@contoso.onmicrosoft.com | Out-Null
$HACredential
Remove-ADSyncAADServiceAccount -AADCredential $HACredential -Name Sync_CONNECT01_30a0850c4d13
Get-ADSyncEntraConnectorCredential
