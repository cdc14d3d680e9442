# Per-user install of eimza-agent on Windows (no administrator rights needed):
# copies the executable to %LOCALAPPDATA%\Programs\eimza-agent and starts `eimza-agent run` at
# every logon of this user (HKCU Run key, without a console window).
#   powershell -ExecutionPolicy Bypass -File eimza-agent-install.ps1 [-Source eimza-agent-win-x64.exe]
param([string]$Source = (Join-Path $PSScriptRoot 'eimza-agent-win-x64.exe'))
$ErrorActionPreference = 'Stop'

# akisp11.dll can crash without the Smart Card service; the agent refuses to load it then (exit 3).
$service = Get-Service -Name SCardSvr -ErrorAction SilentlyContinue
if (-not $service -or $service.Status -ne 'Running') {
  Write-Warning 'Akilli Kart hizmeti (SCardSvr) calismiyor. eimza-agent, AKIS kart surucusunu bu hizmet calismadan yuklemez. Hizmeti baslatin ya da Bilgi Islem Daire Baskanligina basvurun.'
}

$dir = Join-Path $env:LOCALAPPDATA 'Programs\eimza-agent'
New-Item -ItemType Directory -Force -Path $dir | Out-Null
$exe = Join-Path $dir 'eimza-agent.exe'
Copy-Item $Source $exe -Force

# Start at logon, hidden (conhost --headless, Windows 10 1809+). The agent reconnects by itself.
Set-ItemProperty -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -Name 'eimza-agent' -Value "conhost.exe --headless `"$exe`" run"

# `eimza-agent` on this user's PATH, for the pairing command the bot shows.
$userPath = [Environment]::GetEnvironmentVariable('Path', 'User')
if (-not ($userPath -split ';' -contains $dir)) {
  [Environment]::SetEnvironmentVariable('Path', ($userPath.TrimEnd(';') + ';' + $dir).TrimStart(';'), 'User')
}
Write-Host "Kuruldu: $exe"
Write-Host 'Yeni bir Komut Istemi acin ve Teams''te gosterilen komutu calistirin: eimza-agent pair KOD --server ADRES'
