#!/usr/bin/env bash
# Prints the folder holding Hyperledger Fabric's binaries (peer, orderer, configtxgen, osnadmin),
# building them first when needed. Sourced by network.sh; also runnable on its own:
#   FABRIC_SRC=../shared/fabric/fabric-2.5.16-src.tar.gz network-config/fabric/fabric-bin.sh
#
# Either
#   FABRIC_BIN  a folder of released binaries (what Fabric's install-fabric.sh binary leaves in bin/);
#               their sample configuration is looked for in FABRIC_CFG, then ../config beside it; or
#   FABRIC_SRC  Fabric's source: a tree or a .tar.gz of it (with its vendor/ tree: builds offline).
# Binaries built from source are cached outside the source tree, keyed by version, in
#   ${FUNDTRAIL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fundtrail}/fabric-VERSION/{bin,config,ccaas}
# and built only when missing. Prints three lines: BIN=..., CONFIG=..., BUILDER=...
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

fabric_bin_resolve() {
  if [ -n "${FABRIC_BIN:-}" ]; then
    local bin config builder
    bin="$(cd "$FABRIC_BIN" && pwd)"
    for tool in peer orderer configtxgen osnadmin; do
      [ -x "$bin/$tool" ] || { echo "FABRIC_BIN=$FABRIC_BIN has no executable $tool" >&2; return 1; }
    done
    config="${FABRIC_CFG:-}"
    [ -n "$config" ] || for c in "$bin/../config" "$bin/config" "$bin/../sampleconfig"; do
      [ -f "$c/core.yaml" ] && { config="$(cd "$c" && pwd)"; break; }
    done
    [ -n "$config" ] && [ -f "$config/core.yaml" ] || {
      echo "no core.yaml/orderer.yaml beside FABRIC_BIN (looked in ../config); set FABRIC_CFG" >&2; return 1; }
    builder="$bin/ccaas"
    [ -x "$builder/bin/detect" ] || builder="$here/ccaas-builder"
    printf 'BIN=%s\nCONFIG=%s\nBUILDER=%s\n' "$bin" "$config" "$builder"
    return 0
  fi
  if [ -z "${FABRIC_SRC:-}" ]; then
    echo "set FABRIC_BIN (a folder of Fabric binaries) or FABRIC_SRC (Fabric's source, a tree or .tar.gz)" >&2
    return 1
  fi
  local src="$FABRIC_SRC" version
  [ -e "$src" ] || { echo "FABRIC_SRC=$src does not exist" >&2; return 1; }
  if [ -d "$src" ]; then
    version=$(sed -n 's/^BASE_VERSION *= *//p' "$src/Makefile" | head -n 1)
  else
    version=$(basename "$src" | sed -n 's/^fabric-\([0-9][0-9.]*[0-9]\).*/\1/p')
  fi
  [ -n "$version" ] || { echo "cannot tell Fabric's version from $src" >&2; return 1; }
  local cache="${FUNDTRAIL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fundtrail}/fabric-$version"
  mkdir -p "$cache"
  (
    flock 9
    if [ ! -x "$cache/bin/peer" ] || [ ! -x "$cache/bin/osnadmin" ] || [ ! -x "$cache/ccaas/bin/release" ]; then
      command -v go >/dev/null || { echo "building Fabric needs Go on PATH" >&2; exit 1; }
      echo "fabric: building Fabric $version binaries into $cache (about 3 minutes, once)..." >&2
      local work tree
      work=$(mktemp -d)
      trap 'rm -rf "$work"' EXIT
      if [ -d "$src" ]; then tree="$src"; else
        tar -xzf "$src" -C "$work"
        tree=$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -n 1)
      fi
      (cd "$tree" && GOFLAGS=-mod=vendor GOPROXY=off go build -o "$work/bin/" \
          ./cmd/peer ./cmd/orderer ./cmd/configtxgen ./cmd/osnadmin) >&2
      (cd "$tree/ccaas_builder" && GOFLAGS=-mod=vendor GOPROXY=off go build -o "$work/ccaas/bin/" ./cmd/...) >&2
      rm -rf "$cache/config" && cp -r "$tree/sampleconfig" "$cache/config"
      rm -rf "$cache/ccaas" && mv "$work/ccaas" "$cache/ccaas"
      rm -rf "$cache/bin" && mv "$work/bin" "$cache/bin"
      echo "fabric: built Fabric $version in $cache" >&2
    fi
  ) 9>"$cache/.lock"
  printf 'BIN=%s\nCONFIG=%s\nBUILDER=%s\n' "$cache/bin" "$cache/config" "$cache/ccaas"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  fabric_bin_resolve
fi
