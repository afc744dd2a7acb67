#!/usr/bin/env pwsh
# RiskPlatform build entry point, PowerShell 7 twin of build.sh (same targets, same output; see build.sh).
#
#   ./build.ps1 [build]           restore + build the solution (Debug; $env:CONFIGURATION='Release' to change)
#   ./build.ps1 test [ARGS...]    start the test services (Linux), build, run every test project, then print
#                                 one last line "N passed, N failed, N skipped"; exit non-zero on any failure
#   ./build.ps1 run [ARGS...]     dotnet run --project src/Api
#   ./build.ps1 bench [ARGS...]   dotnet run -c Release --project bench/RiskPlatform.Benchmarks -- ARGS
#   ./build.ps1 services          install + start the test dependencies (Linux: scripts/test-services.sh) and
#                                 print them as $env: assignments
#   ./build.ps1 services-stop     stop the private PostgreSQL cluster
#   ./build.ps1 clean             dotnet clean + remove artifacts/
#
# No param() block on purpose: every argument after the target reaches dotnet unchanged (e.g. --filter X).
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

$Solution = 'RiskPlatform.sln'
$Configuration = if ($env:CONFIGURATION) { $env:CONFIGURATION } else { 'Debug' }
$ResultsDir = 'artifacts/test-results'

$Target = if ($args.Count -gt 0) { [string]$args[0] } else { 'build' }
$Rest = @($args | Select-Object -Skip 1)

# Runs dotnet with exactly these arguments and returns its exit code. Not `& dotnet @arguments`: on Linux and
# macOS PowerShell expands wildcards in native-command arguments, turning BenchmarkDotNet's `--filter '*'` into
# a list of file names.
function Invoke-Dotnet([string[]] $Arguments) {
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $startInfo.WorkingDirectory = $PSScriptRoot
    foreach ($argument in $Arguments) { $startInfo.ArgumentList.Add($argument) }
    $process = [System.Diagnostics.Process]::Start($startInfo)
    $process.WaitForExit()
    return $process.ExitCode
}

# NAME=value lines from scripts/test-services.sh (which also installs and starts what is missing).
function Get-TestServiceVariables([string] $Command) {
    if (-not $IsLinux) { throw "the test services need Linux with apt-get (scripts/test-services.sh)" }
    $lines = @(& bash scripts/test-services.sh $Command --plain)
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    foreach ($line in $lines) {
        $name, $value = $line -split '=', 2
        [pscustomobject]@{ Name = $name; Value = $value }
    }
}

function Invoke-Tests {
    if ($IsLinux -and $env:RISKPLATFORM_SKIP_SERVICES -ne '1') {
        foreach ($variable in (Get-TestServiceVariables 'start')) {
            Set-Item -LiteralPath "env:$($variable.Name)" -Value $variable.Value
        }
    }

    Remove-Item -LiteralPath $ResultsDir -Recurse -Force -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Force -Path $ResultsDir | Out-Null

    $buildExit = Invoke-Dotnet @('build', $Solution, '-c', $Configuration)
    if ($buildExit -ne 0) {
        Write-Host "build failed (dotnet build exit code $buildExit): no tests were run"
        exit $buildExit
    }

    $testExit = Invoke-Dotnet (@('test', $Solution, '-c', $Configuration, '--no-build',
            '--logger', 'trx', '--results-directory', $ResultsDir) + $Rest)

    # Same counting as scripts/trx-summary.sh: failed = failed + error + timeout + aborted; skipped = total - executed.
    $total = 0; $executed = 0; $passed = 0; $failed = 0
    foreach ($file in (Get-ChildItem -LiteralPath $ResultsDir -Filter '*.trx' -Recurse -File)) {
        $counters = ([xml](Get-Content -LiteralPath $file.FullName -Raw)).TestRun.ResultSummary.Counters
        $total += [int]$counters.total
        $executed += [int]$counters.executed
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    }

    if ($testExit -ne 0 -and $failed -eq 0) {
        Write-Host "dotnet test exited with code $testExit although no test failed (crashed test host or bad arguments?)"
    }
    Write-Output "$passed passed, $failed failed, $($total - $executed) skipped"
    if ($testExit -ne 0) { exit $testExit }
    if ($failed -gt 0) { exit 1 }
}

switch ($Target) {
    'build' { exit (Invoke-Dotnet (@('build', $Solution, '-c', $Configuration) + $Rest)) }
    'test' { Invoke-Tests }
    'run' { exit (Invoke-Dotnet (@('run', '--project', 'src/Api') + $Rest)) }
    'bench' { exit (Invoke-Dotnet (@('run', '-c', 'Release', '--project', 'bench/RiskPlatform.Benchmarks', '--') + $Rest)) }
    'services' {
        foreach ($variable in (Get-TestServiceVariables 'start')) {
            Write-Output ("`$env:{0} = '{1}'" -f $variable.Name, $variable.Value)
        }
    }
    'services-stop' {
        & bash scripts/test-services.sh stop
        exit $LASTEXITCODE
    }
    'clean' {
        $cleanExit = Invoke-Dotnet @('clean', $Solution, '-c', $Configuration, '-v', 'quiet')
        if ($cleanExit -ne 0) { exit $cleanExit }
        Remove-Item -LiteralPath 'artifacts' -Recurse -Force -ErrorAction SilentlyContinue
    }
    { $_ -in 'help', '-h', '--help' } { Get-Content -LiteralPath $PSCommandPath -TotalCount 13 | Select-Object -Skip 1 }
    default {
        Write-Host "unknown target: $Target (build, test, run, bench, services, services-stop, clean)"
        exit 2
    }
}
