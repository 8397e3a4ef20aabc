#!/usr/bin/env bash
# Packs every shipped package (and the crmkit tool) with its symbols package into one folder.
#   eng/pack.sh OUT_DIR [ARTIFACTS_DIR]
# OUT_DIR receives the .nupkg and .snupkg files. ARTIFACTS_DIR, when given, holds the Release
# build's intermediate and output files (so a pack leaves the working tree's bin/ and obj/ alone).
# The version comes from the nearest git tag vX.Y.Z (MinVer); see docs/packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:?usage: eng/pack.sh OUT_DIR [ARTIFACTS_DIR]}
artifacts=()
if [ $# -ge 2 ]; then artifacts=(--artifacts-path "$2"); fi

# The shipped projects, in dependency order so that each builds once.
shipped=(
  src/CrmKit/CrmKit.csproj
  src/CrmKit.Scripting/CrmKit.Scripting.csproj
  src/CrmKit.Hosting/CrmKit.Hosting.csproj
  src/CrmKit.PostgreSql/CrmKit.PostgreSql.csproj
  src/CrmKit.Cli/CrmKit.Cli.csproj
)
for project in "${shipped[@]}"; do
  dotnet pack "$project" -c Release -o "$out" "${artifacts[@]}" -nodeReuse:false --nologo
done
