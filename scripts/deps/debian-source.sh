# Sourced by scripts/build-deps.sh and scripts/build-libpq.sh: Debian's packages installed when missing, and
# Debian's source packages fetched from the archive the machine already uses (apt checks their hashes).
apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "${0##*/}: missing packages: ${missing[*]}; run as root, or install them with apt-get" >&2
    exit 1
  fi
  echo "${0##*/}: installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 || {
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  }
}

# Source packages come from the same archive as the binary ones: a deb-src twin of each deb822 "deb" entry.
ensure_sources() {
  if compgen -G '/var/lib/apt/lists/*_Sources' >/dev/null; then
    return 0
  fi
  local list=/etc/apt/sources.list.d/backup-request-deb-src.sources
  if [ ! -f "$list" ]; then
    awk 'BEGIN { RS = ""; ORS = "\n\n" }
         /(^|\n)Types:[^\n]*deb/ && !/deb-src/ { s = $0; gsub(/(^|\n)#[^\n]*/, "", s); sub(/Types:[^\n]*/, "Types: deb-src", s); print s }' \
      /etc/apt/sources.list.d/*.sources 2>/dev/null >"$list" || true
    if [ -f /etc/apt/sources.list ]; then
      sed -n 's/^deb \(.*\)$/deb-src \1/p' /etc/apt/sources.list >/etc/apt/sources.list.d/backup-request-deb-src.list
    fi
  fi
  apt-get update -q >&2
}

sources=$PWD/.cache/sources
mkdir -p "$sources"
fetch_source() { # NAME VERSION FOLDER: the unpacked source package
  local name=$1 version=$2 folder=$3
  if [ ! -d "$sources/$folder" ]; then
    (cd "$sources" && apt-get source -q --download-only "$name=$version" >&2 &&
       dpkg-source -q -x "${name}_${version#*:}.dsc" "$folder" >&2)
  fi
}
