#!/usr/bin/env bash
# One command for the whole benchmark of issue 8: builds, generates the ledgers (fixed seed), runs the
# server with -Xmx64m beside its floors (the sqlite3 shell on the same rows, a bare Javalin server),
# measures with wrk, hyperfine, curl and /proc, and writes bench/REPORT.md.
#
#   bench/run.sh                       # sizes 10000 100000 1000000
#   SIZES="10000 100000" bench/run.sh  # fewer sizes
#   IMPORT_SIZES="10000 100000"        # ledgers imported through the API (default: 10000 100000)
#   WRK_SECONDS=10 WARM_SECONDS=20 PORT=18300   # defaults (each wrk measure follows a warm-up of the same load)
#   SKIP_BUILD=1 MVN_OFFLINE=1         # reuse bootstrap/target/powledger.jar; build offline
#   SKIP_JMH=1                         # skip the JMH benchmarks of the pure statistics (bench/jmh)
# Datasette is not run (not installed here); the report says so.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
WORK=${WORK:-"$BENCH/work"}
SIZES=${SIZES:-"10000 100000 1000000"}
IMPORT_SIZES=${IMPORT_SIZES:-"10000 100000"}
WRK_SECONDS=${WRK_SECONDS:-10}
# Each throughput figure is measured after the same load has run this long: the JIT compiles the route
# first (measured cold, a third of the CPU goes to the compiler threads and writes halve).
WARM_SECONDS=${WARM_SECONDS:-20}
PORT=${PORT:-18300}
FLOOR_PORT=$((PORT + 1))
JVM_FLAGS=${JVM_FLAGS:-"-Xmx64m -XX:+UseSerialGC"}
JAR="$ROOT/bootstrap/target/powledger.jar"
REPORT="$BENCH/REPORT.md"
SERVER_PID=""

mkdir -p "$WORK"
log() { printf '[bench] %s\n' "$*" >&2; }

need() {
  local missing=()
  for tool in wrk hyperfine sqlite3 curl python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get update -qq && apt-get install -y -qq wrk hyperfine sqlite3 curl python3 >/dev/null
  fi
}

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT

now_ms() { date +%s%3N; }

# Starts a command in the background and waits for GET $1/health; sets SERVER_PID and STARTUP_MS.
STARTUP_MS=0
start_and_wait() {
  local url=$1; shift
  local t0; t0=$(now_ms)
  "$@" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  until curl -sf -o /dev/null "$url/health"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.02
  done
  STARTUP_MS=$(( $(now_ms) - t0 ))
}

rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

serve() { # db file
  start_and_wait "http://127.0.0.1:$PORT" java $JVM_FLAGS -jar "$JAR" serve --db "$1" --port "$PORT"
}

# the first admin token, which serve prints when it creates a new ledger
first_token() { grep -o -m1 'pow_[A-Za-z0-9_-]*' "$WORK/server.log"; }

# wrk: "requests/s p99_ms non2xx" for a URL (extra wrk arguments after it), after a warm-up of the same load
wrk_run() {
  local url=$1; shift
  wrk -d"${WARM_SECONDS}s" "$@" "$url" >/dev/null
  local out; out=$(wrk -d"${WRK_SECONDS}s" --latency "$@" "$url")
  local rps; rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  local p99; p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
  local non2xx; non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "$rps ${p99:-?} ${non2xx:-0}"
}

ms_of() { # runs a command, prints its wall milliseconds
  local t0; t0=$(now_ms); "$@" >/dev/null; echo $(( $(now_ms) - t0 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.2f}' if b else 'n/a')" "$1" "$2"; }

ROWS=()
row() { ROWS+=("| $1 | $2 | $3 | $4 | $5 | $6 |"); }
pass() { python3 -c "import sys; print('pass' if eval(sys.argv[1]) else '**FAIL**')" "$1"; }

# ---- build ---------------------------------------------------------------------------------------
need
if [[ -z "${SKIP_BUILD:-}" || ! -f "$JAR" ]]; then
  log "building"
  (cd "$ROOT" && mvn -B -q ${MVN_OFFLINE:+-o} -pl bootstrap -am package -DskipTests)
fi
mkdir -p "$WORK/floor"
javac -d "$WORK/floor" -cp "$JAR" "$BENCH/floor/BareJavalin.java"

# ---- JMH: the pure statistics computation (bench/jmh, built only with -Pbench) -----------------------
JMH_ROWS=()
if [[ -z "${SKIP_JMH:-}" ]]; then
  log "JMH"
  (cd "$ROOT" && mvn -B -q ${MVN_OFFLINE:+-o} -Pbench -pl bench/jmh -am package -DskipTests)
  java -jar "$BENCH/jmh/target/benchmarks.jar" -wi 2 -i 3 -w 2 -r 2 -rf json -rff "$WORK/jmh.json" >"$WORK/jmh.log" 2>&1
  mapfile -t JMH_ROWS < <(python3 - "$WORK/jmh.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1])):
    m = r["primaryMetric"]
    print(f"| {r['benchmark'].rsplit('.', 1)[1]} | {r['params']['exchanges']} | {m['score']:.2f} ± {m['scoreError']:.2f} {m['scoreUnit']} |")
PY
)
fi

# ---- ledgers -------------------------------------------------------------------------------------
for n in $SIZES $IMPORT_SIZES; do
  [[ -f "$WORK/ledger-$n.ndjson" ]] || { log "generating $n exchanges"; python3 "$BENCH/generate.py" "$n" "$WORK"; }
done

# ---- start-up and idle footprint: bare Javalin vs POW Ledger ---------------------------------------
log "start-up"
FLOOR_START=(); LEDGER_START=(); FLOOR_IDLE=(); LEDGER_IDLE=()
for i in 1 2 3; do
  start_and_wait "http://127.0.0.1:$FLOOR_PORT" java $JVM_FLAGS -cp "$JAR:$WORK/floor" BareJavalin "$FLOOR_PORT"
  FLOOR_START+=("$STARTUP_MS")
  sleep 1; FLOOR_IDLE+=("$(rss_mib "$SERVER_PID")"); stop_server
  rm -f "$WORK/startup.db"*   # a new ledger each time: serve creates it, migrates it and makes its first token
  serve "$WORK/startup.db"; LEDGER_START+=("$STARTUP_MS")
  sleep 1; LEDGER_IDLE+=("$(rss_mib "$SERVER_PID")"); stop_server
done
fs=$(printf '%s\n' "${FLOOR_START[@]}" | median); ls_=$(printf '%s\n' "${LEDGER_START[@]}" | median)
fi_=$(printf '%s\n' "${FLOOR_IDLE[@]}" | median); li=$(printf '%s\n' "${LEDGER_IDLE[@]}" | median)
row "start-up to a healthy /health (median of 3)" "${ls_} ms" "bare Javalin ${fs} ms" "$(ratio "$ls_" "$fs")" "≤ 1.5×" "$(pass "$ls_ <= 1.5 * $fs")"
row "idle resident memory" "${li} MiB" "bare Javalin ${fi_} MiB" "$(ratio "$li" "$fi_")" "≤ 1.3×" "$(pass "$li <= 1.3 * $fi_")"

# ---- import through the API vs the sqlite3 shell's .import ------------------------------------------
for n in $IMPORT_SIZES; do
  log "import $n"
  cp "$WORK/exchanges-$n.csv" "$WORK/exchanges.csv"; cp "$WORK/lines-$n.csv" "$WORK/lines.csv"
  floor=$(cd "$WORK" && for i in 1 2 3; do rm -f floor.db; ms_of sqlite3 floor.db \
      "CREATE TABLE x (id, sequence, ref, date, kind, operation, returned, handed_over, civilians, notes, version, created_at, updated_at);" \
      "CREATE TABLE l (exchange_id, position, unit_id, cohort_id, count);" ".mode csv" ".import exchanges.csv x" ".import lines.csv l"; done | median)
  # the same ledger with a last line that is refused: the whole import runs and is rolled back (all or nothing)
  { cat "$WORK/ledger-$n.ndjson"; echo '{"type": "exchange", "id": "ex_refused", "date": "not a date", "kind": "prisoners", "returned": 1}'; } > "$WORK/refused.ndjson"
  for warm in cold warm; do
    rm -f "$WORK/import.db"*; serve "$WORK/import.db"; tok=$(first_token)
    what="import $n exchanges (NDJSON, one request) into a new server"
    if [[ $warm == warm ]]; then
      # JIT warm-up: the same import refused at its last line first; it leaves nothing behind
      code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/api/v1/import" -H "Authorization: Bearer $tok" \
          -H 'Content-Type: application/x-ndjson' --data-binary @"$WORK/refused.ndjson")
      [[ $code == 422 ]] || log "the refused import answered $code, not 422"
      what="import $n exchanges after the same import refused at its last line (JIT warm)"
    fi
    t0=$(now_ms)
    answer=$(curl -s -X POST "http://127.0.0.1:$PORT/api/v1/import" -H "Authorization: Bearer $tok" \
        -H 'Content-Type: application/x-ndjson' --data-binary @"$WORK/ledger-$n.ndjson")
    took=$(( $(now_ms) - t0 ))
    rss=$(rss_mib "$SERVER_PID"); stop_server
    log "import answered $answer"
    ok=$(grep -c "\"created\":$((n + 204))" <<<"$answer" || true)
    row "$what" "${took} ms ($(( n * 1000 / (took + 1) ))/s), RSS ${rss} MiB" "sqlite3 .import ${floor} ms" "$(ratio "$took" "$floor")" "≤ 10×, all created" "$( [[ $ok == 1 ]] && pass "$took <= 10 * $floor" || echo '**FAIL** (answer: '"$answer"')')"
  done
done

# ---- statistics at each size ----------------------------------------------------------------------
for n in $SIZES; do
  log "statistics at $n"
  db="$WORK/stats-$n.db"
  if [[ ! -f "$db" ]]; then
    serve "$db"; tok=$(first_token)
    head -n 204 "$WORK/ledger-$n.ndjson" | curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/import" \
        -H "Authorization: Bearer $tok" -H 'Content-Type: application/x-ndjson' --data-binary @- >/dev/null
    stop_server
    cp "$WORK/exchanges-$n.csv" "$WORK/exchanges.csv"; cp "$WORK/lines-$n.csv" "$WORK/lines.csv"
    (cd "$WORK" && sqlite3 "$db" < "$BENCH/load.sql")
    echo "$tok" > "$db.token"
  fi
  tok=$(cat "$db.token")
  floor=$(cd "$WORK" && for i in 1 2 3; do ms_of sqlite3 "$db" "SELECT substr(date,1,4), count(*), sum(returned) FROM exchange GROUP BY 1"; done | median)
  serve "$db"
  base="http://127.0.0.1:$PORT/api/v1"
  # every statistic answers (200, a body) at this size
  failed=""
  for path in stats/summary stats/yearly stats/periods stats/units stats/cohorts/azovstal "stats/first-returns?limit=100" stats/first-returns stats/reconciliation; do
    code=$(curl -s -o "$WORK/answer" -w '%{http_code}' "$base/$path")
    [[ $code == 200 && -s "$WORK/answer" ]] || failed+=" $path:$code"
  done
  people=$(curl -s "$base/stats/summary" | python3 -c "import json,sys; s=json.load(sys.stdin); print(s['peopleReturned'] + s['bodiesReturned'])")
  expected=$(sqlite3 "$db" "SELECT sum(returned) FROM exchange")
  [[ "$people" == "$expected" ]] || failed+=" summary:$people≠$expected"
  row "every statistic answers at $n exchanges (-Xmx64m)" "${failed:-all 200; people+bodies = SUM(returned) = $expected}" "" "" "all correct" "$( [[ -z $failed ]] && echo pass || echo '**FAIL**')"
  # first read after a write: a warm-up of the same steps (at most 20 of them, or 30 s) so that the JIT has
  # compiled the read path, then the median of 5
  write_then_read() {
    curl -sf -X POST "$base/exchanges" -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
        -d "{\"date\":\"2019-0$1-1$1\",\"kind\":\"prisoners\",\"returned\":$1}" >/dev/null
    ms_of curl -sf "$base/stats/yearly"
  }
  warm_until=$(( $(now_ms) + 30000 ))
  for i in $(seq 20); do (( $(now_ms) < warm_until )) || break; write_then_read $(( i % 9 + 1 )) >/dev/null; done
  firsts=()
  for i in 1 2 3 4 5; do firsts+=("$(write_then_read "$i")"); done
  first=$(printf '%s\n' "${firsts[@]}" | median)
  row "first /stats/yearly after a write, $n exchanges (median of 5, after a warm-up)" "${first} ms" "sqlite3 GROUP BY ${floor} ms" "$(ratio "$first" "$floor")" "≤ 3×" "$(pass "$first <= 3 * $floor")"
  if [[ $n == 100000 || $SIZES == "$n" ]]; then
    curl -sf "$base/stats/units" >/dev/null
    read -r hr hp _ <<<"$(wrk_run "http://127.0.0.1:$PORT/health" -t2 -c32)"
    for stat in yearly units; do
      read -r sr sp bad <<<"$(wrk_run "$base/stats/$stat" -t2 -c32)"
      row "warm /stats/$stat, $n exchanges, wrk -t2 -c32 ${WRK_SECONDS}s" "${sr} req/s, p99 ${sp} ms" "/health ${hr} req/s (p99 ${hp} ms)" "$(ratio "$sr" "$hr")" "≥ 0.7×, p99 < 20 ms" "$(pass "$sr >= 0.7 * $hr and $sp < 20 and $bad == 0")"
    done
    row "warm statistics vs Datasette" "" "Datasette not installed: skipped" "" "≥ 50×" "not measured"
    # durable writes from 8 clients
    cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $tok"
wrk.body = '{"date":"2020-05-05","kind":"prisoners","returned":3}'
LUA
    read -r wr wp bad <<<"$(wrk_run "$base/exchanges" -t2 -c8 -s "$WORK/post.lua")"
    refused=$([[ $bad == 0 ]] || echo ", $bad non-2xx")
    row "durable POST /exchanges, 8 clients, $n exchanges" "${wr} /s, p99 ${wp} ms${refused}" "" "" "≥ 1500/s" "$(pass "$wr >= 1500 and $bad == 0")"
  fi
  rss=$(rss_mib "$SERVER_PID")
  limit=$([[ $n -ge 1000000 ]] && echo 256 || echo 200)
  row "resident memory after the benchmark, $n exchanges" "${rss} MiB" "" "" "≤ ${limit} MiB" "$(pass "$rss <= $limit")"
  stop_server
done

# ---- report -------------------------------------------------------------------------------------
{
  echo "# Benchmark report"
  echo
  echo "Written by \`bench/run.sh\` on $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg),"
  echo "$(java -version 2>&1 | sed -n 1p), server flags \`$JVM_FLAGS\`, sizes: $SIZES, imports: $IMPORT_SIZES."
  echo "Ledgers: bench/generate.py (fixed seed), exchanges dated 2014–2025, up to 5 breakdown lines over 200 units."
  echo "Statistics ledgers are loaded with the sqlite3 shell (bench/load.sql) into a file the server migrated; imports go"
  echo "through \`POST /api/v1/import\`. Datasette is not installed here and is skipped."
  echo
  echo "| what | POW Ledger | floor / peer | ratio | target | result |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  if ((${#JMH_ROWS[@]})); then
    echo
    echo "JMH (bench/jmh, \`StatisticsBenchmark\`: the counting rules over a compact ledger in memory, no HTTP, no store;"
    echo "forked JVM \`-Xmx64m -XX:+UseSerialGC\`, 2 warm-up and 3 measured iterations of 2 s):"
    echo
    echo "| benchmark | exchanges | time per operation |"
    echo "|---|---|---|"
    printf '%s\n' "${JMH_ROWS[@]}"
  fi
} > "$REPORT"
log "wrote $REPORT"
cat "$REPORT"
