#!/usr/bin/env pwsh
# Builds devin-handoff from this checkout and installs it under a prefix (default ~/.local),
# then lets the binary register the `git devin-handoff` alias itself. Safe to run twice.
#   ./install.ps1 [-Prefix DIR] [-Hook] [-NoAot] [-Uninstall]
# The binary is compiled ahead of time (Native AOT: fast start-up, no .NET runtime needed to run), which needs a
# C toolchain (Windows: Visual Studio or its Build Tools with "Desktop development with C++"; Linux: clang or gcc,
# and zlib; macOS: the Xcode command line tools). Without one, or with -NoAot, it installs the ReadyToRun build
# instead, which runs on the installed .NET runtime and starts slower.
[CmdletBinding()]
param(
    [string]$Prefix = (Join-Path $HOME '.local'),
    [switch]$Hook,
    [switch]$NoAot,
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

# Runs dotnet publish with its output in a log file; returns $true when it succeeded.
function Invoke-Publish([string[]]$arguments, [string]$log) {
    & dotnet publish @arguments *> $log
    return ($LASTEXITCODE -eq 0)
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
$toolchainHint = if ($onWindows) { 'install Visual Studio or its Build Tools with the "Desktop development with C++" workload' }
    elseif ($rid -like 'osx-*') { 'install the Xcode command line tools (xcode-select --install)' }
    else { 'install clang or gcc, and zlib (sudo apt-get install clang zlib1g-dev, or sudo dnf install clang zlib-devel)' }
$project = Join-Path $root 'src/Handoff.Cli/Handoff.Cli.csproj'
# Each kind of build keeps its own intermediate files under artifacts/ (not the obj/ folders that `dotnet build`
# and `dotnet test` use), so rerunning the install after them reuses the previous compilation instead of
# repeating the Native AOT one (a minute or two).
$artifacts = Join-Path $root 'artifacts/install'
$staging = Join-Path ([System.IO.Path]::GetTempPath()) ("devin-handoff-" + [guid]::NewGuid())
$out = Join-Path $staging 'out'
New-Item -ItemType Directory -Force -Path $staging | Out-Null
try {
    # Native AOT first; any failure falls back to ReadyToRun with a one-line notice saying why.
    $build = $null
    if (-not $NoAot) {
        $why = $null
        if (-not $onWindows -and -not (Get-Command clang -ErrorAction SilentlyContinue) -and -not (Get-Command gcc -ErrorAction SilentlyContinue)) {
            $why = 'no C compiler/linker (clang or gcc) on PATH'
        } else {
            [Console]::Error.WriteLine("building devin-handoff ($rid, Native AOT; a minute or two the first time)…")
            $log = Join-Path $staging 'aot.log'
            if (Invoke-Publish @($project, '-c', 'Release', '-r', $rid, '-p:PublishAot=true',
                    '--artifacts-path', (Join-Path $artifacts 'aot'), '-o', $out, '-nologo', '-v', 'quiet') $log) {
                $build = 'Native AOT'
                # Symbols stay behind: only the binary and the native libraries it loads (libgit2) are installed.
                Get-ChildItem $out -Force | Where-Object { $_.Name -match '\.(dbg|pdb|dSYM)$' } | Remove-Item -Recurse -Force
            } else {
                # The first error that says why (the compiler's or linker's own words), not MSBuild's "the command exited with code 1"
                # (on Windows without the C++ workload, the ILCompiler's own error names what is missing).
                $first = Get-Content $log | Where-Object { $_ -match '(^|[ :])error( [A-Z]+[0-9]+)? ?:' -and $_ -notmatch 'error MSB3073' } | Select-Object -First 1
                $first = if ($first) { ($first.Trim() -replace ' \[[^\]]*\]$', '' -replace '^\S*\(\d+,\d+\): ', '') } else { 'dotnet publish -p:PublishAot=true exited with an error' }
                if ($first.Length -gt 200) { $first = $first.Substring(0, 200) }
                $why = "the Native AOT build failed ($first)"
                Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $out
            }
        }
        if (-not $build) {
            [Console]::Error.WriteLine("note: $why, so this installs the ReadyToRun build, which starts slower; for the fast Native AOT build, $toolchainHint and rerun ./install.ps1")
        }
    }
    if (-not $build) {
        [Console]::Error.WriteLine("building devin-handoff ($rid, ReadyToRun)…")
        $log = Join-Path $staging 'r2r.log'
        if (-not (Invoke-Publish @($project, '-c', 'Release', '-r', $rid, '--self-contained', 'false', '-p:PublishReadyToRun=true',
                '--artifacts-path', (Join-Path $artifacts 'readytorun'), '-o', $out, '-nologo', '-v', 'quiet') $log)) {
            Get-Content $log | ForEach-Object { [Console]::Error.WriteLine($_) }
            throw 'the build failed'
        }
        $build = 'ReadyToRun'
    }
    New-Item -ItemType Directory -Force -Path $bin, (Split-Path $lib) | Out-Null
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $lib
    Move-Item $out $lib
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
[Console]::Error.WriteLine("installed ($build): $launcher  (try: git devin-handoff create --task `"…`" --dry-run)")
