#!/usr/bin/env bash
# Start-up to first response: the sample's read-only run against a gateway (the stub, served by a separate JIT
# process), as a NativeAOT binary and as the JIT build, RUNS times each; prints the median wall time of each.
# Usage: bash benchmarks/measure-aot-startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet publish samples/ProviderConfig.Sample -c Release -r linux-x64 -p:PublishAot=true -o artifacts/aot-sample >/dev/null
dotnet build samples/ProviderConfig.Sample -c Release -o artifacts/jit-sample >/dev/null

fifo=$(mktemp -u); mkfifo "$fifo"
dotnet artifacts/jit-sample/ProviderConfig.Sample.dll --serve < "$fifo" > artifacts/stub-serve.log 2>&1 &
server=$!
exec 3>"$fifo"   # keeps the server's stdin open until we close it
trap 'exec 3>&-; wait $server 2>/dev/null; rm -f "$fifo"' EXIT
for _ in $(seq 1 100); do grep -q "listening on" artifacts/stub-serve.log 2>/dev/null && break; sleep 0.1; done
address=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' artifacts/stub-serve.log)
export ProviderConfig__BaseAddress="$address" ProviderConfig__ApiKey=sample-key

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure() {
  for _ in $(seq 1 "$runs"); do
    start=$(date +%s%N); "$@" openai > /dev/null; end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done | median
}

"artifacts/aot-sample/ProviderConfig.Sample" openai | head -3
aot=$(measure artifacts/aot-sample/ProviderConfig.Sample)
jit=$(measure dotnet artifacts/jit-sample/ProviderConfig.Sample.dll)
echo "stub gateway: $address; runs: $runs"
echo "NativeAOT: median ${aot} ms from process start to exit after the first GET (binary $(du -h artifacts/aot-sample/ProviderConfig.Sample | cut -f1))"
echo "JIT:       median ${jit} ms"
