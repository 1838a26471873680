#!/bin/sh
# make coverage: line and branch coverage of lib/ by the test suite, per
# file, from gcov.  BUILD is a build made with --coverage (the Makefile's
# coverage target makes build/cov); the suite (unit tests, fuzz replays if
# built, and the bats files under LC_ALL=C.UTF-8) must have run with its
# binaries, which leaves the .gcda counts next to the objects.  Prints
#
#	file  lines  of  branches  of
#
# with the percentages of lines executed and of branches taken at least
# once, and the total.  gcovr or lcov are not needed; gcov comes with gcc.
set -u
build=${1:?usage: coverage.sh BUILD}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
out=$(mktemp -d) || exit 1
trap 'rm -rf "$out"' EXIT
printf '%-16s %7s %6s %9s %6s\n' file lines of branches of
for src in lib/*.c; do
	(cd "$out" && gcov -b -o "$root/$build/lib" "$root/$src") >"$out/log" 2>&1 ||
	    { echo "coverage.sh: gcov failed on $src:" >&2; cat "$out/log" >&2; exit 1; }
	# The block about the file itself (gcov also lists headers).
	awk -v f="$src" '
		/^File / { cur = ($2 == "\x27" f "\x27" || index($2, f "\x27") > 0) }
		cur && /^Lines executed:/ { split($2, a, ":"); l = a[2]; ln = $4 }
		cur && /^Taken at least once:/ { split($4, b, ":"); br = b[2]; bn = $6 }
		END {
			sub(/%/, "", l); sub(/%/, "", br)
			printf "%-16s %6.1f%% %6d %8.1f%% %6d\n", f, l, ln, br, bn
		}' "$out/log"
done | tee "$out/table"
awk 'NR > 0 { lc += $2 * $3 / 100; lt += $3; bc += $4 * $5 / 100; bt += $5 }
	END { printf "%-16s %6.1f%% %6d %8.1f%% %6d\n", "total", 100 * lc / lt, lt,
	    100 * bc / bt, bt }' "$out/table"
