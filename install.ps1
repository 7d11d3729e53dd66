#!/usr/bin/env pwsh
# Installs devin-handoff under a prefix (default ~/.local: the binary in lib/devin-handoff, a launcher in bin), then
# lets the binary register the `git devin-handoff` alias itself. Safe to run again: it upgrades in place.
#   ./install.ps1 [-Release [VERSION]] [-Prefix DIR] [-Hook] [-NoAot] [-Uninstall]
# -Release downloads the prebuilt binary for this OS and architecture from the project's GitHub releases (VERSION:
# latest, the default, or e.g. 0.2.0), checks it against the release's SHA256SUMS and installs it: no .NET SDK, no
# compiler; Windows PowerShell 5.1 will do. Run outside a clone (irm …/install.ps1 | iex) it does that by itself.
# DEVIN_HANDOFF_RELEASE_URL replaces the folder the assets are downloaded from (https, or http on this machine only).
# In a clone, without -Release, it builds from source with PowerShell 7 and the .NET 10 SDK: Native AOT (fast
# start-up, no .NET runtime needed to run), which needs a C toolchain (Windows: Visual Studio or its Build Tools with
# "Desktop development with C++"; Linux: clang or gcc, and zlib; macOS: the Xcode command line tools). Without one, or
# with -NoAot, it installs the ReadyToRun build instead, which runs on the installed .NET runtime and starts slower.
[CmdletBinding()]
param(
    [switch]$Release,
    [Parameter(Position = 0)][string]$Version = '',
    [string]$Prefix = (Join-Path $HOME '.local'),
    [switch]$Hook,
    [switch]$NoAot,
    [switch]$Uninstall
)

# Everything runs inside this function: piped into Invoke-Expression, its settings and helpers stay out of the
# caller's session, and nothing runs before the whole script has arrived.
function Install-DevinHandoff {
    $ErrorActionPreference = 'Stop'
    $ProgressPreference = 'SilentlyContinue'
    Set-StrictMode -Version Latest

    $repoUrl = 'https://github.com/club-cog/devin-handoff'
    $Prefix = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Prefix)
    $lib = Join-Path $Prefix (Join-Path 'lib' 'devin-handoff')
    $bin = Join-Path $Prefix 'bin'
    $onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
    $exeName = if ($onWindows) { 'devin-handoff.exe' } else { 'devin-handoff' }
    $launcher = if ($onWindows) { Join-Path $bin 'devin-handoff.cmd' } else { Join-Path $bin 'devin-handoff' }
    $program = Join-Path $lib $exeName

    function Invoke-Native([string]$file, [string[]]$arguments) {
        & $file @arguments
        if ($LASTEXITCODE -ne 0) { throw "$file $($arguments -join ' ') failed with exit code $LASTEXITCODE" }
    }

    # Whether bin's devin-handoff is the launcher an install of ours made (so an uninstall may remove it).
    function Test-OurLauncher {
        if (-not (Test-Path -LiteralPath $launcher)) { return $false }
        if ($onWindows) { return (Get-Content -Raw -LiteralPath $launcher) -like '*lib\devin-handoff\devin-handoff.exe*' }
        $item = Get-Item -LiteralPath $launcher -Force
        return ($item.LinkType -eq 'SymbolicLink') -and ("$($item.Target)" -eq $program)
    }

    # Moves the folder holding the new binary into the prefix (replacing an older install), writes the launcher in
    # bin, and lets the binary register the git alias.
    function Install-Folder([string]$folder) {
        New-Item -ItemType Directory -Force -Path $bin, (Split-Path $lib) | Out-Null
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue "$lib.new"
        Move-Item -LiteralPath $folder -Destination "$lib.new"
        if (Test-Path -LiteralPath $lib) { Remove-Item -Recurse -Force -LiteralPath $lib }
        Move-Item -LiteralPath "$lib.new" -Destination $lib
        if ($onWindows) {
            Set-Content -Path $launcher -Value "@`"%~dp0..\lib\devin-handoff\devin-handoff.exe`" %*" -Encoding ascii
            $run = $program
        } else {
            Remove-Item -Force -ErrorAction SilentlyContinue $launcher
            New-Item -ItemType SymbolicLink -Path $launcher -Target $program | Out-Null
            $run = $launcher
        }
        Invoke-Native $run @('install')
        if ($Hook) { Invoke-Native $run @('hook', 'install') }
        if (-not (($env:PATH -split [System.IO.Path]::PathSeparator) -contains $bin)) {
            $hint = if ($onWindows) { "[Environment]::SetEnvironmentVariable('Path', `"$bin;`" + [Environment]::GetEnvironmentVariable('Path', 'User'), 'User')" }
                    else { "export PATH=`"$bin`:`$PATH`"" }
            [Console]::Error.WriteLine("note: $bin is not on your PATH; add it, e.g. $hint")
        }
    }

    if ($Uninstall) {
        # Only what an install put there: the alias (if it is ours), lib/devin-handoff, and the launcher in bin.
        $removed = $false
        if (Test-Path -LiteralPath $program) {
            try { & $program uninstall; $removed = ($LASTEXITCODE -eq 0) } catch { $removed = $false }
        }
        if (-not $removed -and (Get-Command git -ErrorAction SilentlyContinue)) {
            $alias = & git config --global --get alias.devin-handoff 2>$null
            if ($alias -and "$alias".Contains($program)) {
                & git config --global --unset alias.devin-handoff
                [Console]::Error.WriteLine('removed git alias: git devin-handoff')
            }
        }
        if (Test-OurLauncher) { Remove-Item -Force -LiteralPath $launcher }
        elseif (Test-Path -LiteralPath $launcher) { [Console]::Error.WriteLine("note: $launcher is not ours; left alone") }
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $lib
        [Console]::Error.WriteLine("devin-handoff removed from $Prefix")
        return
    }

    # A clone holds the project; a script piped into Invoke-Expression, or copied elsewhere, has none beside it.
    $root = $PSScriptRoot
    $inClone = $root -and (Test-Path -LiteralPath (Join-Path $root 'src/Handoff.Cli/Handoff.Cli.csproj'))
    if ($Version) { $Release = [switch]$true }
    if (-not $inClone) { $Release = [switch]$true }
    if ($Release -and $NoAot) { throw '-NoAot is for building from source; a release is always the Native AOT build' }

    if ($Release) {
        # ---- Install a release: download, check against SHA256SUMS, then (only then) touch the prefix.
        function Stop-Install([string]$message) { throw "$message; nothing was installed" }
        # What a program prints (stdout and stderr), or '' when it cannot run.
        function Get-CommandText([string]$file, [string[]]$arguments) {
            try { return "$(& $file @arguments 2>&1)".Trim() } catch { return '' }
        }
        if ($onWindows) {
            $arch = if ($env:PROCESSOR_ARCHITEW6432) { $env:PROCESSOR_ARCHITEW6432 } else { $env:PROCESSOR_ARCHITECTURE }
            $os = 'Windows'
            $rid = if ($arch -eq 'AMD64') { 'win-x64' } else { $null }
        } else {
            $os = "$(& uname -s)"; $arch = "$(& uname -m)"
            $rid = switch ("$os-$arch") {
                'Linux-x86_64' { 'linux-x64' }
                'Linux-aarch64' { 'linux-arm64' }
                'Linux-arm64' { 'linux-arm64' }
                'Darwin-arm64' { 'osx-arm64' }
                # An x86_64 shell under Rosetta on Apple silicon: the native arm64 build is the one to run.
                'Darwin-x86_64' { if ((Get-CommandText 'sysctl' @('-n', 'sysctl.proc_translated')) -eq '1') { 'osx-arm64' } else { 'osx-x64' } }
                default { $null }
            }
        }
        if (-not $rid) {
            Stop-Install "no release build for this platform ($os $arch); there are builds for Linux x86_64 and arm64, macOS x86_64 and arm64, Windows x64; to build from source, clone $repoUrl and run ./install.ps1"
        }
        if ($os -eq 'Linux' -and ((Test-Path '/etc/alpine-release') -or ((Get-CommandText 'ldd' @('--version')) -match 'musl'))) {
            Stop-Install "no release build for Linux with musl (Alpine): the builds need glibc; to build from source, clone $repoUrl and run ./install.ps1"
        }
        $asset = if ($onWindows) { "devin-handoff-$rid.zip" } else { "devin-handoff-$rid.tar.gz" }

        $wanted = if ($Version) { $Version.TrimStart('v') } else { 'latest' }
        $base = if ($env:DEVIN_HANDOFF_RELEASE_URL) { $env:DEVIN_HANDOFF_RELEASE_URL.TrimEnd('/') }
                elseif ($wanted -eq 'latest') { "$repoUrl/releases/latest/download" }
                else { "$repoUrl/releases/download/v$wanted" }
        $uri = $null
        if (-not [Uri]::TryCreate($base, [UriKind]::Absolute, [ref]$uri) -or -not ($uri.Scheme -eq 'https' -or $uri.Scheme -eq 'http')) {
            Stop-Install "DEVIN_HANDOFF_RELEASE_URL must be an https:// URL (got '$base')"
        }
        if ($uri.Scheme -eq 'http' -and -not $uri.IsLoopback) {
            Stop-Install "refusing plain-http ${base}: downloads need https (http only from this machine: localhost, 127.x.x.x, [::1])"
        }
        if ($PSVersionTable.PSVersion.Major -lt 6) {
            [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
        }

        $staging = Join-Path ([System.IO.Path]::GetTempPath()) ('devin-handoff-' + [guid]::NewGuid())
        New-Item -ItemType Directory -Force -Path $staging | Out-Null
        try {
            [Console]::Error.WriteLine("downloading $asset ($wanted) from $base…")
            $sums = Join-Path $staging 'SHA256SUMS'
            $archive = Join-Path $staging $asset
            foreach ($download in @(@("$base/SHA256SUMS", $sums), @("$base/$asset", $archive))) {
                try { Invoke-WebRequest -Uri $download[0] -OutFile $download[1] -UseBasicParsing }
                catch { Stop-Install "could not download $($download[0]) ($($_.Exception.Message))" }
            }
            $expected = $null
            foreach ($line in (Get-Content -LiteralPath $sums)) {
                $fields = "$line".Trim() -split '\s+'
                if ($fields.Count -eq 2 -and $fields[1].TrimStart('*') -eq $asset) { $expected = $fields[0].ToLowerInvariant(); break }
            }
            if (-not ($expected -match '^[0-9a-f]{64}$')) { Stop-Install "SHA256SUMS has no checksum for $asset" }
            $actual = (Get-FileHash -Algorithm SHA256 -LiteralPath $archive).Hash.ToLowerInvariant()
            if ($actual -ne $expected) {
                Stop-Install "checksum mismatch for $asset (expected $expected, got $actual): the download is damaged or was tampered with"
            }

            $unpacked = Join-Path $staging 'x'
            New-Item -ItemType Directory -Force -Path $unpacked | Out-Null
            if ($onWindows) { Expand-Archive -LiteralPath $archive -DestinationPath $unpacked }
            else {
                & tar -xzf $archive -C $unpacked
                if ($LASTEXITCODE -ne 0) { Stop-Install "could not unpack $asset" }
            }
            $new = Join-Path $unpacked "devin-handoff-$rid"
            $newProgram = Join-Path $new $exeName
            if (-not (Test-Path -LiteralPath $newProgram)) { Stop-Install "$asset holds no devin-handoff-$rid/$exeName" }
            # It must run here before it replaces anything (an older glibc, say, fails now rather than after the install).
            try { $got = "$(& $newProgram --version 2>&1)".Trim(); $code = $LASTEXITCODE } catch { $got = $_.Exception.Message; $code = -1 }
            if ($code -ne 0) { Stop-Install "the downloaded binary does not run on this machine: $got" }
            if ($wanted -ne 'latest' -and $got.Split('+')[0] -ne $wanted) { Stop-Install "asked for version $wanted, but the download is version $got" }

            Install-Folder $new
        }
        finally {
            Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $staging
        }
        [Console]::Error.WriteLine("installed (release $got, $rid): $launcher  (try: git devin-handoff create --task `"…`" --dry-run)")
        return
    }

    # ---- Build from this clone (PowerShell 7).
    if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) { throw 'the .NET SDK (dotnet) is needed to build; see https://dot.net, or install a release: ./install.ps1 -Release' }
    if (-not (Get-Command git -ErrorAction SilentlyContinue)) { throw 'git is needed' }

    # Runs dotnet publish with its output in a log file; returns $true when it succeeded.
    function Invoke-Publish([string[]]$arguments, [string]$log) {
        & dotnet publish @arguments *> $log
        return ($LASTEXITCODE -eq 0)
    }

    $rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    $toolchainHint = if ($onWindows) { 'install Visual Studio or its Build Tools with the "Desktop development with C++" workload' }
        elseif ($rid -like 'osx-*') { 'install the Xcode command line tools (xcode-select --install)' }
        else { 'install clang or gcc, and zlib (sudo apt-get install clang zlib1g-dev, or sudo dnf install clang zlib-devel)' }
    $project = Join-Path $root 'src/Handoff.Cli/Handoff.Cli.csproj'
    # Each kind of build keeps its own intermediate files under artifacts/ (not the obj/ folders that `dotnet build`
    # and `dotnet test` use), so rerunning the install after them reuses the previous compilation instead of
    # repeating the Native AOT one (a minute or two). eng/release.ps1 publishes the same way and shares it.
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
                [Console]::Error.WriteLine("note: $why, so this installs the ReadyToRun build, which starts slower; for the fast Native AOT build, $toolchainHint and rerun ./install.ps1 (or install a release: ./install.ps1 -Release)")
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
        Install-Folder $out
    }
    finally {
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $staging
    }
    [Console]::Error.WriteLine("installed ($build): $launcher  (try: git devin-handoff create --task `"…`" --dry-run)")
}

# One line on failure. Run as a file, the exit code is 1; piped into Invoke-Expression, the error is thrown instead,
# so a failed install does not close the caller's window.
try { Install-DevinHandoff }
catch {
    if ($PSCommandPath) { [Console]::Error.WriteLine("install.ps1: $($_.Exception.Message)"); exit 1 }
    throw "install.ps1: $($_.Exception.Message)"
}
