#!/usr/bin/env bash
# Brings zxing's public QR photo test set (blackbox/qrcode-1 to qrcode-6, 179 photos, each with
# its expected text) from a local git mirror of github.com/zxing/zxing into
# target/zxing-blackbox/, with zxing's LICENSE (Apache 2.0) next to them. Nothing of it is
# committed here: target/ is ignored. `core/tests/transfer_zxing.rs` reads that folder.
#
#   ZXING_GIT_DIR=/path/to/zxing/.git scripts/zxing-photos.sh      (or a clone's work tree)
#   git clone --depth 1 https://github.com/zxing/zxing /tmp/zxing && ZXING_GIT_DIR=/tmp/zxing scripts/zxing-photos.sh
set -euo pipefail
cd "$(dirname "$0")/.."

GIT_DIR_IN=${ZXING_GIT_DIR:-/work/.mirror/zxing+zxing/repo}
OUT=${ENTRAIDE_ZXING_DIR:-target/zxing-blackbox}
if [ -d "$GIT_DIR_IN/.git" ]; then GIT_DIR_IN="$GIT_DIR_IN/.git"; fi
if ! git --git-dir="$GIT_DIR_IN" rev-parse --verify -q HEAD >/dev/null; then
  echo "zxing-photos: no zxing git repository at $GIT_DIR_IN" >&2
  echo "  clone it: git clone --depth 1 https://github.com/zxing/zxing /tmp/zxing" >&2
  echo "  then:     ZXING_GIT_DIR=/tmp/zxing $0" >&2
  exit 1
fi

BASE=core/src/test/resources/blackbox
rm -rf "$OUT"
mkdir -p "$OUT"
dirs=()
for n in 1 2 3 4 5 6; do dirs+=("$BASE/qrcode-$n"); done
git --git-dir="$GIT_DIR_IN" archive --format=tar HEAD "${dirs[@]}" |
  tar -x -C "$OUT" --strip-components=5
git --git-dir="$GIT_DIR_IN" show HEAD:LICENSE >"$OUT/LICENSE"
commit=$(git --git-dir="$GIT_DIR_IN" rev-parse HEAD)
printf 'zxing/zxing %s, %s/qrcode-1..6, Apache License 2.0 (LICENSE)\n' "$commit" "$BASE" >"$OUT/SOURCE"
count=$(find "$OUT" -name '*.png' | wc -l)
echo "zxing-photos: $count photos in $OUT (zxing $commit)"
