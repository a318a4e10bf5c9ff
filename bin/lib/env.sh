# Sourced by bin/* and .ci/run: finds a JDK 21+ and provides the pinned Python tools in build/venv.
# Everything here is installed by the project itself, so a fresh machine needs only JDK 21+, Maven and Python 3.

NEWSALERTS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NEWSALERTS_BUILD="$NEWSALERTS_ROOT/build"

# Pinned Python tools, one virtualenv each under build/ (their dependency pins conflict with one another).
# moto serves SNS, SQS, S3 and SSM when there is no Docker engine (and DynamoDB where dynoxide, below, cannot).
declare -A NEWSALERTS_PY_TOOLS=(
  [moto]="moto[server]==5.2.5"
  [sam]="aws-sam-cli==1.170.0 cfn-lint==1.58.0"
  [checkov]="checkov==3.3.30"
)

die() { echo "error: $*" >&2; exit 1; }

# The Lambda Runtime Interface Emulator (runs each function.jar as Lambda does, without Docker), built from the Go
# module proxy into build/bin. Its repository's tags are not semantic versions, so the proxy knows it only by
# pseudo-version: this one is the commit of 2026-10-30 (`go list -m -json github.com/aws/aws-lambda-runtime-interface-emulator@latest`).
NEWSALERTS_RIE_MODULE="github.com/aws/aws-lambda-runtime-interface-emulator"
NEWSALERTS_RIE_VERSION="v0.0.0-20261030222936-bef5c4ba774d"

java_major() { # prints the major version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

# Sets JAVA_HOME to a JDK 21 or newer: JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm, else java on PATH.
require_java() {
  local candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in $(ls -d /usr/lib/jvm/*/ /opt/java/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ 2>/dev/null | sort -rV); do
    candidates+=("${c%/}")
  done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    v="$(java_major "$c/bin/java")"
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then
      export JAVA_HOME="$c"
      export PATH="$JAVA_HOME/bin:$PATH"
      # Maven 3.8's bundled Guava trips JDK 24+'s sun.misc.Unsafe warning on every run; allow it quietly.
      if [ "$v" -ge 24 ]; then
        case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
      fi
      return 0
    fi
  done
  die "no JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm and java on PATH). Install one (e.g. Temurin 21) and set JAVA_HOME."
}

require_maven() {
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is not on PATH: install Maven 3.8 or newer."
}

# require_venv NAME: creates build/venv-NAME with NAME's pinned tools the first time (and when the pins change),
# and prints nothing; its programs are then in "$(venv_bin NAME)".
require_venv() {
  local name="$1" pins venv stamp
  pins="${NEWSALERTS_PY_TOOLS[$name]:-}"
  [ -n "$pins" ] || die "unknown tool set '$name' (known: ${!NEWSALERTS_PY_TOOLS[*]})"
  command -v python3 >/dev/null 2>&1 || die "python3 is not on PATH: install Python 3.9 or newer."
  venv="$NEWSALERTS_BUILD/venv-$name"
  stamp="$venv/.pins"
  if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$pins" ]; then
    return 0
  fi
  echo "Installing $pins into build/venv-$name (first run only) ..." >&2
  mkdir -p "$NEWSALERTS_BUILD"
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv" || die "could not create a virtualenv (python3 -m venv)"
  # shellcheck disable=SC2086 # pins is a list of requirement specifiers
  "$venv/bin/pip" install -q --disable-pip-version-check $pins >&2 || die "pip could not install: $pins"
  printf '%s' "$pins" > "$stamp"
}

venv_bin() {
  echo "$NEWSALERTS_BUILD/venv-$1/bin"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Starts moto server on a free loopback port; sets MOTO_PID and MOTO_ENDPOINT. Caller stops it with stop_moto.
start_moto() {
  require_venv moto
  local port log
  port="$(free_port)"
  log="$NEWSALERTS_BUILD/moto-$port.log"
  # Our launcher (bin/lib/moto_server.py): moto with DynamoDB requests serialised, since DynamoDB applies each
  # conditional write atomically and moto's threaded server does not.
  "$(venv_bin moto)/python" "$NEWSALERTS_ROOT/bin/lib/moto_server.py" -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
  MOTO_PID=$!
  MOTO_ENDPOINT="http://127.0.0.1:$port"
  wait_for "moto server on $MOTO_ENDPOINT" "$MOTO_PID" "$log" curl -s -o /dev/null "$MOTO_ENDPOINT/moto-api/"
}

# wait_for WHAT PID LOG COMMAND...: returns once COMMAND succeeds; dies if the process PID ends or 10 s pass.
wait_for() {
  local what="$1" pid="$2" log="$3"
  shift 3
  for _ in $(seq 1 100); do
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || die "$what exited at start; see $log"
    sleep 0.1
  done
  die "$what did not answer within 10 s; see $log"
}

stop_moto() {
  if [ -n "${MOTO_PID:-}" ]; then
    kill "$MOTO_PID" 2>/dev/null || true
    wait "$MOTO_PID" 2>/dev/null || true # its exit status is the signal's, not a failure of ours
  fi
  MOTO_PID=""
}

# DynamoDB locally: dynoxide (https://github.com/nubo-db/dynoxide, MIT OR Apache-2.0), a DynamoDB emulator in Rust
# on SQLite, with Streams and transactions: one static binary from the npm registry, checked against its SHA-256.
# About 30x cheaper per request than moto's DynamoDB, which is what lets the end-to-end benchmark measure our code.
# Where no pinned binary exists for the platform (or NEWSALERTS_DYNAMODB=moto), moto serves DynamoDB too.
NEWSALERTS_DYNOXIDE_VERSION="1.2.1"
declare -A NEWSALERTS_DYNOXIDE_SHA256=(
  [linux-x64]="80e1ed33e33ec33c7bdcb1779ea09678e5c6f87c5c225f44c2037d2b2ea71164"
)

dynoxide_platform() {
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) return 1 ;; esac
  case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) return 1 ;; esac
  echo "$os-$arch"
}

# require_dynoxide: installs the pinned dynoxide into build/bin the first time and exports NEWSALERTS_DYNOXIDE;
# returns 1 (after saying why) when this platform has no pinned binary or it cannot be fetched.
require_dynoxide() {
  local platform sha bin tmp
  platform="$(dynoxide_platform)" || { echo "dynoxide: no pinned binary for $(uname -s)/$(uname -m)" >&2; return 1; }
  sha="${NEWSALERTS_DYNOXIDE_SHA256[$platform]:-}"
  [ -n "$sha" ] || { echo "dynoxide: no pinned binary for $platform" >&2; return 1; }
  bin="$NEWSALERTS_BUILD/bin/dynoxide-$NEWSALERTS_DYNOXIDE_VERSION"
  if [ ! -x "$bin" ]; then
    echo "Installing dynoxide $NEWSALERTS_DYNOXIDE_VERSION ($platform) into build/bin (first run only) ..." >&2
    mkdir -p "$NEWSALERTS_BUILD/bin"
    tmp="$(mktemp -d)"
    if ! curl -fsSL -o "$tmp/d.tgz" "https://registry.npmjs.org/@dynoxide/$platform/-/$platform-$NEWSALERTS_DYNOXIDE_VERSION.tgz"; then
      rm -rf "$tmp"; echo "dynoxide: download from registry.npmjs.org failed" >&2; return 1
    fi
    if [ "$(sha256sum "$tmp/d.tgz" | cut -d' ' -f1)" != "$sha" ]; then
      rm -rf "$tmp"; die "dynoxide download does not match its pinned SHA-256 (bin/lib/env.sh)"
    fi
    tar -xzf "$tmp/d.tgz" -C "$tmp" package/dynoxide && install -m 0755 "$tmp/package/dynoxide" "$bin"
    rm -rf "$tmp"
  fi
  export NEWSALERTS_DYNOXIDE="$bin"
}

# start_dynamodb: a DynamoDB (with Streams) on a free loopback port; sets DYNAMODB_ENDPOINT (and DYNOXIDE_PID).
# moto's (started here if it is not yet) when dynoxide is unavailable or NEWSALERTS_DYNAMODB=moto.
start_dynamodb() {
  local port log
  if [ "${NEWSALERTS_DYNAMODB:-dynoxide}" = moto ] || ! require_dynoxide; then
    [ -n "${MOTO_ENDPOINT:-}" ] || start_moto
    echo "DynamoDB: moto's ($MOTO_ENDPOINT)" >&2
    DYNAMODB_ENDPOINT="$MOTO_ENDPOINT"
    return 0
  fi
  port="$(free_port)"
  log="$NEWSALERTS_BUILD/dynoxide-$port.log"
  "$NEWSALERTS_DYNOXIDE" serve --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
  DYNOXIDE_PID=$!
  DYNAMODB_ENDPOINT="http://127.0.0.1:$port"
  wait_for "dynoxide on $DYNAMODB_ENDPOINT" "$DYNOXIDE_PID" "$log" "$NEWSALERTS_DYNOXIDE" healthcheck --port "$port" --timeout 1
}

stop_dynamodb() {
  if [ -n "${DYNOXIDE_PID:-}" ]; then
    kill "$DYNOXIDE_PID" 2>/dev/null || true
    wait "$DYNOXIDE_PID" 2>/dev/null || true
  fi
  DYNOXIDE_PID=""
}

# start_emulators: moto (SNS, SQS, S3, SSM) and a DynamoDB, exported the standard way: AWS_ENDPOINT_URL for all, and
# AWS_ENDPOINT_URL_DYNAMODB / _DYNAMODB_STREAMS for DynamoDB, which the SDK, the functions and the tests all honour.
# Callers: trap stop_emulators EXIT.
start_emulators() {
  start_moto
  start_dynamodb
  export AWS_ENDPOINT_URL="$MOTO_ENDPOINT"
  export AWS_ENDPOINT_URL_DYNAMODB="$DYNAMODB_ENDPOINT" AWS_ENDPOINT_URL_DYNAMODB_STREAMS="$DYNAMODB_ENDPOINT"
}

stop_emulators() {
  stop_dynamodb
  stop_moto
}

docker_engine_available() {
  command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1
}

# require_rie: installs the pinned aws-lambda-rie into build/bin the first time (needs Go), and exports
# NEWSALERTS_RIE with its path (the smoke tests and bench/run read it).
require_rie() {
  local bin="$NEWSALERTS_BUILD/bin" stamp="$NEWSALERTS_BUILD/bin/.rie-version"
  if [ ! -x "$bin/aws-lambda-rie" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$NEWSALERTS_RIE_VERSION" ]; then
    command -v go >/dev/null 2>&1 || die "Go is not on PATH: it builds the Lambda Runtime Interface Emulator (go install $NEWSALERTS_RIE_MODULE/cmd/aws-lambda-rie@$NEWSALERTS_RIE_VERSION)."
    echo "Installing aws-lambda-rie $NEWSALERTS_RIE_VERSION into build/bin (first run only) ..." >&2
    mkdir -p "$bin"
    GOBIN="$bin" GOFLAGS=-buildvcs=false go install "$NEWSALERTS_RIE_MODULE/cmd/aws-lambda-rie@$NEWSALERTS_RIE_VERSION" >&2 \
      || die "go install of aws-lambda-rie failed"
    printf '%s' "$NEWSALERTS_RIE_VERSION" > "$stamp"
  fi
  export NEWSALERTS_RIE="$bin/aws-lambda-rie"
}
