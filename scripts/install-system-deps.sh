#!/usr/bin/env bash
# Installs the Debian tools the tests use when they are missing: decoders that check the sandbox's audio is
# real (flac, sox, ffmpeg's ffprobe). Needs root (CI runs as root); a no-op when everything is there.
set -euo pipefail
missing=()
command -v flac >/dev/null || missing+=(flac)
command -v sox >/dev/null || missing+=(sox)
command -v ffprobe >/dev/null || missing+=(ffmpeg)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
