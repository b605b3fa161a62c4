#!/usr/bin/env bash
# Regenerates validator-core/src/test/resources/botocore/<case>/expected.txt from the real AWS CLI.
#
# Needs: the AWS CLI v1 (`aws`, botocore-based; recorded with aws-cli 1.45.11 / botocore 1.43.11 on
# Python 3.11). The CLI runs with dummy credentials, no config files and no proxy, and is pointed at
# http://127.0.0.1:9, a closed port on loopback: it talks to nothing else. When botocore's parameter
# validation refuses the input, the problem lines (without the blank line and the
# "Parameter validation failed:" header) become expected.txt; when validation passes, the CLI fails to
# connect to the closed port and expected.txt is left empty.
#
# Usage: tools/botocore-parity/record.sh            # every case
#        tools/botocore-parity/record.sh CASE...    # only the named case folders
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cases="$root/validator-core/src/test/resources/botocore"
command -v aws >/dev/null || { echo "record.sh: the AWS CLI v1 (aws) is not on PATH" >&2; exit 2; }
case "$(aws --version 2>&1)" in
  aws-cli/1.*) ;;
  *) echo "record.sh: need the AWS CLI v1, found: $(aws --version 2>&1)" >&2; exit 2 ;;
esac

run_cli() { # $1 = input.json; stderr of the CLI on stdout
  env -u HTTP_PROXY -u HTTPS_PROXY -u http_proxy -u https_proxy -u ALL_PROXY -u all_proxy \
      -u AWS_PROFILE -u AWS_SESSION_TOKEN -u AWS_ENDPOINT_URL \
      NO_PROXY='*' no_proxy='*' LC_ALL=C.UTF-8 \
      AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=y AWS_MAX_ATTEMPTS=1 AWS_RETRY_MODE=standard \
      AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true \
      aws --region us-east-1 pinpoint put-events --cli-input-json "file://$1" \
          --endpoint-url http://127.0.0.1:9 --cli-connect-timeout 1 --cli-read-timeout 1 \
      2>&1 >/dev/null || true
}

if [ "$#" -gt 0 ]; then names=("$@"); else names=(); for d in "$cases"/*/; do names+=("$(basename "$d")"); done; fi

failed=0
for name in "${names[@]}"; do
  dir="$cases/$name"
  [ -f "$dir/input.json" ] || { echo "record.sh: no $dir/input.json" >&2; failed=1; continue; }
  out="$(run_cli "$dir/input.json"; echo x)"; out="${out%x}"   # keep trailing newlines
  if printf '%s' "$out" | LC_ALL=C grep -qx 'Parameter validation failed:'; then
    # everything after the first header line, byte for byte
    printf '%s' "$out" | LC_ALL=C awk 'found { print; next } $0 == "Parameter validation failed:" { found = 1 }' \
      > "$dir/expected.txt"
    echo "$name: $(LC_ALL=C grep -c '' "$dir/expected.txt") line(s)"
  elif printf '%s' "$out" | LC_ALL=C grep -q 'Could not connect to the endpoint URL: "http://127.0.0.1:9/'; then
    : > "$dir/expected.txt"
    echo "$name: passes validation"
  else
    echo "record.sh: $name: unexpected CLI output, expected.txt not written:" >&2
    printf '%s\n' "$out" >&2
    failed=1
  fi
done
exit "$failed"
