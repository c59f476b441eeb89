#!/usr/bin/env bash
# Compares FibroKB's command-line search with two packaged desktop/CLI search tools on the same corpus:
#   - Xapian Omega: omindex (indexer), quest (xapian-tools, plain query CLI) and omega (the CGI, run from the
#     command line, which adds query-dependent snippets and spelling suggestions),
#   - Recoll: recollindex and recollq (Debian package recollcmd),
#   - FibroKB: fibrokb-index build and fibrokb-search.
# Every query is timed as a whole process (process start, opening the index, searching, printing), for every
# tool alike, because that is the only way to run the peers. The engine's in-process latency is what
# bench/search_bench.cpp measures.
#
# Usage: bench/peers.sh [--build DIR] [--runs N] [--index-runs N] [--report FILE] [--keep] [--no-install]
#   --build DIR      build folder holding bin/fibrokb-search and bin/fibrokb-index (default: build-bench;
#                    the two targets are built there if missing)
#   --runs N         timed runs per query per tool (default 20, after 3 warm-up runs)
#   --index-runs N   timed indexing runs per tool (default 5, each from an empty index)
#   --report FILE    also write the Markdown tables to FILE
#   --keep           keep the temporary folder (indexes, hyperfine CSV files)
#   --no-install     never call apt-get; tools that are missing are skipped
# Network: only apt-get, and only when run as root with a peer package missing.

# Omega templates and the yesno tests below are single-quoted on purpose: they are expanded later, not here.
# shellcheck disable=SC2016
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build-bench"
RUNS=20
INDEX_RUNS=5
REPORT=""
KEEP=0
INSTALL=1

die() { echo "peers.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --build) BUILD="${2:?--build needs a folder}"; shift 2 ;;
    --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
    --index-runs) INDEX_RUNS="${2:?--index-runs needs a number}"; shift 2 ;;
    --report) REPORT="${2:?--report needs a file}"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --no-install) INSTALL=0; shift ;;
    -h|--help) sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
[[ "$RUNS" =~ ^[0-9]+$ && "$RUNS" -ge 1 && "$RUNS" -le 1000 ]] || die "--runs must be 1..1000"
[[ "$INDEX_RUNS" =~ ^[0-9]+$ && "$INDEX_RUNS" -ge 1 && "$INDEX_RUNS" -le 100 ]] || die "--index-runs must be 1..100"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# ---- Tools ------------------------------------------------------------------------------------------------
# Debian bookworm: omindex and the omega CGI are in xapian-omega; quest is in xapian-tools;
# recollindex and recollq are in recollcmd (the `recoll` package only adds the GUI on top).
PEER_PACKAGES=(xapian-omega xapian-tools recollcmd hyperfine)
missing=()
for p in "${PEER_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$INSTALL" = 1 ] && [ "$(id -u)" = 0 ]; then
    say "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "peers.sh: not installed: ${missing[*]} (as root: apt-get install ${missing[*]}); those tools are skipped" >&2
  fi
fi
OMEGA_CGI=/usr/lib/cgi-bin/omega/omega
have() { command -v "$1" >/dev/null 2>&1; }
HAVE_OMINDEX=0; have omindex && HAVE_OMINDEX=1
HAVE_QUEST=0; have quest && [ "$HAVE_OMINDEX" = 1 ] && HAVE_QUEST=1
HAVE_OMEGA=0; [ -x "$OMEGA_CGI" ] && [ "$HAVE_OMINDEX" = 1 ] && HAVE_OMEGA=1
HAVE_RECOLL=0; have recollindex && have recollq && HAVE_RECOLL=1
HAVE_HYPERFINE=0; have hyperfine && HAVE_HYPERFINE=1
TIME_BIN=""; [ -x /usr/bin/time ] && TIME_BIN=/usr/bin/time

if [ ! -x "$BUILD/bin/fibrokb-search" ] || [ ! -x "$BUILD/bin/fibrokb-index" ]; then
  say "Building fibrokb-search and fibrokb-index in $BUILD"
  cmake -S "$ROOT" -B "$BUILD" -DFIBROKB_BUILD_APP=OFF -DFIBROKB_BUILD_TESTS=OFF >/dev/null
  cmake --build "$BUILD" --target fibrokb-search fibrokb-index -j"$(nproc)" >/dev/null
fi
FK_SEARCH="$BUILD/bin/fibrokb-search"
FK_INDEX="$BUILD/bin/fibrokb-index"

# ---- Work folder ------------------------------------------------------------------------------------------
TMP="$(mktemp -d /tmp/fibrokb-peers-XXXXXX)"
cleanup() { if [ "$KEEP" = 1 ]; then echo "peers.sh: kept $TMP" >&2; else rm -rf "$TMP"; fi; }
trap cleanup EXIT
# The same Markdown files for every tool. FibroKB also reads topics.yaml and synonyms.txt from the corpus.
mkdir -p "$TMP/docs" "$TMP/fk" "$TMP/om/data" "$TMP/om/templates" "$TMP/recoll/conf" "$TMP/csv"
cp -r "$ROOT/corpus/articles" "$ROOT/corpus/faq" "$TMP/docs/"
MD_FILES=$(find "$TMP/docs" -name '*.md' | wc -l)
MD_BYTES=$(find "$TMP/docs" -name '*.md' -printf '%s\n' | awk '{s+=$1} END {print s}')

FK_IDX="$TMP/fk/index"
OM_DB="$TMP/om/data/fibro"
RC_CONF="$TMP/recoll/conf"
RC_DB="$TMP/recoll/xapiandb"
cat > "$RC_CONF/recoll.conf" <<EOF
topdirs = $TMP/docs
dbdir = $RC_DB
idxstoretext = 1
loglevel = 1
EOF
cat > "$TMP/om/omega.conf" <<EOF
database_dir $TMP/om/data
template_dir $TMP/om/templates
log_dir $TMP/om/log
cdb_dir $TMP/om/cdb
EOF
export OMEGA_CONFIG_FILE="$TMP/om/omega.conf"
# Omega output: result count, spelling suggestion, then url | query-dependent snippet per hit.
printf '%s' '$set{flag_spelling_correction,true}total=$msize
suggest=$suggestion
$hitlist{$field{url} | $snippet{$field{sample},200}
}' > "$TMP/om/templates/bench"
printf '%s' '$set{flag_spelling_correction,true}$set{flag_partial,true}total=$msize
$hitlist{$field{url}
}' > "$TMP/om/templates/benchpartial"
# A thesaurus for recollq -T, for the synonym test only (recoll has no synonyms unless given one).
printf 'advil ibuprofen\n' > "$TMP/recoll/thesaurus.txt"

# ---- Timing helpers ---------------------------------------------------------------------------------------
# time_cmd NAME PREPARE COMMAND -> prints "median_ms min_ms max_ms runs"; COMMAND is one string (shell words).
time_cmd() {
  local name="$1" prepare="$2" cmd="$3" runs="$4" warmup="$5" csv="$TMP/csv/$1.csv"
  if [ "$HAVE_HYPERFINE" = 1 ]; then
    local args=(-N --style none --runs "$runs" --warmup "$warmup" --export-csv "$csv")
    [ -n "$prepare" ] && args+=(--prepare "$prepare")
    hyperfine "${args[@]}" "$cmd" >/dev/null 2>"$TMP/csv/$name.err" || { echo "fail fail fail 0"; return; }
    # CSV: command,mean,stddev,median,user,system,min,max (seconds)
    awk -F, 'NR==2 {printf "%.1f %.1f %.1f %d\n", $(NF-4)*1000, $(NF-1)*1000, $NF*1000, '"$runs"'}' "$csv"
  else
    local i t0 t1 samples=()
    for ((i = 0; i < warmup; i++)); do [ -n "$prepare" ] && eval "$prepare"; eval "$cmd" >/dev/null 2>&1; done
    for ((i = 0; i < runs; i++)); do
      [ -n "$prepare" ] && eval "$prepare"
      t0=$(date +%s%N); eval "$cmd" >/dev/null 2>&1; t1=$(date +%s%N)
      samples+=("$(( (t1 - t0) / 1000 ))")
    done
    printf '%s\n' "${samples[@]}" | sort -n | awk -v n="$runs" '{a[NR]=$1} END {m=a[int((n+1)/2)]; printf "%.1f %.1f %.1f %d\n", m/1000, a[1]/1000, a[n]/1000, n}'
  fi
}
peak_kb() {   # peak RSS of one run of COMMAND (a string of shell words), in KiB
  [ -n "$TIME_BIN" ] || { echo "n/a"; return; }
  eval "$TIME_BIN -f %M -o $TMP/time.out $1" >/dev/null 2>&1 || true
  tail -1 "$TMP/time.out"
}
q() { printf '%q' "$1"; }
mib() { awk -v k="$1" 'BEGIN { if (k ~ /^[0-9]+$/) printf "%.1f", k / 1024; else printf "%s", k }'; }

OUT="$TMP/report.md"
: > "$OUT"
emit() { printf '%s\n' "$*" | tee -a "$OUT"; }

say "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u '+%Y-%m-%d %H:%M UTC')"
emit "### Peers: $MD_FILES Markdown files, $((MD_BYTES / 1024)) KiB ($(date -u '+%Y-%m-%d'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))"
emit ""
emit "Timer: $( [ "$HAVE_HYPERFINE" = 1 ] && echo "hyperfine $(hyperfine --version | cut -d' ' -f2) -N (no shell)" || echo "bash loop with date +%s%N" ). Every figure includes process start."
emit ""

# ---- Indexing ---------------------------------------------------------------------------------------------
say "Indexing ($INDEX_RUNS runs per tool, each from an empty index)"
FK_INDEX_CMD="$(q "$FK_INDEX") build --corpus $(q "$ROOT/corpus") --out $(q "$FK_IDX")"
OM_INDEX_CMD="omindex --db $(q "$OM_DB") --url / -M md:text/plain -S $(q "$TMP/docs")"
RC_INDEX_CMD="recollindex -c $(q "$RC_CONF")"
emit "#### Indexing the corpus from nothing ($INDEX_RUNS runs; median, min, max in ms; peak RSS of one run)"
emit ""
emit "| tool | command | documents | median | min | max | index size | peak RSS |"
emit "|---|---|---:|---:|---:|---:|---:|---:|"
index_row() {   # LABEL COMMAND PREPARE DOCS-FUNCTION INDEX-DIR
  local label="$1" cmd="$2" prepare="$3" docsfn="$4" dir="$5" r kb docs size med min max shown
  r=$(time_cmd "index-$label" "$prepare" "$cmd" "$INDEX_RUNS" 1)
  eval "$prepare"
  kb=$(peak_kb "$cmd")
  docs=$($docsfn)
  size=$(du -sk "$dir" | cut -f1)
  read -r med min max _ <<<"$r"
  shown=$(echo "$cmd" | sed "s|$TMP|\$TMP|g; s|$ROOT/||g; s|[^ ]*/bin/fibrokb|fibrokb|")
  emit "| $label | \`$shown\` | $docs | $med | $min | $max | $size KiB | $(mib "$kb") MiB |"
}
fk_docs() { "$FK_INDEX" stats --index "$FK_IDX" | sed -n 's/^Documents: *//p' | head -1; }
om_docs() { xapian-delve "$OM_DB" 2>/dev/null | sed -n 's/^number of documents = //p'; }
rc_docs() { xapian-delve "$RC_DB" 2>/dev/null | sed -n 's/^number of documents = //p'; }   # recoll's index is Xapian too
index_row "fibrokb-index" "$FK_INDEX_CMD" "rm -rf $(q "$FK_IDX")" fk_docs "$FK_IDX"
[ "$HAVE_OMINDEX" = 1 ] && index_row "omindex" "$OM_INDEX_CMD" "rm -rf $(q "$OM_DB")" om_docs "$OM_DB"
[ "$HAVE_RECOLL" = 1 ] && index_row "recollindex" "$RC_INDEX_CMD" "rm -rf $(q "$RC_DB") $(q "$RC_CONF")/idxstatus.txt" rc_docs "$RC_DB"
emit ""
emit "fibrokb-index makes one document per article and per FAQ entry (the FAQ files are split), renders HTML,"
emit "stores every article as JSON and builds the spelling and synonym tables; omindex and recollindex index each"
emit "file as one plain-text document (omindex with spelling data, -S)."
emit ""

# ---- Query latency ----------------------------------------------------------------------------------------
QUERIES=("hip pain" "pacing" "why do i wake up tired" '"water exercise"' "fibromyalgea" "lyrica" "advil")
say "Queries (${#QUERIES[@]} queries x up to 4 tools x $RUNS runs)"
fk_cmd() { echo "$(q "$FK_SEARCH") --index $(q "$FK_IDX") --limit 10 -- $(q "$1")"; }
quest_cmd() { echo "quest -d $(q "$OM_DB") -o and -m 10 -f default,spelling_correction $(q "$1")"; }
omega_cmd() { echo "$OMEGA_CGI DB=fibro FMT=bench DEFAULTOP=and HITSPERPAGE=10 $(q "P=$1")"; }
recoll_cmd() { echo "recollq -c $(q "$RC_CONF") -n 10 $(q "$1")"; }
count_fk() { "$FK_SEARCH" --index "$FK_IDX" --json --limit 0 -- "$1" | sed -n 's/^  "total": \([0-9]*\).*/\1/p'; }
count_quest() { quest -d "$OM_DB" -o and -m 0 -c 100000 -f default,spelling_correction "$1" | sed -n 's/^Exactly \([0-9]*\) match.*/\1/p'; }
count_omega() { "$OMEGA_CGI" DB=fibro FMT=bench DEFAULTOP=and "P=$1" | sed -n 's/^total=//p'; }
count_recoll() { recollq -c "$RC_CONF" -n 0 -Q "$1" 2>/dev/null | awk '/ results/ {print $1; exit}'; }

emit "#### Query latency, whole process ($RUNS runs after 3 warm-ups; median ms, and results found)"
emit ""
header="| query | fibrokb-search |"; sep="|---|---:|"
[ "$HAVE_QUEST" = 1 ] && { header+=" quest |"; sep+="---:|"; }
[ "$HAVE_OMEGA" = 1 ] && { header+=" omega (CGI, CLI mode) |"; sep+="---:|"; }
[ "$HAVE_RECOLL" = 1 ] && { header+=" recollq |"; sep+="---:|"; }
emit "$header"; emit "$sep"
n=0
for query in "${QUERIES[@]}"; do
  n=$((n + 1))
  row="| \`$query\` |"
  read -r med _ _ _ <<<"$(time_cmd "q$n-fk" "" "$(fk_cmd "$query")" "$RUNS" 3)"; row+=" $med ($(count_fk "$query")) |"
  if [ "$HAVE_QUEST" = 1 ]; then
    read -r med _ _ _ <<<"$(time_cmd "q$n-quest" "" "$(quest_cmd "$query")" "$RUNS" 3)"; row+=" $med ($(count_quest "$query")) |"
  fi
  if [ "$HAVE_OMEGA" = 1 ]; then
    read -r med _ _ _ <<<"$(time_cmd "q$n-omega" "" "$(omega_cmd "$query")" "$RUNS" 3)"; row+=" $med ($(count_omega "$query")) |"
  fi
  if [ "$HAVE_RECOLL" = 1 ]; then
    read -r med _ _ _ <<<"$(time_cmd "q$n-recoll" "" "$(recoll_cmd "$query")" "$RUNS" 3)"; row+=" $med ($(count_recoll "$query")) |"
  fi
  emit "$row"
done
read -r base _ _ _ <<<"$(time_cmd "baseline-true" "" "/bin/true" "$RUNS" 3)"
emit ""
emit "Process start alone (\`/bin/true\`, same timer): $base ms. Peak RSS of one \`hip pain\` query process:"
mem="fibrokb-search $(mib "$(peak_kb "$(fk_cmd "hip pain")")") MiB"
[ "$HAVE_QUEST" = 1 ] && mem+=", quest $(mib "$(peak_kb "$(quest_cmd "hip pain")")") MiB"
[ "$HAVE_OMEGA" = 1 ] && mem+=", omega $(mib "$(peak_kb "$(omega_cmd "hip pain")")") MiB"
[ "$HAVE_RECOLL" = 1 ] && mem+=", recollq $(mib "$(peak_kb "$(recoll_cmd "hip pain")")") MiB"
emit "$mem."
emit ""

# ---- Features, each tried ---------------------------------------------------------------------------------
say "Trying each feature with each tool"
fk_json() { "$FK_SEARCH" --index "$FK_IDX" --json --limit 3 -- "$1"; }
# yesno TEST YES NO: TEST is a command string; pipefail is off inside it so `... | grep -q` is judged by grep alone.
yesno() { if (set +o pipefail; eval "$1") >/dev/null 2>&1; then echo "$2"; else echo "$3"; fi; }

F_PHRASE_FK=$(yesno 'fk_json "\"water exercise\"" | grep -q PHRASE' "yes ($(count_fk '"water exercise"') vs $(count_fk 'water exercise') for the words)" "no")
F_FACET_FK=$(yesno 'fk_json "hip pain" | grep -q "\"topics\": {"' "yes (topic, type, audience counts)" "no")
F_SPELL_FK=$(yesno 'fk_json acupunture | grep -q "\"corrected\": \"acupuncture\""' "yes (acupunture -> searches acupuncture, $(count_fk acupunture) results)" "no")
F_SYN_FK=$(yesno 'fk_json advil | grep -q painkillers-anti-inflammatories-opioids' "yes (advil finds the ibuprofen pages, from corpus/synonyms.txt)" "no")
F_AYT_FK=$(yesno '[ "$(count_fk "water exer*")" -gt 0 ]' "yes (engine: SearchRequest::asYouType; CLI: \`water exer*\` $(count_fk 'water exer*') results)" "no")
F_SNIP_FK=$(yesno 'fk_json "water exercise" | grep -q "snippet\": \".*<b>"' "yes (best-matching section, matches in <b>)" "no")

row_quest=""; row_omega=""; row_recoll=""
if [ "$HAVE_QUEST" = 1 ]; then
  p=$(yesno 'quest -d "$OM_DB" -m 0 "\"water exercise\"" | grep -q PHRASE' "yes" "no")
  f=$(yesno 'quest --help | grep -qi -e facet -e spy' "option present" "no (no option for it)")
  s=$(yesno 'quest -d "$OM_DB" -f default,spelling_correction -m 0 acupunture | grep -q "Did you mean: acupuncture"' "suggests only (\"Did you mean: acupuncture\", 0 results)" "no")
  y=$(yesno '[ "$(quest -d "$OM_DB" -f default,synonym -m 0 -c 100000 advil | sed -n "s/^Exactly \([0-9]*\).*/\1/p")" -gt 0 ]' "yes" "no (advil: 0; omindex cannot load synonyms)")
  a=$(yesno 'quest -d "$OM_DB" -o and -f default,partial -m 0 "water exer" | grep -q "WILDCARD"' "yes (-f partial: \`water exer\` expands the last word)" "no")
  sn=$(yesno 'quest -d "$OM_DB" -m 1 "water exercise" | grep -q "^sample="' "no (prints the stored 512-byte start of the file, not a query snippet)" "no (prints no text)")
  row_quest="| quest (xapian-tools) on omindex | $p | $f | $s | $y | $a | $sn |"
fi
if [ "$HAVE_OMEGA" = 1 ]; then
  p=$(yesno '[ "$(count_omega "\"water exercise\"")" -lt "$(count_omega "water exercise")" ]' "yes ($(count_omega '"water exercise"') vs $(count_omega 'water exercise'))" "no")
  f=$(yesno 'grep -qi -e facet -e matchspy /usr/share/doc/xapian-omega/omegascript.html' "documented" "no (nothing in OmegaScript 1.4)")
  s=$(yesno '"$OMEGA_CGI" DB=fibro FMT=bench P=acupunture | grep -q "suggest=acupuncture"' "suggests only (\$suggestion)" "no")
  y=$(yesno '[ "$(count_omega advil)" -gt 0 ]' "yes" "no (same database as quest)")
  a=$(yesno '"$OMEGA_CGI" DB=fibro FMT=benchpartial DEFAULTOP=and "P=water exer" | grep -q "water-exercise.md"' "yes (flag_partial)" "no")
  sn=$(yesno '"$OMEGA_CGI" DB=fibro FMT=bench "P=water exercise" | grep -q "<strong>"' "partly (\$snippet highlights, but only within the 512-byte sample omindex stores)" "no")
  row_omega="| omega CGI on omindex | $p | $f | $s | $y | $a | $sn |"
fi
if [ "$HAVE_RECOLL" = 1 ]; then
  p=$(yesno 'recollq -c "$RC_CONF" -Q "\"water exercise\"" 2>/dev/null | grep -q PHRASE' "yes" "no")
  f=$(yesno 'recollq -h 2>&1 | grep -qi facet' "option present" "no (no option for it)")
  s=$(yesno '[ "$(count_recoll acupunture)" -gt 0 ]' "yes" "no (acupunture: 0 results, no suggestion from recollq)")
  y=$(yesno 'recollq -c "$RC_CONF" -T "$TMP/recoll/thesaurus.txt" -n 3 advil 2>/dev/null | grep -q painkillers' "with a thesaurus file (-T; advil: 0 without, ibuprofen pages with)" "no")
  a=$(yesno '[ "$(count_recoll "water exer*")" -gt 0 ]' "no mode for it; \`exer*\` wildcards work" "no")
  sn=$(yesno 'recollq -c "$RC_CONF" -A -n 1 "water exercise" 2>/dev/null | grep -q ABSTRACT' "yes (-A)" "no: \`recollq -A\` printed no abstract here (1.34.3)")
  row_recoll="| recollq (recollcmd) | $p | $f | $s | $y | $a | $sn |"
fi
emit "#### Features, each tried on this corpus"
emit ""
emit "| tool | phrase search | facets with counts | spelling | synonyms | as-you-type | snippets |"
emit "|---|---|---|---|---|---|---|"
emit "| fibrokb-search / engine | $F_PHRASE_FK | $F_FACET_FK | $F_SPELL_FK | $F_SYN_FK | $F_AYT_FK | $F_SNIP_FK |"
[ -n "$row_quest" ] && emit "$row_quest"
[ -n "$row_omega" ] && emit "$row_omega"
[ -n "$row_recoll" ] && emit "$row_recoll"
emit ""
if [ -n "$REPORT" ]; then cp "$OUT" "$REPORT"; say "Report written to $REPORT"; fi
