#!/usr/bin/env bash
# Installs the Debian packages the tests use when they are missing: decoders that prove the sandbox's audio is
# real (flac, sox, ffmpeg's ffprobe) and Chromium for the React browser tests. Needs root (CI runs as root);
# a no-op when everything is there.
set -euo pipefail
missing=()
command -v flac >/dev/null || missing+=(flac)
command -v sox >/dev/null || missing+=(sox)
command -v ffprobe >/dev/null || missing+=(ffmpeg)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  apt_opts=(-o DPkg::Lock::Timeout=600 -qq)
  apt-get "${apt_opts[@]}" update
  DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null
fi
