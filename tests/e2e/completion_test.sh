#!/usr/bin/env bash
# Loads each generated completion script in its own shell and completes a subcommand, a flag and a flag's value.
#   completion_test.sh BINARY
set -u
BR=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
expect() { # name actual expected
  if [ "$2" != "$3" ]; then
    printf 'FAIL %s\n  expected: %s\n  actual:   %s\n' "$1" "$3" "$2"
    failed=1
  fi
}

"$BR" completion bash >"$work/c.bash"
mkdir "$work/files" && touch "$work/files/config.toml" "$work/files/draft.json"
got=$(bash -c 'source "$1"
  COMP_WORDS=(backup-request cr); COMP_CWORD=1; _backup_request; echo "${COMPREPLY[*]}"
  COMP_WORDS=(backup-request -v create --justi); COMP_CWORD=3; _backup_request; echo "${COMPREPLY[*]}"
  COMP_WORDS=(backup-request create --format m); COMP_CWORD=3; _backup_request; echo "${COMPREPLY[*]}"
  COMP_WORDS=(backup-request man); COMP_CWORD=1; _backup_request; echo "hidden: ${COMPREPLY[*]}"
  COMP_WORDS=(backup-request --color ""); COMP_CWORD=2; _backup_request; echo "${COMPREPLY[*]}"
  COMP_WORDS=(backup-request create --color a); COMP_CWORD=3; _backup_request; echo "${COMPREPLY[*]}"
  cd "$2"; COMP_WORDS=(backup-request --config conf); COMP_CWORD=2; _backup_request; echo "${COMPREPLY[*]}"
  COMP_WORDS=(backup-request validate dr); COMP_CWORD=2; _backup_request; echo "${COMPREPLY[*]}"
  COMP_WORDS=(backup-request schema ""); COMP_CWORD=2; _backup_request; echo "${COMPREPLY[*]:0:3}"
  COMP_WORDS=(backup-request completion f); COMP_CWORD=2; _backup_request; echo "${COMPREPLY[*]}"
  complete -p backup-request' _ "$work/c.bash" "$work/files")
expect bash "$got" "create
--justification --justification-file
markdown
hidden: 
auto always never
auto always
config.toml
draft.json
payload draft report
fish
complete -F _backup_request backup-request"

"$BR" completion fish >"$work/c.fish"
got=$(fish -c 'source $argv[1]
  complete -C "backup-request cr"
  complete -C "backup-request create --justi"
  complete -C "backup-request validate --format "
  complete -C "backup-request manu"  # fish matches inside words: never the hidden manual
  complete -C "backup-request schema "
  complete -C "backup-request completion z"' "$work/c.fish" | cut -f1)
expect fish "$got" "create
--justification
--justification-file
human
json
draft
ledger
payload
report
zsh"

"$BR" completion zsh >"$work/c.zsh"
# The completion system's own functions are replaced by ones that print what they are given.
got=$(zsh -fc 'autoload -U compinit; compinit -u; source $1
  _describe() { print -l -- ${(P)${@[-1]}} }
  _arguments() { print -l -- "$@"; state=command }
  words=(backup-request cr); CURRENT=2; _backup_request | grep "^create:"
  words=(backup-request create --justi); CURRENT=3; _backup_request | grep -- "^--justification"
  words=(backup-request window --format); CURRENT=3; _backup_request | grep -- "^--format"
  words=(backup-request schema); CURRENT=3; _backup_request | grep -- "^2:"
  words=(backup-request); CURRENT=2; _backup_request | grep -c "^manual:"' _ "$work/c.zsh" 2>&1)
expect zsh "$got" "create:Check a backup access request and write its support-case payload
--justification[Business justification]:value: 
--justification-file[Read the business justification from a file ('-' for stdin)]:file:_files
--format[human (text and a picture) or json]:value:(human json)
2:argument:(payload draft report ledger)
0"

[ "$failed" = 0 ] && echo "bash, fish and zsh: scripts load and complete commands, flags and values"
exit "$failed"
