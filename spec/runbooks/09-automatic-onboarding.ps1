# Automatic onboarding (seed 001): version 2.5.76.0 or higher on username and password configures application
# authentication within a six-hour window. No prompts.
Reset-Emulator -Version 2.5.76.0
Get-ADSyncEntraConnectorCredential
# the first scheduler cycle (≤ 30 min) notices the version; onboarding follows within six hours of it
Set-EmulatorClock -Advance 06:30:00 | Out-Null
Get-EventLog -LogName Application -InstanceId 1018,1019
Get-ADSyncEntraConnectorCredential
