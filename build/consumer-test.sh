#!/usr/bin/env bash
# Packs DogClassifier.Core and proves the package works in an application that is not part of this
# repository's build: samples/DogClassifier.Consumer restores the freshly packed package from the
# local feed (never the project), then trains on a few real photos, saves, loads and predicts.
#
#   build/consumer-test.sh          the CPU application (the package's default)
#   build/consumer-test.sh --gpu    also: a GPU variant must be refused while it still has the CPU
#                                   build (DOGCLS001), and build and run once it excludes it; on
#                                   a machine without CUDA it must fall back to the CPU with a
#                                   warning. Downloads Microsoft.ML.OnnxRuntime.Gpu.Linux (~330 MB).
#
# The package gets a unique prerelease version (the version in Directory.Build.props plus a
# suffix), so no copy cached by an earlier run can be used; that version is removed from the
# feed and from the NuGet cache on exit. Photos: $DOGCLASSIFIER_DATA/pets, else
# ../shared/datasets/pets beside the repository. Exits non-zero when any step fails.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
consumer="$root/samples/DogClassifier.Consumer"
feed="$root/artifacts/packages"
gpu=false
case "${1:-}" in
  "") ;;
  --gpu) gpu=true ;;
  *) echo "usage: $0 [--gpu]" >&2; exit 2 ;;
esac

fail() { echo "consumer-test: FAILED: $*" >&2; exit 1; }
step() { echo; echo "== $*"; }

data="${DOGCLASSIFIER_DATA:-$root/../shared/datasets}/pets"
[[ -d "$data/dog" ]] || fail "no photos at $data (set DOGCLASSIFIER_DATA to the datasets folder)"
# The photo to classify: the last dog photo in name order, which training never sees.
photo="$data/dog/$(ls "$data/dog" | LC_ALL=C sort | tail -n 1)"

base_version="$(dotnet msbuild "$root/DogClassifier.Core/DogClassifier.Core.csproj" -getProperty:Version)"
version="$base_version-consumer.$(date -u +%Y%m%d%H%M%S).$$"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
work="$(mktemp -d)"
cleanup() {
  rm -rf "$work" "$packages/dogclassifier.core/$version"
  rm -f "$feed/DogClassifier.Core.$version.nupkg" "$feed/DogClassifier.Core.$version.snupkg"
}
trap cleanup EXIT

step "pack DogClassifier.Core $version"
dotnet pack "$root/DogClassifier.Core/DogClassifier.Core.csproj" -c Release -o "$feed" \
  -p:Version="$version" -nologo
nupkg="$feed/DogClassifier.Core.$version.nupkg"
[[ -f "$feed/DogClassifier.Core.$version.snupkg" ]] || fail "no symbol package was written"
listing="$(unzip -l "$nupkg")"
echo "$listing"
for entry in buildTransitive/DogClassifier.Core.targets README.md \
  lib/net10.0/DogClassifier.Core.dll lib/net10.0/DogClassifier.Core.xml; do
  grep -q " $entry\$" <<<"$listing" || fail "the package lacks $entry"
done
if grep -q '\.onnx$' <<<"$listing"; then fail "the package carries the network files itself"; fi

# build VERB VARIANT [msbuild properties...]: restores and builds (or publishes) the consumer
# into $work/VARIANT.
build() {
  local verb="$1" variant="$2"
  shift 2
  dotnet "$verb" "$consumer/DogClassifier.Consumer.csproj" -c Release -nologo \
    --artifacts-path "$work/$variant" -p:DogClassifierCoreVersion="$version" "$@"
}
app() { echo "$work/$1/bin/DogClassifier.Consumer/release"; }
has_models() {
  for model in ResNet18Onnx/ResNet18.onnx ResNetPrepOnnx/ResNetPreprocess.onnx; do
    [[ -f "$1/DnnImageModels/$model" ]] || fail "$1 lacks DnnImageModels/$model"
  done
}
run() { dotnet "$1/DogClassifier.Consumer.dll" --data "$data" --image "$photo" --expect dog "${@:2}"; }

step "build the consumer against the package (CPU)"
build build cpu
has_models "$(app cpu)"

step "run the consumer (CPU)"
run "$(app cpu)"

step "publish the consumer through a library that references the package (app -> library -> package)"
build publish library -p:ThroughLibrary=true
published="$work/library/publish/DogClassifier.Consumer/release"
has_models "$published"

step "run the published consumer"
run "$published"

if [[ "$gpu" == true ]]; then
  step "the GPU variant that still has the CPU build must be refused"
  if build build conflict -p:OnnxRuntimeGpu=true -p:KeepCpuOnnxRuntime=true >"$work/conflict.log" 2>&1; then
    cat "$work/conflict.log"
    fail "a project with both ONNX Runtime builds was not refused"
  fi
  grep -q "DOGCLS001" "$work/conflict.log" || { cat "$work/conflict.log"; fail "no DOGCLS001 error"; }
  grep -m 1 "DOGCLS001" "$work/conflict.log"

  step "build the GPU variant (Microsoft.ML.OnnxRuntime.Gpu.Linux, CPU build excluded)"
  build build gpu -p:OnnxRuntimeGpu=true
  native="$(app gpu)/runtimes/linux-x64/native"
  [[ -f "$native/libonnxruntime_providers_cuda.so" ]] || fail "the GPU build's CUDA provider is missing"
  gpu_lib="$packages/microsoft.ml.onnxruntime.gpu.linux/1.32.0/runtimes/linux-x64/native/libonnxruntime.so"
  cmp -s "$native/libonnxruntime.so" "$gpu_lib" || fail "libonnxruntime.so in the output is not the GPU build's"

  step "run the GPU variant on CUDA device 0"
  if ! run "$(app gpu)" --gpu 0 2>&1 | tee "$work/gpu.log"; then
    fail "the GPU variant failed"
  fi
  if ! command -v nvidia-smi >/dev/null 2>&1; then
    grep -q "CUDA device 0 is unavailable, running on the CPU" "$work/gpu.log" \
      || fail "no fallback warning on a machine without CUDA"
  fi
fi

echo
echo "consumer-test: OK (DogClassifier.Core $version)"
