# shellcheck shell=bash
# The golden files (tests/golden/) and the commands that make them, listed
# in tests/golden/CASES: what the bats files compare (golden_check) and
# what make golden rewrites (tests/golden.sh) run the same command lines
# through golden_run, so the two cannot drift.  Needs TESTS (the tests/
# folder) and RPT_BIN (the filters under test); helper.bash sets both.

# man_examples PAGE: one line per example of man/PAGE, "NAME<TAB>COMMAND"
# with the command's lines joined by \001; with SHOWN=NAME, the lines shown
# under that example instead.  An example is the ".\" example: NAME" line in
# a literal display, the "$ command" after it (continued while it ends in |
# or \ or has an open quote), and the output lines shown under it, where
# "\&..." stands for lines left out.  mdoc escapes are undone; an unknown
# one is an error.
man_examples() {
	# shellcheck disable=SC2016 # $0 and the like are awk's
	awk -v shown="${SHOWN:-}" -v q="'" '
	function unesc(s,    out, i, c) {
		out = ""
		while ((i = index(s, "\\")) > 0) {
			out = out substr(s, 1, i - 1)
			c = substr(s, i + 1, 1)
			if (c == "e")
				out = out "\\"
			else if (c == "-")
				out = out "-"
			else if (c != "&") {
				print FILENAME ":" FNR ": unknown escape \\" c \
				    >"/dev/stderr"
				bad = 1
			}
			s = substr(s, i + 2)
		}
		return out s
	}
	function open_quotes(s,    t) {
		t = s
		return gsub(q, "", t) % 2
	}
	/^\.Sh / { inex = ($2 == "EXAMPLES"); next }
	!inex { next }
	/^\.Bd -literal/ { bd = 1; name = ""; next }
	/^\.Ed/ { bd = 0; name = ""; next }
	!bd { next }
	/^\.\\" example: / { name = $3; cmd = ""; state = "cmd"; next }
	/^\.\\"/ { next }
	/^\./ { print FILENAME ":" FNR ": request in a display" >"/dev/stderr"; bad = 1; next }
	{
		line = unesc($0)
		if (name == "") {
			print FILENAME ":" FNR ": untagged example: " line >"/dev/stderr"
			bad = 1
			next
		}
		if (state == "cmd") {
			if (cmd == "" && substr(line, 1, 2) != "$ ") {
				print FILENAME ":" FNR ": no command after the tag" >"/dev/stderr"
				bad = 1
			}
			cmd = (cmd == "") ? substr(line, 3) : (cmd "\001" line)
			if (open_quotes(cmd) || line ~ /[|\\][ ]*$/)
				next
			state = "shown"
			if (shown == "")
				printf "%s\t%s\n", name, cmd
			next
		}
		if (substr(line, 1, 2) == "$ ") {
			print FILENAME ":" FNR ": second command in " name >"/dev/stderr"
			bad = 1
		}
		if (name == shown)
			print line
	}
	END { exit bad }
	' "$TESTS/../man/$1"
}

# golden_names: the NAME of every line of CASES, in order.
golden_names() {
	grep -v -e '^#' -e '^$' "$TESTS/golden/CASES" | cut -f 1
}

# golden_cmd NAME: the sh command of golden file NAME (the example's own
# command, from its page, for "example PAGE NAME"); fails when CASES has no
# line for NAME.
golden_cmd() {
	local cmd
	cmd=$(awk -F '\t' -v n="$1" '!/^#/ && $1 == n { sub(/^[^\t]*\t/, ""); print; f = 1 }
	    END { exit !f }' "$TESTS/golden/CASES") || {
		echo "golden: no line for $1 in tests/golden/CASES" >&2
		return 1
	}
	case $cmd in
	example\ *)
		# shellcheck disable=SC2086 # "example PAGE NAME": two words
		set -- $cmd
		cmd=$(man_examples "$2" | awk -F '\t' -v n="$3" '$1 == n {
		    sub(/^[^\t]*\t/, ""); print; f = 1 } END { exit !f }') || {
			echo "golden: no example $3 in man/$2" >&2
			return 1
		}
		cmd=${cmd//$'\001'/$'\n'}
		;;
	esac
	printf '%s\n' "$cmd"
}

# golden_fixture DIR: make DIR the folder the commands run in.
golden_fixture() {
	local p
	mkdir -p "$1/reports"
	ln -sfn "$TESTS/corpus" "$1/corpus"
	ln -sf "$TESTS/corpus/001_3dec04221fb15ce6.txt" "$1/report.txt"
	for p in zuoba:000_6b9668183397f94f qinglong:001_3dec04221fb15ce6 \
	    biandangou:002_5e0d0e6190e313b8 daxi:003_31e37ca5113b7cf1 \
	    zhifang:004_4d7abf357b95ea80; do
		ln -sf "$TESTS/corpus/${p#*:}.txt" "$1/reports/${p%%:*}.txt"
	done
}

# golden_run NAME DIR: run the command of NAME in the fixture DIR, the
# filters of RPT_BIN first in PATH; its stdout, stderr and status.
golden_run() {
	local cmd
	cmd=$(golden_cmd "$1") || return 2
	(cd "$2" && PATH=$RPT_BIN:$PATH && export PATH && sh -c "$cmd")
}

# golden_check NAME (bats): the output of NAME's command equals
# golden/NAME, with nothing on stderr and exit status 0.
golden_check() {
	local t=$BATS_TEST_TMPDIR st=0
	[ -d "$t/golden-fixture" ] || golden_fixture "$t/golden-fixture"
	golden_run "$1" "$t/golden-fixture" >"$t/out" 2>"$t/err" || st=$?
	if [ "$st" -ne 0 ] || [ -s "$t/err" ]; then
		echo "golden $1: exit status $st from: $(golden_cmd "$1")" >&2
		cat "$t/err" >&2
		return 1
	fi
	diff -u "$TESTS/golden/$1" "$t/out"
}
