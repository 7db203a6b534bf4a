#!/usr/bin/env bash
# The man page renders without warnings, and every flag of every command in --help is in it.
#   manual_test.sh BINARY
set -u
BR=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$BR" manual >"$work/backup-request.1"
failed=0
if ! warnings=$(groff -man -Tascii -P-bcu -ww "$work/backup-request.1" 2>&1 >"$work/page.txt") || [ -n "$warnings" ]; then
  echo "FAIL: groff warns: $warnings"
  failed=1
fi
# The rendered text, with hyphenation at line ends undone, as a reader would search it.
tr -s ' \n' '  ' <"$work/page.txt" | sed 's/- /-/g' >"$work/flat.txt"
for command in "" create validate template extend window schema completion; do
  # shellcheck disable=SC2086
  for flag in $("$BR" $command --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    if ! grep -qF -- "$flag" "$work/flat.txt"; then
      echo "FAIL: ${command:-backup-request} $flag is not in the man page"
      failed=1
    fi
  done
  if [ -n "$command" ] && ! grep -qF -- "$command" "$work/flat.txt"; then
    echo "FAIL: the command $command has no section"
    failed=1
  fi
done
[ "$failed" = 0 ] && echo "the man page renders cleanly and names every flag of every command"
exit "$failed"
