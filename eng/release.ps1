#!/usr/bin/env pwsh
# Builds the release archive of devin-handoff for this machine's platform (Native AOT) into OUTDIR, as
# eng/release.sh does, with PowerShell 7 (the Windows runner's way; it works on Linux and macOS too):
#   devin-handoff-<rid>.zip on Windows, .tar.gz elsewhere: one folder, devin-handoff-<rid>/, holding the binary, its
#   native libgit2, LICENSE, README.md
#   SHA256SUMS in sha256sum's format; the lines of other platforms already there are kept
#   ./eng/release.ps1 OUTDIR [-ExpectVersion VERSION]
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true, Position = 0)][string]$OutDir,
    [string]$ExpectVersion = ''
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = Split-Path $PSScriptRoot
$onWindows = [System.Runtime.InteropServices.RuntimeInformation]::IsOSPlatform([System.Runtime.InteropServices.OSPlatform]::Windows)
$rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
if ($rid -notin @('win-x64', 'linux-x64', 'linux-arm64', 'osx-x64', 'osx-arm64')) { throw "no release build for $rid" }
$name = "devin-handoff-$rid"
$asset = if ($onWindows) { "$name.zip" } else { "$name.tar.gz" }
$exe = if ($onWindows) { 'devin-handoff.exe' } else { 'devin-handoff' }

New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
$OutDir = (Resolve-Path -LiteralPath $OutDir).ProviderPath
$staging = Join-Path ([System.IO.Path]::GetTempPath()) ('devin-handoff-release-' + [guid]::NewGuid())
$folder = Join-Path $staging $name
New-Item -ItemType Directory -Force -Path $staging | Out-Null
try {
    # The same publish as install.ps1 and eng/release.sh (same properties, same --artifacts-path), so they share
    # one Native AOT compilation.
    [Console]::Error.WriteLine("building $asset (Native AOT; a minute or two the first time)…")
    $log = Join-Path $staging 'publish.log'
    & dotnet publish (Join-Path $root 'src/Handoff.Cli/Handoff.Cli.csproj') -c Release -r $rid -p:PublishAot=true `
        --artifacts-path (Join-Path $root 'artifacts/install/aot') -o $folder -nologo -v quiet *> $log
    if ($LASTEXITCODE -ne 0) {
        Get-Content $log | ForEach-Object { [Console]::Error.WriteLine($_) }
        throw 'the Native AOT publish failed'
    }
    Get-ChildItem $folder -Force | Where-Object { $_.Name -match '\.(dbg|pdb|dSYM)$' } | Remove-Item -Recurse -Force
    $binary = Join-Path $folder $exe
    if (-not (Test-Path -LiteralPath $binary)) { throw "the publish made no $binary" }
    if (-not (Get-ChildItem $folder -Filter '*git2*')) { throw 'the publish has no native libgit2 beside the binary' }
    Copy-Item (Join-Path $root 'LICENSE'), (Join-Path $root 'README.md') $folder

    $version = "$(& $binary --version)".Trim()
    if ($LASTEXITCODE -ne 0) { throw 'the built binary does not run' }
    if ($ExpectVersion -and $version -ne $ExpectVersion.TrimStart('v')) {
        throw "the binary says version '$version', expected '$($ExpectVersion.TrimStart('v'))' (set Version in Directory.Build.props and tag v<Version>)"
    }

    $archive = Join-Path $staging $asset
    if ($onWindows) {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        [System.IO.Compression.ZipFile]::CreateFromDirectory($folder, $archive, [System.IO.Compression.CompressionLevel]::Optimal, $true)
    } else {
        & tar -czf $archive -C $staging $name
        if ($LASTEXITCODE -ne 0) { throw 'tar failed' }
    }
    Move-Item -Force -LiteralPath $archive -Destination (Join-Path $OutDir $asset)

    # sha256sum's format: "<hash>  <name>", LF line endings whatever the platform, sorted by name.
    $sums = Join-Path $OutDir 'SHA256SUMS'
    $hash = (Get-FileHash -Algorithm SHA256 -LiteralPath (Join-Path $OutDir $asset)).Hash.ToLowerInvariant()
    $lines = @()
    if (Test-Path -LiteralPath $sums) {
        $lines = @(Get-Content -LiteralPath $sums | Where-Object { $_ -and (($_.Trim() -split '\s+')[-1].TrimStart('*') -ne $asset) })
    }
    $lines += "$hash  $asset"
    $sorted = $lines | Sort-Object { ($_.Trim() -split '\s+')[-1] } -CaseSensitive
    [System.IO.File]::WriteAllText($sums, (($sorted -join "`n") + "`n"), [System.Text.UTF8Encoding]::new($false))
    [Console]::Error.WriteLine("built devin-handoff $version ($rid): $(Join-Path $OutDir $asset)")
}
finally {
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $staging
}
