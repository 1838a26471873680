#!/bin/sh
# make bench: throughput and peak RSS of every rpt filter in $RPT_BIN,
# against `LC_ALL=C.UTF-8 wc -m < FILE` and `cat FILE > /dev/null` measured
# on the same file in the same run (see the Performance section of issue 2;
# the targets are issue 17's).
#
# Two inputs, cached in $RPT_BENCH_DIR (default /tmp/rpt-bench) and rebuilt
# only when missing, of the wrong size, or made from other sources:
#   corpus.txt  the sample reports (tests/corpus/*.txt) and, when present,
#               the valid UTF-8 reports in ../shared/corpus/real/, repeated
#               until the file holds at least $RPT_BENCH_MB MB (10^6 bytes);
#   flat.txt    the same text with every CR and LF removed: one line.
#
# Each command runs $RPT_BENCH_RUNS times (default 3) with its standard input
# (or operand) being the file and its output going to /dev/null; the table
# shows the best wall time as MB/s and the peak RSS (ru_maxrss of that one
# child, i.e. its VmHWM) measured by a small C helper compiled into the cache
# directory, so neither GNU time nor python is needed.
#
# Informative only: exits 0 whether the targets are met or not, and non-zero
# when the corpus cannot be built or a measured command fails.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
: "${RPT_BIN:=$root/bin}"
: "${RPT_BENCH_DIR:=/tmp/rpt-bench}"
: "${RPT_BENCH_MB:=100}"
: "${RPT_BENCH_RUNS:=3}"
: "${CC:=cc}"

die() { echo "bench: $*" >&2; exit 1; }

case $RPT_BENCH_MB$RPT_BENCH_RUNS in
*[!0-9]*) die "RPT_BENCH_MB and RPT_BENCH_RUNS must be whole numbers" ;;
esac
[ "$RPT_BENCH_RUNS" -ge 1 ] || die "RPT_BENCH_RUNS must be at least 1"
[ -d "$RPT_BIN" ] || die "no binary directory $RPT_BIN (run make first)"

dir=$RPT_BENCH_DIR
mkdir -p "$dir" || die "cannot create $dir"
target=$((RPT_BENCH_MB * 1000000))
tmp=$dir/tmp.$$
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir "$tmp" || die "cannot create $tmp"

size() { wc -c <"$1" | tr -d ' '; }

# --- the measuring helper -------------------------------------------------
# runmeter [-i IN] [-o OUT] [-e ERR] -- CMD [ARG]...: runs CMD with its
# standard streams redirected (stdout defaults to /dev/null), waits for it
# and prints "WALL_SECONDS MAXRSS_KIB" for that child alone.  Exits with the
# child's status (128+N when killed by signal N).
cat >"$tmp/runmeter.c" <<'EOF'
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>

static void redirect(const char *path, int fd, int flags)
{
	int f = open(path, flags, 0666);
	if (f < 0 || dup2(f, fd) < 0) {
		fprintf(stderr, "runmeter: %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	if (f != fd)
		close(f);
}

int main(int argc, char **argv)
{
	const char *in = NULL, *out = "/dev/null", *err = NULL;
	struct timespec t0, t1;
	struct rusage ru;
	pid_t pid;
	int c, st;
	long kib;

	while ((c = getopt(argc, argv, "i:o:e:")) != -1) {
		switch (c) {
		case 'i': in = optarg; break;
		case 'o': out = optarg; break;
		case 'e': err = optarg; break;
		default: return 127;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: runmeter [-i IN] [-o OUT] [-e ERR] -- CMD [ARG]...\n");
		return 127;
	}
	fflush(stdout);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("runmeter: fork");
		return 127;
	}
	if (pid == 0) {
		if (in)
			redirect(in, 0, O_RDONLY);
		redirect(out, 1, O_WRONLY | O_CREAT | O_TRUNC);
		if (err)
			redirect(err, 2, O_WRONLY | O_CREAT | O_TRUNC);
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "runmeter: %s: %s\n", argv[optind], strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR) {
			perror("runmeter: waitpid");
			return 127;
		}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	/* Only one child was ever waited for, so RUSAGE_CHILDREN is its own. */
	if (getrusage(RUSAGE_CHILDREN, &ru) < 0) {
		perror("runmeter: getrusage");
		return 127;
	}
	kib = ru.ru_maxrss;
#ifdef __APPLE__
	kib /= 1024;	/* bytes there, KiB on Linux and the BSDs */
#endif
	printf("%.6f %ld\n", (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, kib);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 127;
}
EOF
meter=$dir/runmeter
if [ ! -x "$meter" ] || ! cmp -s "$tmp/runmeter.c" "$dir/runmeter.c"; then
	$CC -O2 -o "$tmp/runmeter" "$tmp/runmeter.c" ||
	    die "cannot compile the measuring helper with $CC"
	{ mv "$tmp/runmeter" "$meter" && cp "$tmp/runmeter.c" "$dir/runmeter.c"; } ||
	    die "cannot install the helper in $dir"
fi

# --- the corpus -----------------------------------------------------------
real=$root/../shared/corpus/real
nsample=0 nreal=0 skipped=
: >"$tmp/sources"
for f in "$root"/tests/corpus/*.txt "$real"/*.txt; do
	{ [ -f "$f" ] && [ -s "$f" ]; } || continue
	if ! iconv -f UTF-8 -t UTF-8 <"$f" >/dev/null 2>&1; then
		skipped="$skipped ${f##*/}"
		continue
	fi
	case $f in
	"$real"/*) nreal=$((nreal + 1)) ;;
	*) nsample=$((nsample + 1)) ;;
	esac
	printf '%s\t%s\n' "$(size "$f")" "$f" >>"$tmp/sources"
done
[ "$nsample" -gt 0 ] || die "no sample reports in $root/tests/corpus"

# One copy of every source, each ended by a newline (many reports have no
# final newline, and their last line must not run into the next report).
while IFS='	' read -r _ f; do
	cat "$f" && echo
done <"$tmp/sources" >"$tmp/set.txt" || die "cannot read the sources"
tr -d '\r\n' <"$tmp/set.txt" >"$tmp/flatset.txt" || die "tr failed"

# repeat SET OUT: OUT := SET repeated until it holds at least $target bytes.
# The set is first doubled up to about 4 MB so that small sets need few
# appends; OUT is always a whole number of copies of SET.
repeat() {
	cp "$1" "$tmp/chunk" || return 1
	while [ "$(size "$tmp/chunk")" -lt 4000000 ] &&
	    [ "$(size "$tmp/chunk")" -lt "$target" ]; do
		cat "$tmp/chunk" "$tmp/chunk" >"$tmp/chunk2" &&
		    mv "$tmp/chunk2" "$tmp/chunk" || return 1
	done
	: >"$2.part" || return 1
	while [ "$(size "$2.part")" -lt "$target" ]; do
		cat "$tmp/chunk" >>"$2.part" || return 1
	done
	mv "$2.part" "$2"
}

# The cache is reused when its signature (target, sources and their sizes,
# the exact size and checksum of one set) matches and the file has the size
# recorded with it.
for name in corpus flat; do
	case $name in
	corpus) set=$tmp/set.txt ;;
	flat) set=$tmp/flatset.txt ;;
	esac
	file=$dir/$name.txt
	{
		echo "rpt-bench 1 $name target=$target"
		cat "$tmp/sources"
		cksum <"$set"
	} >"$tmp/$name.sig"
	if [ -f "$file" ] && [ -f "$dir/$name.sig" ] &&
	    [ -f "$dir/$name.size" ] &&
	    cmp -s "$tmp/$name.sig" "$dir/$name.sig" &&
	    [ "$(size "$file")" = "$(cat "$dir/$name.size")" ]; then
		continue
	fi
	echo "bench: building $file (at least $RPT_BENCH_MB MB) ..." >&2
	rm -f "$dir/$name.sig" "$dir/$name.size"
	repeat "$set" "$file" || { rm -f "$file.part"; die "cannot build $file"; }
	size "$file" >"$dir/$name.size"
	cp "$tmp/$name.sig" "$dir/$name.sig"
done
corpus=$dir/corpus.txt
flat=$dir/flat.txt
corpus_bytes=$(size "$corpus")
flat_bytes=$(size "$flat")
set_bytes=$(size "$tmp/set.txt")
corpus_lines=$(wc -l <"$corpus" | tr -d ' ')
flat_lines=$(tr -cd '\r\n' <"$flat" | wc -c | tr -d ' ')
[ "$flat_lines" -eq 0 ] || die "$flat has line breaks"

# --- measuring ------------------------------------------------------------
# measure LABEL INPUT STDIN -- CMD...: runs CMD $RPT_BENCH_RUNS times and
# appends "INPUT<TAB>LABEL<TAB>best_s<TAB>max_rss_kib<TAB>worst_s<TAB>runs
# <TAB>best_of_first_two_s" to $tmp/results.  STDIN is the file to redirect, or "-" for none.  Stops
# repeating after a run that took more than 20 s, to bound the total time.
measure() {
	label=$1 input=$2 stdin=$3
	shift 4
	: >"$tmp/runs"
	i=0
	while [ "$i" -lt "$RPT_BENCH_RUNS" ]; do
		i=$((i + 1))
		if [ "$stdin" = - ]; then
			LC_ALL=C.UTF-8 "$meter" -e "$tmp/stderr" -- "$@" \
			    >>"$tmp/runs"
		else
			LC_ALL=C.UTF-8 "$meter" -i "$stdin" -e "$tmp/stderr" \
			    -- "$@" >>"$tmp/runs"
		fi
		st=$?
		if [ "$st" -ne 0 ]; then
			echo "bench: $label failed on $input (exit status $st):" >&2
			sed 's/^/  /' "$tmp/stderr" >&2
			exit 1
		fi
		if [ -s "$tmp/stderr" ] && [ "$i" -eq 1 ]; then
			echo "bench: note: $label on $input wrote to stderr:" >&2
			head -n 3 "$tmp/stderr" | sed 's/^/  /' >&2
		fi
		slow=$(awk 'END { print ($1 > 20) ? 1 : 0 }' "$tmp/runs")
		[ "$slow" -eq 0 ] || break
	done
	awk -v input="$input" -v label="$label" '
	    NR == 1 || $1 < best { best = $1 }
	    NR <= 2 && (NR == 1 || $1 < best2) { best2 = $1 }
	    NR == 1 || $1 > worst { worst = $1 }
	    $2 > rss { rss = $2 }
	    END { printf "%s\t%s\t%.6f\t%d\t%.6f\t%d\t%.6f\n",
		input, label, best, rss, worst, NR, best2 }' \
	    "$tmp/runs" >>"$tmp/results"
}

# The filters: every executable rpt-NAME in $RPT_BIN (no dot in the name, so
# bin/rpt-split.c and .o are not taken), in name order.
filters=
for f in "$RPT_BIN"/rpt-*; do
	case ${f##*/} in *.*) continue ;; esac
	{ [ -f "$f" ] && [ -x "$f" ]; } || continue
	filters="$filters ${f##*/}"
done
[ -n "$filters" ] || die "no rpt-* filter in $RPT_BIN (run make first)"

# modes FILTER: one "LABEL OPTION..." line per row on the corpus; the first
# line is the filter's default and is also run on the flat file.
modes() {
	case $1 in
	rpt-split) printf '%s\n' "sentence" "para -u para" "item -u item" ;;
	*) echo "default" ;;
	esac
}

: >"$tmp/results"
t_start=$(date +%s)
for input in corpus flat; do
	eval "file=\$$input"
	# The references first: they also bring the file into the page cache.
	measure "cat" "$input" - -- cat "$file"
	measure "wc -m" "$input" "$file" -- wc -m
	for f in $filters; do
		modes "$f" >"$tmp/modes"
		while read -r mode opts; do
			# Word splitting of $opts is intended (plain options).
			# shellcheck disable=SC2086
			measure "$f $mode" "$input" "$file" -- \
			    "$RPT_BIN/$f" $opts </dev/null
			[ "$input" = corpus ] || break
		done <"$tmp/modes"
	done
done
# rpt-stats over the corpus cut into 16 files, each given 8 times (128
# operands, 800 MB): one process, and GNU parallel with 2 jobs (issue 5: at
# least 1.7x faster).  Eight times, because GNU parallel's own start-up
# (about 0.1 s of perl) was a quarter of the time of the corpus once, and
# the faster rpt-stats got, the less its row said about rpt-stats: at 300
# MB/s one process now takes 2.7 s.
if command -v parallel >/dev/null 2>&1 && [ -x "$RPT_BIN/rpt-stats" ]; then
	parts=$dir/parts
	if [ ! -f "$parts/sig" ] || ! cmp -s "$dir/corpus.sig" "$parts/sig"; then
		{ rm -rf "$parts" && mkdir -p "$parts" &&
		    split -n l/16 -d "$corpus" "$parts/part." &&
		    cp "$dir/corpus.sig" "$parts/sig"; } ||
		    die "cannot cut $corpus into $parts"
	fi
	set -- "$parts"/part.* "$parts"/part.* "$parts"/part.* "$parts"/part.*
	set -- "$@" "$@"
	measure "rpt-stats 1 proc" parts - -- "$RPT_BIN/rpt-stats" -N "$@"
	measure "rpt-stats par -j2" parts - -- parallel --will-cite -j2 -X \
	    "$RPT_BIN/rpt-stats" -N ::: "$@"
	# The same without GNU parallel's start-up.
	# shellcheck disable=SC2016 # for the inner shell
	measure "rpt-stats xargs -P2" parts - -- sh -c 'printf "%s\n" "$@" |
	    xargs -P2 -n64 "$0" -N' "$RPT_BIN/rpt-stats" "$@"
	set --
fi
# 1 GiB, ordinary and with no line break (issue 6: peak RSS under 32 MiB
# for every filter, time linear in the size), each filter the best of two
# runs, set against the best of the first two of its runs on the corpus:
# the same number of runs on both sides (the 11x bound is only 2.4% over
# linear, less than one run's noise; the best of five on the corpus is
# lower than the best of two by about as much); off with RPT_BENCH_BIG=0.
# The files are the 100 MB ones repeated.
big_bytes=0 bigflat_bytes=0
if [ "${RPT_BENCH_BIG:-1}" != 0 ]; then
	gib=1073741824
	for name in big bigflat; do
		case $name in big) src=$corpus ;; *) src=$flat ;; esac
		file=$dir/$name.txt
		# shellcheck disable=SC3013 # dash, bash and BSD sh have -ot
		if [ ! -f "$file" ] || [ "$(size "$file")" -lt "$gib" ] ||
		    [ "$file" -ot "$src" ]; then
			echo "bench: building $file (1 GiB) ..." >&2
			: >"$file.part" || die "cannot write $file"
			while [ "$(size "$file.part")" -lt "$gib" ]; do
				cat "$src" >>"$file.part" || die "cannot write $file"
			done
			mv "$file.part" "$file" || die "cannot write $file"
		fi
		eval "${name}_bytes=\$(size \"\$file\")"
		# Read it once first: the first filter should not pay for the
		# disk (each filter runs twice here, not best of several).
		cat "$file" >/dev/null || die "cannot read $file"
		runs=$RPT_BENCH_RUNS
		RPT_BENCH_RUNS=2
		for f in $filters; do
			measure "$f" "$name" "$file" -- "$RPT_BIN/$f" </dev/null
		done
		RPT_BENCH_RUNS=$runs
	done
fi
# rpt-sections on the Word files of tests/docx/corpus against the texts
# they were made from (issue 15): the same documents, DOCX_K times each as
# operands of one process; MB/s are of the texts' bytes for both.
docx_bytes=0
docx_k=${RPT_BENCH_DOCX_K:-100}
if [ -d "$root/tests/docx/corpus" ] && [ -x "$RPT_BIN/rpt-sections" ]; then
	: >"$tmp/docx.list"
	: >"$tmp/text.list"
	i=0
	while [ "$i" -lt "$docx_k" ]; do
		i=$((i + 1))
		for d in "$root"/tests/docx/corpus/*.docx; do
			n=${d##*/}
			n=${n%.docx}
			case $n in
			gwr-*) t=$root/tests/corpus/real/$n.txt ;;
			*) t=$root/tests/corpus/$n.txt ;;
			esac
			[ -f "$t" ] || continue
			echo "$d" >>"$tmp/docx.list"
			echo "$t" >>"$tmp/text.list"
			[ "$i" -gt 1 ] || docx_bytes=$((docx_bytes + $(size "$t")))
		done
	done
	docx_bytes=$((docx_bytes * docx_k))
	# shellcheck disable=SC2016 # for the inner shell
	measure "rpt-sections text" docx - -- sh -c 'xargs "$0" -N <"$1"' \
	    "$RPT_BIN/rpt-sections" "$tmp/text.list"
	# shellcheck disable=SC2016
	measure "rpt-sections docx" docx - -- sh -c 'xargs "$0" -N <"$1"' \
	    "$RPT_BIN/rpt-sections" "$tmp/docx.list"
fi
# N numbered headings each with a line of body, N = 20 000 and 200 000
# (issue 11: time linear in the number of headings, within 15x for 10x).
for n in 20000 200000; do
	file=$dir/headings-$n.txt
	if [ ! -f "$file" ]; then
		awk -v n="$n" 'BEGIN {
			for (k = 1; k <= n; k++) {
				printf "%d.标题%d\n", k, k
				print "正文内容，这是一段正文。"
			}
		}' >"$file.part" || die "cannot write $file"
		mv "$file.part" "$file" || die "cannot write $file"
	fi
	for f in $filters; do
		measure "$f" "h$n" "$file" -- "$RPT_BIN/$f" </dev/null
	done
done
t_end=$(date +%s)

# --- the report -----------------------------------------------------------
host_cpu=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo \
    2>/dev/null | head -n 1)
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')
echo "rpt bench: best of $RPT_BENCH_RUNS runs, output to /dev/null, LC_ALL=C.UTF-8"
echo "machine:   ${host_cpu:-unknown cpu}, $ncpu cores; $(uname -sr)"
printf 'sources:   %d sample + %d real reports, one set = %d bytes' \
    "$nsample" "$nreal" "$set_bytes"
[ -d "$real" ] || printf ' (no %s)' "$real"
[ -z "$skipped" ] || printf ' (skipped, not UTF-8:%s)' "$skipped"
echo
awk -v c="$corpus_bytes" -v cl="$corpus_lines" -v f="$flat_bytes" \
    -v cn="$corpus" -v fn="$flat" 'BEGIN {
	printf "corpus:    %s  %.1f MB (%d bytes, %d lines)\n", cn, c / 1e6, c, cl
	printf "flat:      %s  %.1f MB (%d bytes, no line break)\n", fn, f / 1e6, f
}'
echo
awk -F '\t' -v cb="$corpus_bytes" -v fb="$flat_bytes" -v bb="$big_bytes" \
    -v bfb="$bigflat_bytes" -v db="$docx_bytes" -v dk="$docx_k" '
	{
		n++; input[n] = $1; label[n] = $2; best[n] = $3
		rss[n] = $4; worst[n] = $5; runs[n] = $6; best2[$1, $2] = $7
		bytes = ($1 == "flat") ? fb : ($1 == "big") ? bb : \
		    ($1 == "bigflat") ? bfb : ($1 == "docx") ? db : \
		    ($1 == "parts") ? 8 * cb : cb
		secs[$1, $2] = $3
		rssof[$1, $2] = $4
		mbs[n] = bytes / 1e6 / $3
		if ($2 == "wc -m") wc[$1] = mbs[n]
		if ($2 == "cat") cat[$1] = mbs[n]
	}
	function verdict(ok) {
		return ok ? "PASS" : "FAIL"
	}
	# target(LABEL, WANT): a row of the table of issue 17, on the corpus: at
	# least WANT times wc -m, and peak RSS at most 16 MiB.
	function target(l, want) {
		if (!(l in x)) {
			printf "  %-22s not measured\n", l
			return
		}
		printf "  %-22s %6.2fx wc -m (>= %3.1fx) %s   RSS %5.1f MiB (<= 16) %s\n", \
		    l, x[l], want, verdict(x[l] >= want), r[l], verdict(r[l] <= 16)
	}
	END {
		fmt = "%-7s %-19s %9s %9s %8s %8s %7s\n"
		printf fmt, "input", "filter/mode", "MB/s", "RSS MiB", \
		    "x wc -m", "x cat", "spread"
		for (i = 1; i <= n; i++) {
			# the heading files have their own table below
			if (input[i] ~ /^h[0-9]+$/) {
				hd[input[i], label[i]] = best[i]
				if (!((input[i], label[i]) in seen))
					if (input[i] == "h20000")
						hl[++nh] = label[i]
				seen[input[i], label[i]] = 1
				continue
			}
			if (i > 1 && input[i] != input[i - 1]) print ""
			sp = (runs[i] > 1) ? \
			    sprintf("%.0f%%", 100 * (worst[i] - best[i]) / best[i]) : "1 run"
			w = (input[i] in wc) ? wc[input[i]] : wc["corpus"]
			k = (input[i] in cat) ? cat[input[i]] : cat["corpus"]
			printf "%-7s %-19s %9.1f %9.1f %8.2f %8.3f %7s\n", \
			    input[i], label[i], mbs[i], rss[i] / 1024, \
			    mbs[i] / w, mbs[i] / k, sp
			if (input[i] == "corpus") {
				x[label[i]] = mbs[i] / w; r[label[i]] = rss[i] / 1024
			}
			if (input[i] == "parts") par[label[i]] = mbs[i]
		}
		print ""
		print "spread: slowest run over fastest, per row; RSS: peak of ru_maxrss over the runs."
		print ""
		print "targets of issue 17 (on the corpus: x wc -m, and peak RSS):"
		target("rpt-split sentence", 4)
		target("rpt-split para", 5)
		target("rpt-sections default", 4)
		target("rpt-numbers default", 2.5)
		target("rpt-stats default", 2)
		if (("rpt-stats 1 proc" in par) && ("rpt-stats par -j2" in par)) {
			sp = par["rpt-stats par -j2"] / par["rpt-stats 1 proc"]
			printf "  %-22s %6.2fx faster than 1 process (>= 1.7) %s  (issue 5)\n", \
			    "rpt-stats parallel -j2", sp, verdict(sp >= 1.7)
		}
		if (bb > 0) {
			print ""
			print "1 GiB (issues 6 and 17): peak RSS at most 32 MiB, and at most 11x the time of"
			print "100 MB (scaled from the corpus; the default mode of each filter; each side the"
			print "best of two runs):"
			for (i = 1; i <= n; i++) {
				if (input[i] != "big")
					continue
				l = label[i]
				# (each side the best of two runs)
				base = (("corpus", l " sentence") in secs) ? \
				    best2["corpus", l " sentence"] : best2["corpus", l " default"]
				# (the file is whole copies of the corpus, a little
				# over 1 GiB: its time is scaled to 1 GiB)
				lin = (secs["big", l] * 1073741824 / bb) / (base * 1e8 / cb)
				printf "  %-13s RSS %5.1f MiB, flat %5.1f MiB %s   %5.2fx 100 MB %s\n", \
				    l, rssof["big", l] / 1024, rssof["bigflat", l] / 1024, \
				    verdict(rssof["big", l] <= 32768 && rssof["bigflat", l] <= 32768), \
				    lin, verdict(lin <= 11)
			}
		}
		else {
			print ""
			print "1 GiB (issues 6 and 17): peak RSS at most 32 MiB: not measured (RPT_BENCH_BIG=0)"
		}
		if (("docx", "rpt-sections docx") in secs) {
			print ""
			printf "Word files (issue 15): rpt-sections on tests/docx/corpus (%d times), of\n", dk
			print "the bytes of their texts, against the same texts:"
			q = secs["docx", "rpt-sections text"] / secs["docx", "rpt-sections docx"]
			printf "  %-22s %6.1f MB/s of text, %5.2fx the speed on the texts\n", \
			    "rpt-sections docx", db / 1e6 / secs["docx", "rpt-sections docx"], q
		}
		if (nh > 0) {
			print ""
			print "N headings with body (issue 11): time for N = 200 000 over N = 20 000,"
			print "at most 15x for 10x the input:"
			for (j = 1; j <= nh; j++) {
				l = hl[j]
				q = hd["h200000", l] / hd["h20000", l]
				printf "  %-13s %6.3f s / %6.3f s = %5.2fx %s\n", l, \
				    hd["h200000", l], hd["h20000", l], q, \
				    verdict(q <= 15)
			}
		}
		if (("rpt-stats 1 proc" in par) && ("rpt-stats xargs -P2" in par)) {
			sp = par["rpt-stats xargs -P2"] / par["rpt-stats 1 proc"]
			printf "  %-22s %6.2fx faster than 1 process\n", \
			    "rpt-stats xargs -P2", sp
		}
	}' "$tmp/results"
echo
echo "measured in $((t_end - t_start)) s"
exit 0
