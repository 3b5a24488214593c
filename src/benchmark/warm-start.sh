#!/usr/bin/env bash
# Warm start of `./mvnw spring-boot:run` (issue 14; ADR 0048, ADR 0051): the wall time from the command to the first
# 200 on http://localhost:8080/, with a timeline of the start (Maven's steps, the application's JVM, its context's
# phases), for an existing .initiativ/ (database with demo data, node_modules, and the class data sharing archive
# of target/cds/ that a previous run wrote when it stopped: run the application once and stop it first).
#   src/benchmark/warm-start.sh [runs, default 3] [more arguments for Maven]
# Each run starts the README's command with Maven's timestamps on, polls / every 0.1 s, stops the run with SIGTERM
# (as Ctrl+C does) and waits until ports 8080 and 3307 are free again. Where allowed (root, or CAP_SYS_NICE), the
# command runs under real-time priority (`chrt -r 1`, inherited by Maven, the application and MariaDB), so that
# other work on a shared machine disturbs the figures less; otherwise it runs as it is, and the script says so.
# Prints one timeline per run (seconds from the command), the load average before each run, and at the end the
# median of the runs (docs/benchmarks.md, "Warm start"). Logs: target/warm-start/run-N.log.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=${1:-3}
shift || true
out=target/warm-start
mkdir -p "$out"
[ -d .initiativ/mariadb/data ] || { echo "no .initiativ/mariadb/data: run ./mvnw spring-boot:run once first" >&2; exit 2; }
if curl -s -o /dev/null http://localhost:8080/; then
  echo "something answers on port 8080 already: stop it first" >&2
  exit 2
fi

priority=()
if chrt -r 1 true 2>/dev/null; then
  priority=(chrt -r 1)
  echo "runs under chrt -r 1 (real-time priority)"
else
  echo "chrt -r 1 not allowed here: runs at normal priority"
fi

# seconds since midnight (UTC) of a time of day HH:MM:SS.fff
seconds() { awk -F: '{ printf "%.3f", $1 * 3600 + $2 * 60 + $3 }' <<< "$1"; }

# the first line of the log matching a pattern, as seconds from the command; Maven's lines start with HH:MM:SS.fff,
# the application's with an ISO date and time
at() {
  local line time
  line=$(grep -m1 -E -e "$1" "$log" || true)
  [ -n "$line" ] || { echo "-"; return; }
  if [[ $line =~ ^([0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]+) ]]; then
    time=${BASH_REMATCH[1]}
  elif [[ $line =~ T([0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]+) ]]; then
    time=${BASH_REMATCH[1]}
  else
    echo "?"
    return
  fi
  awk -v a="$(seconds "$time")" -v b="$start" 'BEGIN { printf "%.1f", a - b }'
}

totals=()
for run in $(seq 1 "$runs"); do
  log=$out/run-$run.log
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(seconds "$(date -u +%H:%M:%S.%N)")
  setsid "${priority[@]}" ./mvnw -o spring-boot:run -Dorg.slf4j.simpleLogger.showDateTime=true \
    -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS "$@" > "$log" 2>&1 &
  maven=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:8080/)" = "200" ]; do
    if ! kill -0 "$maven" 2>/dev/null; then
      echo "run $run: the application stopped before answering, see $log" >&2
      exit 1
    fi
    sleep 0.1
  done
  end=$(seconds "$(date -u +%H:%M:%S.%N)")
  total=$(awk -v a="$end" -v b="$start" 'BEGIN { printf "%.1f", a - b }')
  totals+=("$total")
  echo "run $run (load average $load before; log $log)"
  printf '  %6s s  %s\n' \
    "$(at 'Scanning for projects')" "Maven reads the project" \
    "$(at '--- exec:.*\((prepare|bpmnlint)')" "node: npm, bpmnlint, dkfds (src/build/prepare.mjs)" \
    "$(at '--- compiler:.*:compile')" "compile (up-to-date check)" \
    "$(at '--- jar:.*\(run-classes\)')" "run jar (up-to-date check)" \
    "$(at '--- compiler:.*:testCompile')" "testCompile (up-to-date check)" \
    "$(at '--- spring-boot:.*:run')" "spring-boot:run starts the application's JVM" \
    "$(at 'Starting InitiativApplication')" "Spring's first line" \
    "$(at 'Embedded MariaDB ready')" "embedded MariaDB ready" \
    "$(at 'Bootstrapping Spring Data JPA')" "JPA repositories scanned" \
    "$(at 'Tomcat initialized')" "Tomcat initialized" \
    "$(at 'Successfully validated|Schema .* is up to date')" "Flyway done" \
    "$(at 'Initialized JPA EntityManagerFactory')" "Hibernate done" \
    "$(at 'ENGINE-00001')" "Camunda process engine created" \
    "$(at 'ENGINE-14014')" "Camunda job executor starting" \
    "$(at 'Tomcat started on port')" "Tomcat started" \
    "$(at 'Started InitiativApplication')" "Spring: Started" \
    "$total" "first 200 on /"
  kill -TERM -- -"$maven" 2>/dev/null || true
  wait "$maven" 2>/dev/null || true
  while ss -ltn | grep -qE ':(8080|3307) '; do sleep 0.5; done
  sleep 2
done
median=$(printf '%s\n' "${totals[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo "first 200 on /: ${totals[*]} s; median $median s (load average now $(cut -d' ' -f1-3 /proc/loadavg))"
