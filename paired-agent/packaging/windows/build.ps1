# Builds and signs dist\agent\eimza-agent-win-x64.exe on a Windows x64 runner (GitHub Actions
# windows-latest or a build PC with Node 20, Python and the MSVC build tools). It cannot be built
# on Linux: a single executable is this system's own Node binary with the agent injected.
#   $env:EIMZA_SIGN_THUMBPRINT = '<code signing certificate thumbprint>'; .\paired-agent\packaging\windows\build.ps1
param(
  [string]$CertificateThumbprint = $env:EIMZA_SIGN_THUMBPRINT,
  [string]$TimestampUrl = 'http://timestamp.digicert.com'
)
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..\..')
$env:npm_config_yes = 'true'
npm ci --no-audit --no-fund          # pcsclite builds against WinSCard, pkcs11js with MSVC
if ($LASTEXITCODE) { throw 'npm ci failed' }
npm run agent:build                  # esbuild bundle, node --experimental-sea-config, postject
if ($LASTEXITCODE) { throw 'agent:build failed' }
$exe = 'dist\agent\eimza-agent-win-x64.exe'
if ($CertificateThumbprint) {
  # Authenticode with the institution's code signing certificate (an EV certificate avoids
  # SmartScreen warnings from the first download), RFC 3161 timestamp so it outlives the cert.
  signtool sign /sha1 $CertificateThumbprint /fd SHA256 /tr $TimestampUrl /td SHA256 /d 'eimza-agent' $exe
  signtool verify /pa /v $exe
} else {
  Write-Warning 'EIMZA_SIGN_THUMBPRINT is unset: the executable is NOT signed (SmartScreen will warn staff).'
}
Copy-Item (Join-Path $PSScriptRoot 'install.ps1') 'dist\agent\eimza-agent-install.ps1' -Force
Get-FileHash $exe -Algorithm SHA256 | Format-List
