#!/usr/bin/env bash
# Benchmarks the release build of mlcheck against floors measured in the same run.
#   bash scripts/bench.sh            # full run: needs hyperfine and GNU time (/usr/bin/time)
#   bash scripts/bench.sh --quick    # CI smoke run: works without them, well under a minute
#
# Measures, on this machine, in one run:
#   - a full scripted quiz on the built-in bank (text and JSON), against `cat` of the
#     same answers file (target: quiz within 1.5x cat);
#   - `mlcheck check` on generated banks of 1,000, 3,000 and 10,000 questions
#     (scripts/gen-bank.py; target: t(10k)/t(1k) <= 12);
#   - peak memory (max RSS) of the quiz and of the 10,000-question check, next to cat's
#     (target: quiz under 4 MiB);
#   - the size of the release binary (target: at most 4 MiB with the server; 1.5 MiB was the quiz alone's);
#   - `mlcheck report` over 100,000 answers files against `find DIR -type f | xargs cat`
#     (target: within 2x), over 100,000 JSON Lines results against jq counting only the
#     verdicts (target: faster), and its peak memory at 10,000 and 100,000 results (target:
#     under 16 MiB, and at most 2 MiB more at 100,000); scripts/gen-answers.py makes the input;
#   - `mlcheck compare` of two folders of 100,000 answers files each (every one paired) against
#     `find BEFORE AFTER -type f | xargs cat` (target: within 2.5x), and its peak memory at
#     10,000 and 100,000 pairs, with the bytes each pair adds;
#   - `mlcheck serve DIR --listen 127.0.0.1:0`: 5,000 participants (1,000 in --quick) each
#     POSTing an answers file to /answers over 50 keep-alive connections (examples/serve_load.rs,
#     bounded in count and time, loopback only), in 3 rounds, each with a fresh server and DIR:
#     durable submissions a second (201s; DIR must then hold exactly as many whole files, which
#     `report` reads back), p50 and p99 latency, and the server's peak memory (VmHWM) (targets:
#     at least 500/s, p99 within 100 ms, at most 32 MiB); against the floor of the same number
#     of files made durable the way the server's writer does, without HTTP, and next to GET /
#     (a page, no disk). Every server started is stopped (SIGTERM, SIGKILL after 30 s), also
#     when the script fails or is interrupted.
# Compare ratios, not absolute times, between machines. Timings are taken in several
# rounds (each a hyperfine run of every command of a group); a ratio is reported over all
# runs and as its range over the rounds, which shows how much other load disturbed it.
# Targets are reported, not enforced: the script fails only when a command fails, a
# generated bank is invalid, or the server's folder doesn't hold exactly its 201s.
#
# Works from any directory; builds with `cargo build --release --locked`, so profile
# overrides apply (CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_TARGET_DIR=/tmp/o3 bash
# scripts/bench.sh measures an opt-level 3 build); generated files go to a temp dir that
# is removed on exit.
set -euo pipefail

usage() { sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; }

QUICK=0
for arg in "$@"; do
    case "$arg" in
        --quick) QUICK=1 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "bench.sh: unknown argument '$arg'" >&2; usage >&2; exit 2 ;;
    esac
done

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

# ---------------------------------------------------------------------------- tools

HYPERFINE=$(type -P hyperfine || true)
VALGRIND=$(type -P valgrind || true)
GNU_TIME=""
for candidate in /usr/bin/time "$(type -P gtime || true)"; do
    if [[ -n "$candidate" && -x "$candidate" ]] && "$candidate" -v true >/dev/null 2>&1; then
        GNU_TIME=$candidate
        break
    fi
done

if ! python3 -c 'import json' >/dev/null 2>&1; then
    echo "bench.sh: python3 is needed (scripts/gen-bank.py generates the banks)" >&2
    exit 1
fi
if ((!QUICK)); then
    missing=()
    [[ -n "$HYPERFINE" ]] \
        || missing+=("hyperfine (Debian/Ubuntu: sudo apt-get install hyperfine; elsewhere: cargo install --locked hyperfine)")
    [[ -n "$GNU_TIME" ]] || missing+=("GNU time as /usr/bin/time (Debian/Ubuntu: sudo apt-get install time)")
    if ((${#missing[@]})); then
        echo "bench.sh: the full benchmark needs:" >&2
        printf '  - %s\n' "${missing[@]}" >&2
        echo "Install them, or run 'bash scripts/bench.sh --quick' (it skips what they measure)." >&2
        exit 1
    fi
fi

# hyperfine -N (no shell) exists since 1.13; older versions subtract the shell's start-up.
HF_SHELL=()
HF_MODE=""
if [[ -n "$HYPERFINE" ]]; then
    if "$HYPERFINE" --help 2>/dev/null | grep -q -- '--shell=none'; then
        HF_SHELL=(-N)
        HF_MODE="-N, no shell"
    else
        HF_MODE="through a shell, start-up corrected by hyperfine"
    fi
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/mlcheck-bench.XXXXXX")
# The pid of the `mlcheck serve` running now, if any: it is stopped on every way out.
SERVE_PID=""
cleanup() {
    if [[ -n "$SERVE_PID" ]]; then stop_server || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------- build

echo "== build: cargo build --release --locked"
cargo build --release --locked --message-format=json-render-diagnostics >"$TMP/build.json"
# executable NAME KIND JSON: the path of the executable cargo reported building.
executable() {
    python3 - "$@" <<'EOF'
import json, sys
name, kind, path = sys.argv[1:4]
exe = ""
for line in open(path, encoding="utf-8"):
    try:
        msg = json.loads(line)
    except ValueError:
        continue
    t = msg.get("target") or {}
    if msg.get("reason") == "compiler-artifact" and t.get("name") == name and kind in t.get("kind", []):
        exe = msg.get("executable") or exe
print(exe)
EOF
}
BIN=$(executable mlcheck bin "$TMP/build.json")
if [[ -z "$BIN" || ! -x "$BIN" ]]; then
    BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/mlcheck"
fi
[[ -x "$BIN" ]] || { echo "bench.sh: no release binary at $BIN" >&2; exit 1; }

# The load generator for `mlcheck serve`: std only, but an example links the dev-dependencies,
# which `cargo test` has built in the dev profile already. `cargo rustc` optimizes the
# example alone, so the generator takes little of the CPUs it shares with the server.
echo "== build: examples/serve_load.rs (cargo rustc --example serve_load -- -C opt-level=3)"
cargo rustc --locked --example serve_load --message-format=json-render-diagnostics -- -C opt-level=3 \
    >"$TMP/load-build.json"
LOADGEN=$(executable serve_load example "$TMP/load-build.json")
[[ -n "$LOADGEN" && -x "$LOADGEN" ]] || { echo "bench.sh: cargo built no examples/serve_load" >&2; exit 1; }

# The benchmarked commands: English, whatever the caller's locale.
unset LC_ALL LC_MESSAGES LANG NO_COLOR

# ---------------------------------------------------------------------------- helpers

fail() { echo "bench.sh: $*" >&2; exit 1; }

# A command line for hyperfine, each word quoted (read the same with and without -N).
cmdline() { printf '%q ' "$@"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
# verdict VALUE LIMIT [strict]: "ok" when VALUE <= LIMIT (VALUE < LIMIT when strict).
verdict() {
    awk -v v="$1" -v l="$2" -v s="${3:-}" 'BEGIN {
        if (v == "n/a") { print "n/a"; exit }
        ok = (s == "strict") ? (v < l) : (v <= l); print (ok ? "ok" : "OVER TARGET") }'
}

# hf NAME HYPERFINE-OPTIONS... -- WORDS... : runs hyperfine once, JSON to $TMP/NAME.json.
# The commands are given word by word, separated by "::".
hf() {
    local name=$1; shift
    local opts=()
    while [[ $1 != -- ]]; do opts+=("$1"); shift; done
    shift
    local cmds=() cur=() w
    for w in "$@"; do
        if [[ $w == :: ]]; then cmds+=("$(cmdline "${cur[@]}")"); cur=(); else cur+=("$w"); fi
    done
    if ((${#cur[@]})); then cmds+=("$(cmdline "${cur[@]}")"); fi
    "$HYPERFINE" "${HF_SHELL[@]}" --style basic "${opts[@]}" --export-json "$TMP/$name.json" "${cmds[@]}" \
        >"$TMP/$name.log" 2>&1 || { cat "$TMP/$name.log" >&2; fail "hyperfine failed ($name)"; }
}

# Summaries over the rounds $TMP/GROUP-*.json:
#   summary row GROUP I       -> one table line for command I, all rounds pooled
#   summary ratio GROUP I J   -> "MEAN MEDIAN MIN ROUND-LO ROUND-HI": ratios of command I over J
#                                of the means, medians and minimums of all runs, and the range
#                                over the rounds of the ratio of means within each round
cat >"$TMP/summary.py" <<'EOF'
import glob, json, statistics, sys

what, group, idx = sys.argv[1], sys.argv[2], [int(a) for a in sys.argv[3:]]
rounds = [json.load(open(p))["results"] for p in sorted(glob.glob(sys.argv[0].rsplit("/", 1)[0] + "/" + group + "-*.json"))]
pooled = lambda i: [t for r in rounds for t in r[i]["times"]]
if what == "row":
    t = pooled(idx[0])
    sd = statistics.stdev(t) if len(t) > 1 else 0.0
    print("%9.3f ms ± %7.3f  median %9.3f  min %9.3f  (%d runs, %d round(s))"
          % (1e3 * statistics.mean(t), 1e3 * sd, 1e3 * statistics.median(t), 1e3 * min(t), len(t), len(rounds)))
else:
    a, b = pooled(idx[0]), pooled(idx[1])
    per_round = [statistics.mean(r[idx[0]]["times"]) / statistics.mean(r[idx[1]]["times"]) for r in rounds]
    print("%.2f %.2f %.2f %.2f %.2f" % (statistics.mean(a) / statistics.mean(b), statistics.median(a) / statistics.median(b),
                                        min(a) / min(b), min(per_round), max(per_round)))
EOF
summary() { python3 "$TMP/summary.py" "$@"; }
row() { printf '  %-36s %s\n' "$1" "$(summary row "$2" "$3")"; }

# maxrss COMMAND... -> median over N_RSS runs of the max RSS in KiB (exit status must be 0).
maxrss() {
    local i kb values=()
    for ((i = 0; i < N_RSS; i++)); do
        "$GNU_TIME" -v "$@" </dev/null >/dev/null 2>"$TMP/time.err" \
            || { cat "$TMP/time.err" >&2; fail "failed under GNU time: $*"; }
        kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$TMP/time.err")
        values+=("$kb")
    done
    printf '%s\n' "${values[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
declare -A RSS_FILES RSS_JSONL
kib() { awk -v k="$1" 'BEGIN { printf "%7d KiB (%6.2f MiB)", k, k / 1024 }'; }
# instructions COMMAND... -> the instructions it ran, counted by callgrind (exit status must be 0).
instructions() {
    "$VALGRIND" --tool=callgrind --callgrind-out-file=/dev/null "$@" </dev/null >/dev/null 2>"$TMP/callgrind.err" \
        || { cat "$TMP/callgrind.err" >&2; fail "failed under callgrind: $*"; }
    awk '/Collected :/ { print $NF }' "$TMP/callgrind.err"
}
# grouped N -> N with a comma every three digits.
grouped() { printf '%s' "$1" | rev | sed 's/[0-9]\{3\}/&,/g; s/,$//' | rev; }

# start_server DIR: `mlcheck serve DIR` on a free port of 127.0.0.1 (never another address);
# sets SERVE_PID and SERVE_URL, the participant URL the server prints as its first line.
start_server() {
    local i
    : >"$TMP/serve.out"
    "$BIN" serve "$1" --listen 127.0.0.1:0 --no-qr </dev/null >"$TMP/serve.out" 2>"$TMP/serve.err" &
    SERVE_PID=$!
    for ((i = 0; i < 100; i++)); do
        if (($(wc -l <"$TMP/serve.out") >= 1)); then break; fi
        running "$SERVE_PID" || { cat "$TMP/serve.err" >&2; fail "mlcheck serve $1 exited at start"; }
        sleep 0.1
    done
    SERVE_URL=$(head -n 1 "$TMP/serve.out")
    [[ $SERVE_URL =~ ^http://127\.0\.0\.1:[0-9]+/$ ]] \
        || { cat "$TMP/serve.err" >&2; fail "mlcheck serve printed no loopback URL within 10 s: '$SERVE_URL'"; }
}
# running PID: the process runs (a child that ended but was not waited for yet is a zombie).
running() { [[ -e /proc/$1 ]] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null; }
# stop_server: SIGTERM, on which the server lets the requests in flight finish and exits 0;
# SIGKILL if it still runs after 30 s. Returns the server's exit status. The pid is still
# this script's unreaped child when it is signalled, so it can't be another process's.
stop_server() {
    local pid=$SERVE_PID i status=0
    SERVE_PID=""
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 300; i++)); do
        running "$pid" || break
        sleep 0.1
    done
    if running "$pid"; then
        echo "bench.sh: mlcheck serve still ran 30 s after SIGTERM: killed" >&2
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" || status=$?
    return "$status"
}
# kv KEY FILE: the value of KEY in the key=value line serve_load printed.
kv() { tr ' ' '\n' <"$2" | awk -F= -v k="$1" '$1 == k { print $2 }'; }
# Over the rounds ($TMP/serve-KIND-R.txt, KIND floor, get or post), each figure pooled over
# all of them and with its range over the rounds:
#   serve_stat rate KIND       -> "POOLED LO HI": requests answered (files written) a second
#   serve_stat ratio           -> the same of post's rate over the floor's
#   serve_stat latency KIND Q  -> the same of the Q-th percentile latency in ms (nearest rank)
#   serve_stat max KIND KEY    -> the largest KEY of the rounds
cat >"$TMP/serve_stat.py" <<'EOF'
import glob, math, os, sys

base = os.path.dirname(sys.argv[0])
COUNT = {"floor": "written", "get": "status_200", "post": "status_201"}
def rounds(kind):
    paths = sorted(glob.glob(os.path.join(base, "serve-%s-*.txt" % kind)))
    return [dict(w.split("=", 1) for w in open(p).read().split()) for p in paths]
def rates(kind):
    r = rounds(kind)
    n, s = [float(x[COUNT[kind]]) for x in r], [float(x["seconds"]) for x in r]
    return sum(n) / sum(s), [a / b for a, b in zip(n, s)]
def percentile(values, q):
    values = sorted(values)
    return values[min(len(values), max(1, math.ceil(q / 100 * len(values)))) - 1]
what = sys.argv[1]
if what == "rate":
    pooled, each = rates(sys.argv[2])
elif what == "ratio":
    (post, posts), (floor, floors) = rates("post"), rates("floor")
    pooled, each = post / floor, [a / b for a, b in zip(posts, floors)]
elif what == "latency":
    kind, q = sys.argv[2], float(sys.argv[3])
    files = sorted(glob.glob(os.path.join(base, "serve-%s-*.us" % kind)))
    each = [percentile([int(l) for l in open(f)], q) / 1e3 for f in files]
    pooled = percentile([int(l) for f in files for l in open(f)], q) / 1e3
else:
    each = [float(x[sys.argv[3]]) for x in rounds(sys.argv[2])]
    pooled = max(each)
print("%.2f %.2f %.2f" % (pooled, min(each), max(each)))
EOF
serve_stat() { python3 "$TMP/serve_stat.py" "$@"; }

# ---------------------------------------------------------------------------- inputs

ANSWERS="$TMP/answers.txt"
cat >"$ANSWERS" <<'EOF'
# A full scripted quiz on the built-in bank, in the keyed form --save-answers writes.
track = backend
hard = disagree
mentor = path
jobs = strongly-disagree
data = yes
wages = neutral
same-pay = yes
future-proof = disagree
colleague = no
fun = agree
data-work = somewhat
enjoy-track = somewhat
EOF

CAT=(cat "$ANSWERS")
QUIZ_TEXT=("$BIN" quiz --answers "$ANSWERS" --color never)
QUIZ_JSON=("$BIN" quiz --answers "$ANSWERS" --color never --format json)
# A second floor: the same binary doing nothing but start, parse its command line and exit.
VERSION=("$BIN" --version)

# Every benchmarked command must work before it is timed.
"${CAT[@]}" >/dev/null || fail "cat failed"
"${QUIZ_TEXT[@]}" </dev/null >"$TMP/quiz.txt" || fail "scripted quiz (text) failed: ${QUIZ_TEXT[*]}"
grep -q 'Your answers' "$TMP/quiz.txt" || fail "the text quiz printed no transcript"
"${QUIZ_JSON[@]}" </dev/null >"$TMP/quiz.json" || fail "scripted quiz (json) failed: ${QUIZ_JSON[*]}"
python3 -c 'import json, sys; assert json.load(open(sys.argv[1]))["recommendation"] in ("ml", "frontend", "backend", "mobile")' \
    "$TMP/quiz.json" || fail "the JSON quiz printed no valid result"

if ((QUICK)); then GROUPS_N=(1000); else GROUPS_N=(10000 100000); fi
"$BIN" questions --format json >"$TMP/bank.json" || fail "mlcheck questions --format json failed"
for n in "${GROUPS_N[@]}"; do
    python3 scripts/gen-answers.py files "$n" "$TMP/group-$n" <"$TMP/bank.json"
    python3 scripts/gen-answers.py jsonl "$n" "$TMP/group-$n.jsonl" <"$TMP/bank.json"
    for input in "$TMP/group-$n" "$TMP/group-$n.jsonl"; do
        out=$("$BIN" report --format json "$input") || fail "mlcheck report $input failed"
        python3 -c 'import json, sys; assert json.loads(sys.argv[1])["respondents"] == int(sys.argv[2])' "$out" "$n" \
            || fail "mlcheck report $input did not count $n results"
    done
    # The same people after a session: the same file names, other answers.
    python3 scripts/gen-answers.py files "$n" "$TMP/after-$n" 8 <"$TMP/bank.json"
    out=$("$BIN" compare --format json "$TMP/group-$n" "$TMP/after-$n") || fail "mlcheck compare over $n failed"
    python3 -c 'import json, sys; assert json.loads(sys.argv[1])["paired"] == int(sys.argv[2])' "$out" "$n" \
        || fail "mlcheck compare did not pair $n results"
done
JQ=$(type -P jq || true)

if ((QUICK)); then SIZES=(1000); else SIZES=(1000 3000 10000); fi
BANK_LIMIT=$((4 * 1024 * 1024))
declare -A BANK_BYTES
for n in "${SIZES[@]}"; do
    bank="$TMP/bank-$n.toml"
    python3 scripts/gen-bank.py "$n" >"$bank"
    BANK_BYTES[$n]=$(wc -c <"$bank")
    ((BANK_BYTES[$n] < BANK_LIMIT)) || fail "the generated bank of $n questions is ${BANK_BYTES[$n]} bytes, over 4 MiB"
    out=$("$BIN" check "$bank" 2>&1) || { echo "$out" | head -20 >&2; fail "the generated bank of $n questions is invalid"; }
    [[ $out == "$bank: valid: $n questions, in en, ko" ]] || fail "unexpected check output: $out"
done

# ---------------------------------------------------------------------------- report

SIZE=$(stat -c %s "$BIN")
echo
echo "== mlcheck benchmark ($( ((QUICK)) && echo quick || echo full))"
echo "date     $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "machine  $(nproc) CPUs, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo 'unknown CPU'), $(uname -srm)"
echo "load     $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) (1, 5, 15 min, at start)"
echo "rustc    $(rustc --version 2>/dev/null || echo unknown)"
echo "binary   ${BIN#"$ROOT"/}"
if [[ -n "$HYPERFINE" ]]; then echo "timer    $("$HYPERFINE" --version) ($HF_MODE)"; fi
busy() { awk -v n="$(nproc)" '{ exit !($1 > n / 2) }' /proc/loadavg 2>/dev/null; }
if busy; then
    echo "warning  the machine is busy (load above half the CPUs): expect noisy times; compare medians, minimums"
fi

echo
echo "-- binary size"
printf '  %-36s %9d bytes (%.2f MiB)   target ≤ 4 MiB: %s\n' "release binary" "$SIZE" \
    "$(awk -v b="$SIZE" 'BEGIN { print b / 1048576 }')" "$(verdict "$SIZE" 4194304)"

echo
echo "-- scripted quiz, built-in bank, 12 answers (output to /dev/null)"
if [[ -n "$HYPERFINE" ]]; then
    if ((QUICK)); then ROUNDS=1 QOPTS=(--warmup 5 --runs 30); else ROUNDS=5 QOPTS=(--warmup 30 --runs 400); fi
    for ((r = 1; r <= ROUNDS; r++)); do
        hf "quiz-$r" "${QOPTS[@]}" -- "${CAT[@]}" :: "${QUIZ_TEXT[@]}" :: "${QUIZ_JSON[@]}" :: "${VERSION[@]}"
    done
    row "cat FILE (floor)" quiz 0
    row "quiz --answers FILE --color never" quiz 1
    row "  ... --format json" quiz 2
    row "mlcheck --version (start-up floor)" quiz 3
    read -r RT MT NT RT_LO RT_HI < <(summary ratio quiz 1 0)
    read -r RJ MJ NJ RJ_LO RJ_HI < <(summary ratio quiz 2 0)
    read -r RV MV NV _ _ < <(summary ratio quiz 3 0)
    read -r RTV MTV NTV _ _ < <(summary ratio quiz 1 3)
    if ((QUICK)); then V="not judged in quick mode"; else V="$(verdict "$RT" 1.5), $(verdict "$RJ" 1.5)"; fi
    printf '  %-36s %11s %11s\n' "ratio quiz/cat" text json
    printf '  %-36s %10s× %10s×   target ≤ 1.5×: %s\n' "  of means" "$RT" "$RJ" "$V"
    printf '  %-36s %10s× %10s×\n' "  of medians" "$MT" "$MJ" "  of minimums" "$NT" "$NJ"
    if ((ROUNDS > 1)); then
        printf '  %-36s %11s %11s\n' "  of means, range over rounds" "$RT_LO-$RT_HI" "$RJ_LO-$RJ_HI"
    fi
    printf '  %-36s %10s× of means, %s× of medians\n' "start-up floor / cat" "$RV" "$MV"
    printf '  %-36s %10s× of means, %s× of medians\n' "quiz (text) / start-up floor" "$RTV" "$MTV"
else
    echo "  timings skipped: hyperfine not found (sudo apt-get install hyperfine); each command ran once, exit 0"
fi
# Instructions are repeatable where times are not: the same on a busy machine as on an idle one.
if [[ -n "$VALGRIND" ]]; then
    IR_CAT=$(instructions "${CAT[@]}")
    IR_TEXT=$(instructions "${QUIZ_TEXT[@]}")
    IR_JSON=$(instructions "${QUIZ_JSON[@]}")
    IR_VERSION=$(instructions "${VERSION[@]}")
    printf '  %-36s %11s %11s %11s %11s\n' "instructions (callgrind)" cat text json --version
    printf '  %-36s %11s %11s %11s %11s\n' "" "$(grouped "$IR_CAT")" "$(grouped "$IR_TEXT")" "$(grouped "$IR_JSON")" \
        "$(grouped "$IR_VERSION")"
    printf '  %-36s %11s %10s× %10s× %10s×\n' "  ratio to cat" "" "$(ratio "$IR_TEXT" "$IR_CAT")" \
        "$(ratio "$IR_JSON" "$IR_CAT")" "$(ratio "$IR_VERSION" "$IR_CAT")"
else
    echo "  instructions skipped: valgrind not found (sudo apt-get install valgrind)"
fi

echo
echo "-- mlcheck check BANK, generated banks (scripts/gen-bank.py; each checked valid first)"
for n in "${SIZES[@]}"; do
    printf '  %-36s %8d bytes\n' "bank of $n questions" "${BANK_BYTES[$n]}"
done
if [[ -n "$HYPERFINE" ]]; then
    if ((QUICK)); then ROUNDS=1 COPTS=(--warmup 1 --runs 5); else ROUNDS=3 COPTS=(--warmup 1 --min-runs 5); fi
    words=()
    for n in "${SIZES[@]}"; do
        if ((${#words[@]})); then words+=(::); fi
        words+=("$BIN" check "$TMP/bank-$n.toml")
    done
    for ((r = 1; r <= ROUNDS; r++)); do
        hf "check-$r" "${COPTS[@]}" -- "${words[@]}"
    done
    for i in "${!SIZES[@]}"; do
        row "check, ${SIZES[$i]} questions" check "$i"
    done
    if ((!QUICK)); then
        read -r R10 M10 N10 R10_LO R10_HI < <(summary ratio check 2 0)
        read -r R3 M3 N3 R3_LO R3_HI < <(summary ratio check 1 0)
        printf '  %-36s %11s %11s\n' "ratio of times" "10k/1k" "3k/1k"
        printf '  %-36s %10s× %10s×   target 10k/1k ≤ 12: %s\n' "  of means" "$R10" "$R3" "$(verdict "$R10" 12)"
        printf '  %-36s %10s× %10s×\n' "  of medians" "$M10" "$M3" "  of minimums" "$N10" "$N3"
        printf '  %-36s %11s %11s\n' "  of means, range over rounds" "$R10_LO-$R10_HI" "$R3_LO-$R3_HI"
    fi
else
    echo "  timings skipped: hyperfine not found; each bank was checked once, exit 0"
fi

echo
if [[ -n "$GNU_TIME" ]]; then
    if ((QUICK)); then N_RSS=1; else N_RSS=5; fi
    echo "-- peak memory (max RSS from GNU time -v, median of $N_RSS run(s))"
    BIG=${SIZES[-1]}
    RSS_CAT=$(maxrss "${CAT[@]}")
    RSS_TEXT=$(maxrss "${QUIZ_TEXT[@]}")
    RSS_JSON=$(maxrss "${QUIZ_JSON[@]}")
    RSS_CHECK=$(maxrss "$BIN" check "$TMP/bank-$BIG.toml")
    printf '  %-36s %s\n' "cat FILE (floor)" "$(kib "$RSS_CAT")"
    printf '  %-36s %s  %5s× cat   target < 4 MiB: %s\n' "quiz (text)" "$(kib "$RSS_TEXT")" \
        "$(ratio "$RSS_TEXT" "$RSS_CAT")" "$(verdict "$RSS_TEXT" 4096 strict)"
    printf '  %-36s %s  %5s× cat   target < 4 MiB: %s\n' "quiz (json)" "$(kib "$RSS_JSON")" \
        "$(ratio "$RSS_JSON" "$RSS_CAT")" "$(verdict "$RSS_JSON" 4096 strict)"
    printf '  %-36s %s  %5s× cat   (bank file: %.2f MiB)\n' "check, $BIG questions" "$(kib "$RSS_CHECK")" \
        "$(ratio "$RSS_CHECK" "$RSS_CAT")" "$(awk -v b="${BANK_BYTES[$BIG]}" 'BEGIN { print b / 1048576 }')"
else
    echo "-- peak memory"
    echo "  skipped: GNU time not found (sudo apt-get install time)"
fi

echo
BIGN=${GROUPS_N[-1]}
echo "-- mlcheck report, $BIGN results (scripts/gen-answers.py; each counted right first)"
FILES_CAT=(bash -c 'find "$1" -type f | xargs cat >/dev/null' _ "$TMP/group-$BIGN")
REPORT_FILES=("$BIN" report "$TMP/group-$BIGN")
REPORT_JSONL=("$BIN" report "$TMP/group-$BIGN.jsonl")
JQ_VERDICTS=("$JQ" -n 'reduce inputs as $r ({}; .[$r.recommendation] += 1)' "$TMP/group-$BIGN.jsonl")
if [[ -n "$HYPERFINE" ]]; then
    if ((QUICK)); then ROPTS=(--warmup 1 --runs 3); else ROPTS=(--warmup 1 --runs 5); fi
    hf "files-1" "${ROPTS[@]}" -- "${FILES_CAT[@]}" :: "${REPORT_FILES[@]}"
    row "find DIR -type f | xargs cat (floor)" files 0
    row "report DIR ($BIGN answers files)" files 1
    read -r RF MF NF _ _ < <(summary ratio files 1 0)
    if ((QUICK)); then V="not judged in quick mode"; else V=$(verdict "$RF" 2); fi
    printf '  %-36s %10s× of means, %s× of medians   target ≤ 2×: %s\n' "ratio report/cat" "$RF" "$MF" "$V"
    if [[ -n "$JQ" ]]; then
        hf "jsonl-1" "${ROPTS[@]}" -- "${JQ_VERDICTS[@]}" :: "${REPORT_JSONL[@]}"
        row "jq, verdict counts only" jsonl 0
        row "report FILE.jsonl ($BIGN results)" jsonl 1
        read -r RJQ MJQ _ _ _ < <(summary ratio jsonl 1 0)
        if ((QUICK)); then V="not judged in quick mode"; else V=$(verdict "$RJQ" 1 strict); fi
        printf '  %-36s %10s× of means, %s× of medians   target < 1×: %s\n' "ratio report/jq" "$RJQ" "$MJQ" "$V"
    else
        echo "  JSON Lines against jq skipped: jq not found (sudo apt-get install jq)"
    fi
else
    echo "  timings skipped: hyperfine not found; each report ran once and counted right"
fi
if [[ -n "$GNU_TIME" ]]; then
    N_RSS=1
    for n in "${GROUPS_N[@]}"; do
        RSS_FILES[$n]=$(maxrss "$BIN" report "$TMP/group-$n")
        RSS_JSONL[$n]=$(maxrss "$BIN" report "$TMP/group-$n.jsonl")
        printf '  %-36s %s   target < 16 MiB: %s\n' "peak memory, $n files" "$(kib "${RSS_FILES[$n]}")" \
            "$(verdict "${RSS_FILES[$n]}" 16384 strict)"
        printf '  %-36s %s   target < 16 MiB: %s\n' "peak memory, $n JSON Lines" "$(kib "${RSS_JSONL[$n]}")" \
            "$(verdict "${RSS_JSONL[$n]}" 16384 strict)"
    done
    if ((${#GROUPS_N[@]} > 1)); then
        GROWTH=$((RSS_FILES[${GROUPS_N[-1]}] - RSS_FILES[${GROUPS_N[0]}]))
        printf '  %-36s %7d KiB   target ≤ 2 MiB: %s\n' "growth, ${GROUPS_N[0]} to ${GROUPS_N[-1]} files" "$GROWTH" \
            "$(verdict "$GROWTH" 2048)"
    fi
fi

echo
echo "-- mlcheck compare, $BIGN + $BIGN answers files, all paired (each pairing checked first)"
BOTH_CAT=(bash -c 'find "$1" "$2" -type f | xargs cat >/dev/null' _ "$TMP/group-$BIGN" "$TMP/after-$BIGN")
COMPARE=("$BIN" compare "$TMP/group-$BIGN" "$TMP/after-$BIGN")
if [[ -n "$HYPERFINE" ]]; then
    if ((QUICK)); then POPTS=(--warmup 1 --runs 3); else POPTS=(--warmup 1 --runs 5); fi
    hf "pairs-1" "${POPTS[@]}" -- "${BOTH_CAT[@]}" :: "${COMPARE[@]}"
    row "find BEFORE AFTER | xargs cat (floor)" pairs 0
    row "compare BEFORE AFTER" pairs 1
    read -r RP MP _ _ _ < <(summary ratio pairs 1 0)
    if ((QUICK)); then V="not judged in quick mode"; else V=$(verdict "$RP" 2.5); fi
    printf '  %-36s %10s× of means, %s× of medians   target ≤ 2.5×: %s\n' "ratio compare/cat" "$RP" "$MP" "$V"
else
    echo "  timings skipped: hyperfine not found; each comparison ran once and paired right"
fi
if [[ -n "$GNU_TIME" ]]; then
    N_RSS=1
    declare -A RSS_PAIRS
    for n in "${GROUPS_N[@]}"; do
        RSS_PAIRS[$n]=$(maxrss "$BIN" compare "$TMP/group-$n" "$TMP/after-$n")
        printf '  %-36s %s\n' "peak memory, $n pairs" "$(kib "${RSS_PAIRS[$n]}")"
    done
    if ((${#GROUPS_N[@]} > 1)); then
        lo=${GROUPS_N[0]} hi=${GROUPS_N[-1]}
        printf '  %-36s %7d bytes (paths and myth answers kept to pair)\n' "each pair adds" \
            "$(((RSS_PAIRS[$hi] - RSS_PAIRS[$lo]) * 1024 / (hi - lo)))"
    fi
fi

echo
if ((QUICK)); then SERVE_N=1000 SERVE_ROUNDS=1; else SERVE_N=5000 SERVE_ROUNDS=3; fi
SERVE_CONNS=50
SERVE_SECONDS=120
echo "-- mlcheck serve DIR: $SERVE_N participants POST /answers at $SERVE_CONNS connections, $SERVE_ROUNDS round(s)"
echo "   (examples/serve_load.rs; a fresh server and DIR each round; rates and latencies over all rounds)"
for ((r = 1; r <= SERVE_ROUNDS; r++)); do
    # The floor: as many files made durable as the server's writer makes them, without HTTP.
    "$LOADGEN" writes "$TMP/floor-$r" "$ANSWERS" "$SERVE_N" "$SERVE_CONNS" >"$TMP/serve-floor-$r.txt" \
        || fail "the durable-writes floor failed"
    rm -rf "$TMP/floor-$r"
    dir="$TMP/serve-$r"
    start_server "$dir"
    "$LOADGEN" get "$SERVE_URL" "$SERVE_N" "$SERVE_CONNS" "$SERVE_SECONDS" "$TMP/serve-get-$r.us" \
        >"$TMP/serve-get-$r.txt" || fail "GET $SERVE_URL failed"
    "$LOADGEN" post "${SERVE_URL}answers" "$ANSWERS" "$SERVE_N" "$SERVE_CONNS" "$SERVE_SECONDS" \
        "$TMP/serve-post-$r.us" >"$TMP/serve-post-$r.txt" || fail "POST ${SERVE_URL}answers failed"
    echo "hwm_kib=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVE_PID/status")" >>"$TMP/serve-post-$r.txt"
    stop_server || fail "mlcheck serve did not stop cleanly on SIGTERM (exit status $?)"
    [[ $(kv status_200 "$TMP/serve-get-$r.txt") == "$SERVE_N" ]] \
        || fail "GET / did not answer 200 to all $SERVE_N requests: $(cat "$TMP/serve-get-$r.txt")"
    created=$(kv status_201 "$TMP/serve-post-$r.txt")
    [[ $created == "$SERVE_N" ]] \
        || fail "POST /answers did not answer 201 to all $SERVE_N participants: $(cat "$TMP/serve-post-$r.txt")"
    # Each 201 is one whole file: as many files as 201s, no temporary file left, all read back.
    files=$(find "$dir" -maxdepth 1 -type f ! -name '.*' | wc -l)
    hidden=$(find "$dir" -maxdepth 1 -type f -name '.*' | wc -l)
    ((files == created && hidden == 0)) || fail "$dir holds $files files and $hidden hidden ones after $created 201s"
    out=$("$BIN" report --format json "$dir") || fail "mlcheck report of the served folder failed"
    python3 -c 'import json, sys; assert json.loads(sys.argv[1])["respondents"] == int(sys.argv[2])' "$out" "$created" \
        || fail "mlcheck report did not read back the $created served files"
    rm -rf "$dir"
done
read -r SF SF_LO SF_HI < <(serve_stat rate floor)
read -r SG _ _ < <(serve_stat rate get)
read -r SGP50 _ _ < <(serve_stat latency get 50)
read -r SGP99 _ _ < <(serve_stat latency get 99)
read -r SP SP_LO SP_HI < <(serve_stat rate post)
read -r SR SR_LO SR_HI < <(serve_stat ratio)
read -r SP50 SP50_LO SP50_HI < <(serve_stat latency post 50)
read -r SP99 SP99_LO SP99_HI < <(serve_stat latency post 99)
read -r SHWM _ _ < <(serve_stat max post hwm_kib)
SHWM=${SHWM%.*}
if ((QUICK)); then
    VR="not judged in quick mode" VL=$VR VM=$VR
else
    VR=$(verdict 500 "$SP") # at least 500/s: ok when 500 <= the rate
    VL=$(verdict "$SP99" 100) VM=$(verdict "$SHWM" 32768)
fi
# range FORMAT LO HI: the range over the rounds, when there are several.
range() { if ((SERVE_ROUNDS > 1)); then printf "   (rounds $1-$1)" "$2" "$3"; fi; }
printf '  %-36s %9.0f /s%s\n' "durable writes, no HTTP (floor)" "$SF" "$(range %.0f "$SF_LO" "$SF_HI")"
printf '  %-36s %9.0f /s   p50 %s ms, p99 %s ms\n' "GET / (a page, no disk)" "$SG" "$SGP50" "$SGP99"
printf '  %-36s %9.0f /s%s   target ≥ 500/s: %s\n' "POST /answers, durable (201s)" "$SP" \
    "$(range %.0f "$SP_LO" "$SP_HI")" "$VR"
printf '  %-36s %9s×%s\n' "  ratio to the floor" "$SR" "$(range %.2f "$SR_LO" "$SR_HI")"
printf '  %-36s %9s ms%s\n' "  latency p50" "$SP50" "$(range %.1f "$SP50_LO" "$SP50_HI")"
printf '  %-36s %9s ms%s   target ≤ 100 ms: %s\n' "  latency p99" "$SP99" "$(range %.1f "$SP99_LO" "$SP99_HI")" "$VL"
printf '  %-36s %s   target ≤ 32 MiB: %s\n' "server peak memory (VmHWM, largest)" "$(kib "$SHWM")" "$VM"
printf '  %-36s %s\n' "files in DIR" "as many as 201s, none half-written, each read back by report"

echo
echo "load     $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) (1, 5, 15 min, at the end)"
if ((QUICK)); then
    echo "quick mode: one round of few runs and one bank size; a smoke test, not a measurement."
fi
