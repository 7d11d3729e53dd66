#!/usr/bin/env pwsh
# Builds devin-handoff from this checkout and installs it under a prefix (default ~/.local),
# then lets the binary register the `git devin-handoff` alias itself. Safe to run twice.
#   ./install.ps1 [-Prefix DIR] [-Hook] [-Uninstall]
[CmdletBinding()]
param(
    [string]$Prefix = (Join-Path $HOME '.local'),
    [switch]$Hook,
    [switch]$Uninstall
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$lib = Join-Path $Prefix 'lib/devin-handoff'
$bin = Join-Path $Prefix 'bin'
$onWindows = [System.Runtime.InteropServices.RuntimeInformation]::IsOSPlatform([System.Runtime.InteropServices.OSPlatform]::Windows)
$launcher = if ($onWindows) { Join-Path $bin 'devin-handoff.cmd' } else { Join-Path $bin 'devin-handoff' }

function Invoke-Native([string]$program, [string[]]$arguments) {
    & $program @arguments
    if ($LASTEXITCODE -ne 0) { throw "$program $($arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

if ($Uninstall) {
    if (Test-Path $launcher) { & $launcher uninstall }
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $lib, $launcher
    [Console]::Error.WriteLine("devin-handoff removed from $Prefix")
    exit 0
}

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) { throw 'the .NET SDK (dotnet) is needed to build; see https://dot.net' }
if (-not (Get-Command git -ErrorAction SilentlyContinue)) { throw 'git is needed' }

$rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
$staging = Join-Path ([System.IO.Path]::GetTempPath()) ("devin-handoff-" + [guid]::NewGuid())
try {
    [Console]::Error.WriteLine("building devin-handoff ($rid, ReadyToRun)…")
    Invoke-Native dotnet @('publish', (Join-Path $root 'src/Handoff.Cli/Handoff.Cli.csproj'), '-c', 'Release', '-r', $rid,
        '--self-contained', 'false', '-p:PublishReadyToRun=true', '-o', $staging, '-nologo', '-v', 'quiet')
    New-Item -ItemType Directory -Force -Path $bin, (Split-Path $lib) | Out-Null
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $lib
    Move-Item $staging $lib
}
finally {
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $staging
}

if ($onWindows) {
    Set-Content -Path $launcher -Value "@`"%~dp0..\lib\devin-handoff\devin-handoff.exe`" %*" -Encoding ascii
    $program = Join-Path $lib 'devin-handoff.exe'
} else {
    Remove-Item -Force -ErrorAction SilentlyContinue $launcher
    New-Item -ItemType SymbolicLink -Path $launcher -Target (Join-Path $lib 'devin-handoff') | Out-Null
    $program = $launcher
}
Invoke-Native $program @('install')
if ($Hook) { Invoke-Native $program @('hook', 'install') }

if (-not (($env:PATH -split [System.IO.Path]::PathSeparator) -contains $bin)) {
    [Console]::Error.WriteLine("note: $bin is not on your PATH; add it")
}
[Console]::Error.WriteLine("installed: $launcher  (try: git devin-handoff create --task `"…`" --dry-run)")
