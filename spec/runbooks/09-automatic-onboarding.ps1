# Automatic onboarding (seed 001): version 2.5.76.0 or higher on username and password configures application
# authentication within a six-hour window. No prompts.
Reset-Emulator -Version 2.5.76.0
Get-ADSyncEntraConnectorCredential
Set-EmulatorClock -Advance 06:00:00 | Out-Null
Get-EventLog -LogName Application -InstanceId 1018,1019
Get-ADSyncEntraConnectorCredential
