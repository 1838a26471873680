#!/bin/sh
# run.sh DIR TARGET - fuzz one target for FUZZ_SECONDS (default 60) with
# DIR/tests/fuzz/TARGET-fuzzer (libFuzzer, built by make fuzz) on its
# corpus tests/fuzz/corpus/TARGET and the dictionary tests/fuzz/rpt.dict.
# New inputs go to a scratch corpus under DIR; afterwards the ones that add
# coverage are merged into tests/fuzz/corpus/TARGET.  A crash or invariant
# failure stops it with a non-zero status, its input in DIR/fuzz-crashes/.
set -eu
dir=$1
t=$2
here=$(cd "$(dirname "$0")" && pwd)
bin=$dir/tests/fuzz/$t-fuzzer
corpus=$here/corpus/$t
new=$dir/fuzz-new/$t
crashes=$dir/fuzz-crashes
opts="-max_len=65536 -timeout=30 -rss_limit_mb=2048"
mkdir -p "$corpus" "$new" "$crashes"
echo "# fuzz $t for ${FUZZ_SECONDS:-60} s"
"$bin" $opts -dict="$here/rpt.dict" -max_total_time="${FUZZ_SECONDS:-60}" \
    -artifact_prefix="$crashes/$t-" -print_final_stats=1 "$new" "$corpus"
"$bin" $opts -merge=1 -artifact_prefix="$crashes/$t-" "$corpus" "$new" 2>&1 |
    grep 'MERGE-OUTER: [0-9]* new files' || :
rm -rf "$new"
