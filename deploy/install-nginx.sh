#!/usr/bin/env bash
# nginx for `make serve-team`: Debian's package, installed when missing and run as root
# (as .ci/run installs Chromium); otherwise say what to run. The system's nginx service is
# never started: the team runs its own nginx from .run/team/.
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "nginx is not installed; run: sudo apt-get install nginx   (then make serve-team again)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# policy-rc.d keeps the package from starting the system service it ships.
printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d.team && chmod +x /usr/sbin/policy-rc.d.team
if [ ! -e /usr/sbin/policy-rc.d ]; then
  mv /usr/sbin/policy-rc.d.team /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
else
  rm -f /usr/sbin/policy-rc.d.team
fi
apt-get install -y -qq nginx >/dev/null
