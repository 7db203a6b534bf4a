#!/usr/bin/env bash
# GNU date as an outside oracle for the natural time forms (issue 25): at fixed clocks (faketime), every form
# GNU date also accepts with the same meaning must read as the same instant; and the forms where GNU date's
# answer is wrong for a restore point (a future weekday, "next", a weekday beside a date, month arithmetic, a
# bare time still ahead) must be refused by backup-request, or read differently on purpose.
#   time_oracle.sh BINARY          skipped (exit 77) when faketime or GNU date is missing
set -u
BR=$1
if ! command -v faketime >/dev/null || ! date --version 2>/dev/null | grep -q 'GNU coreutils'; then
  echo "time_oracle: faketime or GNU date is missing (apt-get install faketime coreutils): skipped"
  exit 77
fi
failed=0

gnu() { # NOW FORM: GNU date's reading in UTC, or "invalid"
  # -f: the clock stands still at NOW (without it faketime starts the clock there, and a slow start reads a
  # second later)
  TZ=UTC faketime -f "$1" date -u -d "$2" +%FT%TZ 2>/dev/null || echo invalid
}
ours() { # NOW FORM: backup-request's reading (its wall times in UTC), or "refused"
  local now=${1/ /T}Z
  "$BR" window --now "$now" --timezone UTC --at "$2" --format json 2>/dev/null | jq -r '.point_in_time.time' 2>/dev/null |
    tr -d '\r' | grep . || echo refused
}

agree() { # NOW FORM...
  local now=$1; shift
  for form in "$@"; do
    local expected actual
    expected=$(gnu "$now" "$form")
    actual=$(ours "$now" "$form")
    if [ "$expected" = invalid ] || [ "$expected" != "$actual" ]; then
      echo "FAILED at $now: '$form': GNU date $expected, backup-request $actual"
      failed=1
    fi
  done
}

# GNU date's answer is wrong for a restore point: backup-request says WANTED (an instant, or "refused").
differ() { # NOW FORM WANTED
  local expected actual
  expected=$(gnu "$1" "$2")
  actual=$(ours "$1" "$2")
  if [ "$actual" != "$3" ] || [ "$actual" = "$expected" ]; then
    echo "FAILED at $1: '$2': backup-request $actual (wanted $3), GNU date $expected"
    failed=1
  fi
}

# Monday 2026-12-07 10:15
agree "2026-12-07 10:15:00" "yesterday 14:30" "14:30 yesterday" "yesterday 2:30pm" "yesterday 14:30:15" \
  "today 09:00" "today 9am" "09:00" "2 hours ago" "90 minutes ago" "30 seconds ago" "1 day ago" "2 weeks ago" \
  "1 week ago" "last friday 9am" "last monday 09:00" "last sunday 14:30" "Nov 20 14:30" "November 20 14:30" \
  "Nov 20 2:30pm" "December 6 14:30" "yesterday 14:30 +01:00" "yesterday 14:30 UTC" "2026-12-06 14:30"
# Sunday 2026-12-06 22:00, and New Year's Day 2027 00:30 (a Friday)
agree "2026-12-06 22:00:00" "yesterday 23:59" "today 21:00" "last saturday 08:00" "Dec 1 12:00" "3 days ago"
agree "2027-01-01 00:30:00" "yesterday 23:00" "00:15" "last thursday 10:00" "6 hours ago"
# 1 March 2028, after a 29 February
agree "2028-03-01 12:00:00" "yesterday 10:00" "Feb 29 10:00" "Feb 28 10:00"

# Where GNU date reads ahead or guesses, on purpose:
differ "2026-12-07 10:15:00" "friday 9am" 2026-12-04T09:00:00Z   # GNU: the coming Friday, Dec 11
differ "2026-12-07 10:15:00" "fri 09:00" 2026-12-04T09:00:00Z
differ "2026-12-07 10:15:00" "sunday 14:30" 2026-12-06T14:30:00Z
differ "2026-12-07 10:15:00" "next friday 9am" refused
differ "2026-12-07 10:15:00" "this friday 9am" refused
differ "2026-12-07 10:15:00" "Sat 2026-11-20 14:30" refused        # GNU ignores the weekday
differ "2026-12-07 10:15:00" "2025-03-31 -1 month" refused         # GNU: 3 March
differ "2026-12-07 10:15:00" "14:30" refused                       # GNU: later today
differ "2027-01-01 00:30:00" "Dec 31 23:59 -1 year" refused
differ "2027-01-01 00:30:00" "Jan 1 00:45" 2026-01-01T00:45:00Z    # GNU: 15 minutes ahead
differ "2027-01-01 00:30:00" "Dec 31 23:00" 2026-12-31T23:00:00Z  # GNU: the end of 2027

if [ "$failed" = 0 ]; then
  echo "time_oracle: every form GNU date shares reads the same; every form it gets wrong is refused or read on purpose"
fi
exit "$failed"
