#!/bin/sh
# run.sh [fuzz|merge|minimize] DIR TARGET - libFuzzer on one target, with
# DIR/tests/fuzz/TARGET-fuzzer (built by make fuzz into DIR=build/fuzz).
#
#   fuzz      (make fuzz) fuzz for FUZZ_SECONDS (default 60) with the
#             dictionary tests/fuzz/rpt.dict, growing the corpus outside
#             the tree, in $FUZZ_CORPUS/TARGET (build/fuzz-corpus/TARGET),
#             seeded from tests/fuzz/corpus/TARGET and crashes/TARGET; the
#             tree is not changed.  A crash or invariant failure stops it
#             with a non-zero status, its input in DIR/fuzz-crashes/.
#   merge     (make fuzz-merge) add to tests/fuzz/corpus/TARGET the inputs
#             of $FUZZ_CORPUS/TARGET that add coverage (libFuzzer
#             -merge=1), for review and a commit of their own.
#   minimize  (make fuzz-minimize) rewrite tests/fuzz/corpus/TARGET as the
#             smallest set of its inputs with the same coverage (-merge=1
#             into an empty directory); named seeds keep their names.
#
# Crash reproducers live in tests/fuzz/crashes/TARGET/, which neither
# merge nor minimize touches; make check replays them with the corpus.
set -eu
mode=fuzz
case ${1:-} in
fuzz|merge|minimize) mode=$1; shift ;;
esac
if [ $# -ne 2 ]; then
	echo "usage: run.sh [fuzz|merge|minimize] DIR TARGET" >&2
	exit 2
fi
dir=$1
t=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$dir/tests/fuzz/$t-fuzzer
corpus=$here/corpus/$t
crashdir=$here/crashes/$t
grown=${FUZZ_CORPUS:-$root/build/fuzz-corpus}/$t
crashes=$dir/fuzz-crashes
opts="-max_len=65536 -timeout=30 -rss_limit_mb=2048"
mkdir -p "$corpus" "$grown" "$crashes"

# count DIR: the number of files in DIR.
count() { find "$1" -type f | wc -l | tr -d ' '; }

case $mode in
fuzz)
	# Seed the corpus outside the tree with the tree's inputs (a merge:
	# those it has already are not copied again).
	seeds=$corpus
	[ -d "$crashdir" ] && seeds="$seeds $crashdir"
	# shellcheck disable=SC2086 # $opts and $seeds are lists of words
	"$bin" $opts -merge=1 "$grown" $seeds >"$crashes/$t-seed.log" 2>&1 || {
		cat "$crashes/$t-seed.log" >&2
		exit 1
	}
	echo "# fuzz $t for ${FUZZ_SECONDS:-60} s on $grown ($(count "$grown") inputs)"
	# shellcheck disable=SC2086
	"$bin" $opts -dict="$here/rpt.dict" -max_total_time="${FUZZ_SECONDS:-60}" \
	    -artifact_prefix="$crashes/$t-" -print_final_stats=1 "$grown"
	echo "# $t: $(count "$grown") inputs in $grown; make fuzz-merge adds the new coverage to the tree"
	;;
merge)
	before=$(count "$corpus")
	# shellcheck disable=SC2086
	"$bin" $opts -merge=1 -artifact_prefix="$crashes/$t-" "$corpus" "$grown" \
	    >"$crashes/$t-merge.log" 2>&1 || {
		cat "$crashes/$t-merge.log" >&2
		exit 1
	}
	echo "# $t: $before inputs in the tree, $(count "$corpus") after the merge"
	;;
minimize)
	new=$dir/fuzz-min/$t
	rm -rf "$new"
	mkdir -p "$new"
	# shellcheck disable=SC2086
	"$bin" $opts -merge=1 -artifact_prefix="$crashes/$t-" "$new" "$corpus" \
	    >"$crashes/$t-minimize.log" 2>&1 || {
		cat "$crashes/$t-minimize.log" >&2
		exit 1
	}
	# libFuzzer names what it keeps by its SHA-1; a hand-made seed that
	# is kept gets its name back.
	for f in "$corpus"/*; do
		b=${f##*/}
		case $b in
		*[!0-9a-f]*) ;;
		*) [ ${#b} -eq 40 ] && continue ;;
		esac
		s=$(sha1sum <"$f" | cut -c1-40)
		[ -f "$new/$s" ] && mv "$new/$s" "$new/$b"
	done
	before="$(count "$corpus") inputs, $(du -sk "$corpus" | cut -f1) KiB"
	rm -rf "$corpus"
	mv "$new" "$corpus"
	echo "# $t: $before before, $(count "$corpus") inputs, $(du -sk "$corpus" | cut -f1) KiB after"
	;;
esac
