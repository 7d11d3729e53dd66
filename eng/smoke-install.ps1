#!/usr/bin/env pwsh
# Installs devin-handoff with install.ps1 into a temp prefix, with a temp HOME and git config, and checks it works:
# `git devin-handoff create --task … --dry-run` in a temp repository (from a subfolder), a second run is a no-op
# for the alias, and -Uninstall removes the launcher, the binary and the alias. Runs with the PowerShell that runs it
# (Windows PowerShell 5.1 or PowerShell 7, on any OS). Used by .ci/run and the workflows.
#   ./eng/smoke-install.ps1 -FromSource [-Expect 'Native AOT']
#   ./eng/smoke-install.ps1 -ReleaseDir DIR [-ExpectRefusal TEXT]
# -ReleaseDir serves DIR (eng/release.sh or eng/release.ps1 output) on 127.0.0.1 with python's http.server and runs a
# copy of install.ps1 from outside the clone with -Release. -ExpectRefusal: the install must fail saying TEXT and
# leave nothing in the prefix (a tampered archive, say).
[CmdletBinding()]
param(
    [switch]$FromSource,
    [string]$ReleaseDir = '',
    [string]$Expect = '',
    [string]$ExpectRefusal = ''
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
if ($FromSource -eq [bool]$ReleaseDir) { throw 'give -FromSource or -ReleaseDir DIR' }

$root = Split-Path $PSScriptRoot
$onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
# The installer runs in the PowerShell running this: its own process, which for PowerShell as a .NET tool is the
# dotnet host running pwsh.dll.
$shell = (Get-Process -Id $PID).Path
$shellArgs = @()
if ([System.IO.Path]::GetFileNameWithoutExtension($shell) -eq 'dotnet') { $shellArgs = @(Join-Path $PSHOME 'pwsh.dll') }
$work = Join-Path ([System.IO.Path]::GetTempPath()) ('devin-handoff-smoke-' + [guid]::NewGuid())
$prefix = Join-Path $work 'prefix'
$bin = Join-Path $prefix 'bin'
$launcher = if ($onWindows) { Join-Path $bin 'devin-handoff.cmd' } else { Join-Path $bin 'devin-handoff' }
New-Item -ItemType Directory -Force -Path (Join-Path $work 'home') | Out-Null

function Format-Argument([string]$a) {
    if ($a -eq '' -or $a -match '[\s"]') { return '"' + ($a -replace '"', '\"') + '"' }
    return $a
}

# Runs a program with stdin closed, returns its exit code and output (no PowerShell stream wrapping of stderr).
function Invoke-Captured([string]$file, [string[]]$arguments, [string]$cwd = $work) {
    $psi = New-Object System.Diagnostics.ProcessStartInfo
    $psi.FileName = $file
    $psi.Arguments = (@($arguments) | ForEach-Object { Format-Argument $_ }) -join ' '
    $psi.WorkingDirectory = $cwd
    $psi.UseShellExecute = $false
    $psi.RedirectStandardInput = $true
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.StandardOutputEncoding = [System.Text.Encoding]::UTF8
    $psi.StandardErrorEncoding = [System.Text.Encoding]::UTF8
    $p = [System.Diagnostics.Process]::Start($psi)
    $p.StandardInput.Close()
    $out = $p.StandardOutput.ReadToEndAsync()
    $err = $p.StandardError.ReadToEndAsync()
    $p.WaitForExit()
    return [pscustomobject]@{ Code = $p.ExitCode; Out = $out.Result; Err = $err.Result }
}

function Assert-That([bool]$condition, [string]$what, $result = $null) {
    if ($condition) { return }
    $detail = if ($result) { "`n--- exit $($result.Code); stdout:`n$($result.Out)`n--- stderr:`n$($result.Err)" } else { '' }
    throw "$what$detail"
}

$server = $null
$saved = @{}
foreach ($name in 'HOME', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM', 'DEVIN_API_KEY', 'DEVIN_HANDOFF_RELEASE_URL', 'PATH') {
    $saved[$name] = [System.Environment]::GetEnvironmentVariable($name)
}
try {
    $env:HOME = Join-Path $work 'home'
    $env:GIT_CONFIG_GLOBAL = Join-Path $env:HOME '.gitconfig'
    $env:GIT_CONFIG_NOSYSTEM = '1'
    Remove-Item Env:DEVIN_API_KEY -ErrorAction SilentlyContinue
    Set-Content -Path $env:GIT_CONFIG_GLOBAL -Value '' -Encoding ascii

    if ($ReleaseDir) {
        # The installer as a user gets it: a lone copy, no clone beside it, downloading from the served folder.
        $python = @('python3', 'python') | Where-Object { Get-Command $_ -ErrorAction SilentlyContinue } | Select-Object -First 1
        if (-not $python) { throw 'python3 (or python) is needed to serve the release folder' }
        $serverLog = Join-Path $work 'server.log'
        $dir = (Resolve-Path -LiteralPath $ReleaseDir).ProviderPath
        $server = Start-Process -FilePath (Get-Command $python).Source -PassThru -NoNewWindow `
            -ArgumentList @('-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', (Format-Argument $dir)) `
            -RedirectStandardOutput $serverLog -RedirectStandardError "$serverLog.err"
        $port = $null
        for ($i = 0; $i -lt 100 -and -not $port; $i++) {
            Start-Sleep -Milliseconds 200
            $text = if (Test-Path $serverLog) { Get-Content -Raw $serverLog } else { '' }
            if ($text -match 'port (\d+)') { $port = $Matches[1] }
        }
        if (-not $port) { throw "the http server did not start: $(Get-Content -Raw "$serverLog.err" -ErrorAction SilentlyContinue)" }
        $env:DEVIN_HANDOFF_RELEASE_URL = "http://127.0.0.1:$port"
        New-Item -ItemType Directory -Force -Path (Join-Path $work 'download') | Out-Null
        $script = Join-Path $work 'download/install.ps1'
        Copy-Item (Join-Path $root 'install.ps1') $script
        $installArgs = @('-Release', '-Prefix', $prefix)
        $what = 'install.ps1 -Release'
    } else {
        $script = Join-Path $root 'install.ps1'
        $installArgs = @('-Prefix', $prefix)
        $what = 'install.ps1 (from source)'
    }
    $run = $shellArgs + @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', $script)

    $install = Invoke-Captured $shell ($run + $installArgs)
    if ($ExpectRefusal) {
        Assert-That ($install.Code -ne 0) "$what should have refused" $install
        Assert-That ($install.Err.Contains($ExpectRefusal)) "$what should have said '$ExpectRefusal'" $install
        $left = @(Get-ChildItem -Recurse -Force -LiteralPath $prefix -ErrorAction SilentlyContinue)
        Assert-That ($left.Count -eq 0) "$what refused but left $($left.Count) files in the prefix" $install
        $alias = Invoke-Captured 'git' @('config', '--global', '--get', 'alias.devin-handoff')
        Assert-That ($alias.Code -eq 1) "$what refused but registered the alias" $alias
        Write-Output "ok: $what refused ($ExpectRefusal) and left nothing in the prefix"
        return
    }
    Assert-That ($install.Code -eq 0) "$what failed" $install
    Assert-That ($install.Err.Contains("installed ($Expect")) "$what did not say 'installed ($Expect'" $install
    Assert-That (Test-Path -LiteralPath $launcher) "$what made no $launcher" $install

    # A dry-run handoff through the git alias, from a subfolder of a fresh repository.
    $repo = Join-Path $work 'repo'
    New-Item -ItemType Directory -Force -Path (Join-Path $repo 'src/deep') | Out-Null
    Set-Content -Path (Join-Path $repo 'src/app.py') -Value 'print("hi")' -Encoding ascii
    foreach ($gitArgs in @(@('init', '-q', '-b', 'main'), @('add', '-A'),
            @('-c', 'user.name=ci', '-c', 'user.email=ci@example.invalid', 'commit', '-qm', 'init'),
            @('remote', 'add', 'origin', 'https://github.com/example/smoke.git'))) {
        $g = Invoke-Captured 'git' $gitArgs $repo
        Assert-That ($g.Code -eq 0) "git $($gitArgs -join ' ') failed" $g
    }
    Set-Content -Path (Join-Path $repo 'src/app.py') -Value 'print("changed")' -Encoding ascii
    $env:PATH = $bin + [System.IO.Path]::PathSeparator + $env:PATH
    $dry = Invoke-Captured 'git' @('devin-handoff', 'create', '--task', 'Fix the flaky auth test', '--dry-run') (Join-Path $repo 'src/deep')
    Assert-That ($dry.Code -eq 0) 'git devin-handoff create --dry-run failed' $dry
    Assert-That ($dry.Out.Contains('Fix the flaky auth test') -and $dry.Out.Contains('github.com/example/smoke') -and $dry.Out.Contains('print("changed")')) `
        'the dry-run prompt lacks the task, the repository or the diff' $dry
    Write-Output "ok: $what, then git devin-handoff create --dry-run from a subfolder"

    $again = Invoke-Captured $shell ($run + $installArgs)
    Assert-That ($again.Code -eq 0 -and $again.Err.Contains('already installed')) "a second $what did not leave the alias as it was" $again
    Write-Output "ok: a second $what upgrades in place, alias untouched"

    $remove = Invoke-Captured $shell ($run + @('-Uninstall', '-Prefix', $prefix))
    Assert-That ($remove.Code -eq 0) 'install.ps1 -Uninstall failed' $remove
    Assert-That (-not (Test-Path -LiteralPath $launcher)) "-Uninstall left $launcher" $remove
    Assert-That (-not (Test-Path -LiteralPath (Join-Path $prefix 'lib/devin-handoff'))) '-Uninstall left lib/devin-handoff' $remove
    $alias = Invoke-Captured 'git' @('config', '--global', '--get', 'alias.devin-handoff')
    Assert-That ($alias.Code -eq 1) '-Uninstall left the git alias' $alias
    Write-Output 'ok: install.ps1 -Uninstall removes the launcher, the binary and the alias'
}
catch {
    [Console]::Error.WriteLine("FAIL: $($_.Exception.Message)")
    exit 1
}
finally {
    if ($server) { Stop-Process -Id $server.Id -Force -ErrorAction SilentlyContinue }
    foreach ($name in $saved.Keys) { [System.Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $work
}
