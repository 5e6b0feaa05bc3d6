#!/bin/sh
# make deps: make sure the Debian packages the project needs are there,
# installing them with apt-get where we may (root, or sudo without a
# password), and otherwise saying the exact command to run.
#   pkg-config libpcre2-dev libbsd-dev  build
#   bats bats-support bats-assert       tests
#   mandoc                              man page lint
#   parallel                            the map/reduce tests of mentions
#   hyperfine time                      make bench
#   python3                             make eval (the shared scorers)
#   xz-utils                            make model (reads the training data)
#   iso-codes                           tools/mkcountries.py (data/countries.tsv)
#   tzdata                              make model (city names of zone.tab)
#   clang libclang-rt-14-dev            make fuzz (libFuzzer, ASan, UBSan)
#   valgrind                            make valgrind
PKGS="gcc make pkg-config libpcre2-dev libbsd-dev bats bats-support bats-assert
mandoc parallel hyperfine time python3 xz-utils iso-codes clang
libclang-rt-14-dev valgrind tzdata"

missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
	    grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && { echo "deps: all present"; exit 0; }

cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" = 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo=sudo
else
	echo "deps: missing:$missing" >&2
	echo "deps: run as root: apt-get update && $cmd" >&2
	exit 1
fi
echo "deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq && $sudo $cmd
