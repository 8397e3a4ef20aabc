#!/usr/bin/env bash
# Tracks the public API of every shipped project (Microsoft.CodeAnalysis.PublicApiAnalyzers).
#
#   eng/update-public-api.sh          record the current public surface: adds what is new to
#                                     PublicAPI.Unshipped.txt (RS0016) and drops what is gone (RS0017)
#   eng/update-public-api.sh --ship   at a release: moves everything in PublicAPI.Unshipped.txt
#                                     into PublicAPI.Shipped.txt, leaving Unshipped empty
#
# Either way it works whether or not tracking is switched on in eng/Packaging.props
# (TrackPublicApi): it turns tracking on for its own run. See docs/packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."

shipped=(
  src/CrmKit/CrmKit.csproj
  src/CrmKit.Scripting/CrmKit.Scripting.csproj
  src/CrmKit.Hosting/CrmKit.Hosting.csproj
  src/CrmKit.PostgreSql/CrmKit.PostgreSql.csproj
  src/CrmKit.Cli/CrmKit.Cli.csproj
)
header='#nullable enable'

for project in "${shipped[@]}"; do
  dir=$(dirname "$project")
  for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -f "$dir/$file" ] || printf '%s\n' "$header" > "$dir/$file"
  done
done

if [ "${1:-}" = "--ship" ]; then
  for project in "${shipped[@]}"; do
    dir=$(dirname "$project")
    # Lines marked *REMOVED* in Unshipped take their entry out of Shipped.
    { printf '%s\n' "$header"
      awk -v header="$header" '
        FNR == NR { if ($0 ~ /^\*REMOVED\*/) removed[substr($0, 10)] = 1; else if ($0 != header && $0 != "") keep[$0] = 1; next }
        $0 != header && $0 != "" && !($0 in removed) { keep[$0] = 1 }
        END { for (line in keep) print line }
      ' "$dir/PublicAPI.Unshipped.txt" "$dir/PublicAPI.Shipped.txt" | LC_ALL=C sort
    } > "$dir/PublicAPI.Shipped.txt.new"
    mv "$dir/PublicAPI.Shipped.txt.new" "$dir/PublicAPI.Shipped.txt"
    printf '%s\n' "$header" > "$dir/PublicAPI.Unshipped.txt"
    echo "$dir: shipped $(($(wc -l < "$dir/PublicAPI.Shipped.txt") - 1)) entries"
  done
  exit 0
fi

export TrackPublicApi=true
for project in "${shipped[@]}"; do
  echo "$project"
  # RS0016: public symbol not declared; RS0017: declared symbol no longer public;
  # RS0036/RS0037: nullable annotations of declared symbols.
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 RS0036 RS0037 --severity warn
done
echo "Now build with tracking on (TrackPublicApi=true dotnet build CrmKit.sln) and commit the PublicAPI.*.txt files."
