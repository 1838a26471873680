#!/bin/sh
# Install what rpt needs to build and to run its tests, if anything is
# missing; do nothing (quickly) when everything is there.  Debian/Ubuntu
# (apt-get), Fedora (dnf) and macOS (brew) are supported; elsewhere the
# missing packages are printed and the script fails.  With the argument
# fuzz it also makes sure clang can build libFuzzer targets (make fuzz),
# with lint that shellcheck is there (make lint).
set -u

missing=""
need() { missing="$missing $1"; }

command -v "${CC:-cc}" >/dev/null 2>&1 || need cc
command -v make >/dev/null 2>&1 || need make
if command -v pkg-config >/dev/null 2>&1; then
	pkg-config --exists libutf8proc || need utf8proc
	pkg-config --exists libpcre2-8 || need pcre2
	pkg-config --exists libzip || need libzip
	pkg-config --exists expat || need expat
else
	need pkg-config; need utf8proc; need pcre2; need libzip; need expat
fi
command -v bats >/dev/null 2>&1 || need bats
found_lib() {
	for d in ${BATS_LIB_PATH:-} /usr/lib/bats /usr/local/lib/bats \
	    /opt/homebrew/lib /usr/local/lib /usr/share/bats; do
		[ -f "$d/$1/load.bash" ] && return 0
	done
	return 1
}
found_lib bats-support || need bats-support
found_lib bats-assert || need bats-assert
command -v mandoc >/dev/null 2>&1 || need mandoc
command -v iconv >/dev/null 2>&1 || need iconv
command -v mlr >/dev/null 2>&1 || need miller
command -v datamash >/dev/null 2>&1 || need datamash
command -v sqlite3 >/dev/null 2>&1 || need sqlite3
command -v parallel >/dev/null 2>&1 || need parallel
command -v column >/dev/null 2>&1 || need column
command -v man >/dev/null 2>&1 || need man
# README's --pre example and rpt(7)'s PDF recipe.
command -v pdftotext >/dev/null 2>&1 || need pdftotext
# deps.sh lint: also what make lint needs.
if [ "${1:-}" = lint ]; then
	command -v shellcheck >/dev/null 2>&1 || need shellcheck
fi
# deps.sh fuzz: also what make fuzz needs, clang with libFuzzer.
if [ "${1:-}" = fuzz ]; then
	printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)\n{ (void)d; (void)n; return 0; }\n' |
	    clang -fsanitize=fuzzer -x c -o /dev/null - >/dev/null 2>&1 ||
	    need libfuzzer
fi

[ -z "$missing" ] && exit 0

# Map the generic names to each system's packages.
pkgs() {
	for m in $missing; do
		case "$1:$m" in
		apt:cc) echo gcc ;;
		apt:utf8proc) echo libutf8proc-dev ;;
		apt:pcre2) echo libpcre2-dev ;;
		apt:libzip) echo libzip-dev ;;
		apt:pdftotext|dnf:pdftotext) echo poppler-utils ;;
		brew:pdftotext) echo poppler ;;
		apt:expat) echo libexpat1-dev ;;
		apt:iconv) echo libc-bin ;;
		apt:column) echo bsdextrautils ;;
		apt:man|dnf:man) echo man-db ;;
		apt:libfuzzer) echo clang libclang-rt-dev ;;
		dnf:libfuzzer) echo clang compiler-rt ;;
		brew:libfuzzer) echo llvm ;;
		dnf:column) echo util-linux ;;
		dnf:shellcheck) echo ShellCheck ;;
		brew:column) ;;
		dnf:cc) echo gcc ;;
		dnf:pkg-config) echo pkgconf-pkg-config ;;
		dnf:utf8proc) echo utf8proc-devel ;;
		dnf:pcre2) echo pcre2-devel ;;
		dnf:libzip) echo libzip-devel ;;
		dnf:expat) echo expat-devel ;;
		dnf:iconv) echo glibc-common ;;
		brew:cc|brew:make|brew:iconv) ;;
		brew:bats) echo bats-core ;;
		*) echo "$m" ;;
		esac
	done | sort -u | tr '\n' ' '
}

sudo=""
if [ "$(id -u)" != 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		sudo="sudo"
	else
		echo "deps: missing:$missing; run this as root or install sudo" >&2
		exit 1
	fi
fi

if command -v apt-get >/dev/null 2>&1; then
	p=$(pkgs apt)
	echo "deps: installing $p"
	# shellcheck disable=SC2086 # $p is a list of packages
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
	    $sudo env DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $p >/dev/null
elif command -v dnf >/dev/null 2>&1; then
	p=$(pkgs dnf)
	echo "deps: installing $p"
	# shellcheck disable=SC2086 # $p is a list of packages
	$sudo dnf install -y $p
elif command -v brew >/dev/null 2>&1; then
	p=$(pkgs brew)
	echo "deps: installing $p"
	# shellcheck disable=SC2086 # $p is a list of packages
	brew install $p
else
	echo "deps: missing:$missing" >&2
	echo "deps: install these with your package manager (Debian names: $(pkgs apt))" >&2
	exit 1
fi
