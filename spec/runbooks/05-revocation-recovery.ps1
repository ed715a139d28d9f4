# Automatic removal of the old credential fails; clean up with Remove-EntraApplicationKey (seed 001, "Automatic"),
# then revoke by an on-demand rotation (seed 001, "Certificate revocation process").
# Prompt answers (stdin): the admin's password.
Add-ADSyncApplicationRegistration –UserPrincipalName hybridadmin@contoso.onmicrosoft.com | Out-Null
Set-EmulatorFault -Name KeyRemovalFails
Invoke-ADSyncApplicationCredentialRotation –UserPrincipalName hybridadmin@contoso.onmicrosoft.com | Out-Null
Clear-EmulatorFault
Get-EventLog -LogName Application -EntryType Error -InstanceId 1015
$certificateId = (Get-EventLog -LogName Application -InstanceId 1015 -Newest 1).ReplacementStrings[0]
Remove-EntraApplicationKey -CertificateId $certificateId -UserPrincipalName hybridadmin@contoso.onmicrosoft.com
Get-ADSyncForeignApplicationCredential -UserPrincipalName hybridadmin@contoso.onmicrosoft.com
# revocation: an on-demand rotation replaces the key in use and removes it from Microsoft Entra ID
Invoke-ADSyncApplicationCredentialRotation –UserPrincipalName hybridadmin@contoso.onmicrosoft.com | Out-Null
Start-ADSyncSyncCycle -PolicyType Delta | Out-Null
Set-EmulatorClock -Advance 00:05:00 | Out-Null
(Get-ADSyncRunProfileResult -ConnectorId b891884f-051e-4a83-95af-2544101c9083 -NumberRequested 1).Result
