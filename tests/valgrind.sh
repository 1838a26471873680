#!/bin/sh
# make check-valgrind: the bats suite with every filter and test tool run
# under valgrind (memcheck, full leak check).  BUILD holds the binaries
# (bin/rpt-* and tests/tools/*); each is replaced, for the suite, by a
# wrapper that runs it under valgrind with its report in a log file, so
# that the suite's exact-stderr tests still see the filter's own stderr,
# and exits 99 on any memory error or leak, which fails the test.  The
# suite runs once, under LC_ALL=C.UTF-8 (the C locale run adds nothing
# here).  Ends with the suite's "N passed, M failed" and the number of
# valgrind reports; fails when a test failed or valgrind reported anything.
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: valgrind.sh BUILD}
build=$(cd "$build" && pwd)
command -v valgrind >/dev/null 2>&1 || {
	echo "valgrind.sh: valgrind is not installed (apt-get install valgrind)" >&2
	exit 1
}
wrap=$(mktemp -d) || exit 1
trap 'rm -rf "$wrap"' EXIT
mkdir -p "$wrap/bin" "$wrap/tools" "$wrap/logs" || exit 1
for f in "$build"/bin/rpt-* "$build"/tests/tools/*; do
	case ${f##*/} in *.*) continue ;; esac
	[ -x "$f" ] || continue
	case $f in */bin/*) dir=$wrap/bin ;; *) dir=$wrap/tools ;; esac
	cat >"$dir/${f##*/}" <<WRAPPER
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full \\
    --show-leak-kinds=definite,indirect,possible \\
    --errors-for-leak-kinds=definite,indirect,possible \\
    --log-file="$wrap/logs/${f##*/}.%p" "$f" "\$@"
WRAPPER
	chmod +x "$dir/${f##*/}"
done
RPT_UNDER_VALGRIND=1 RPT_BIN=$wrap/bin RPT_TOOLS=$wrap/tools \
    RPT_LOCALES=C.UTF-8 sh "$here/run.sh"
status=$?
# A report is a log with an error line ("==PID== ..."); a process killed
# by a signal (a closed pipe, a timeout) leaves only statistics ("--PID--").
reports=$(grep -l '^==[0-9]*== ' "$wrap"/logs/* 2>/dev/null | wc -l | tr -d ' ')
for f in $(grep -l '^==[0-9]*== ' "$wrap"/logs/* 2>/dev/null | head -5); do
	echo "== ${f##*/}"
	head -40 "$f"
done
echo "valgrind: $reports report(s)"
[ "$status" -eq 0 ] && [ "$reports" -eq 0 ]
