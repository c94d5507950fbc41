#!/usr/bin/env bash
# Make the WordNet tables (crates/nutgraf/data/lexicons/
# event_verbs_wordnet.tsv, event_nouns_wordnet.tsv, quote_verbs_wordnet.tsv,
# quote_nouns_wordnet.tsv, person_nouns_wordnet.txt, event_act_nouns_wordnet.txt,
# event_thing_nouns_wordnet.tsv, event_crime_nouns_wordnet.txt,
# event_time_nouns_wordnet.txt)
# from WordNet 3.0: fetch Debian's wordnet-base
# package (the database only, under the WordNet licence) into target/wordnet
# and run `nutgraf-eval wordnet-events` and `wordnet-reports` on it.
# Usage: scripts/wordnet-events.sh [DICT]   (DICT: an unpacked WordNet dict folder)
set -euo pipefail
cd "$(dirname "$0")/.."
dict="${1:-}"
if [ -z "$dict" ]; then
    dir=target/wordnet
    dict="$dir/root/usr/share/wordnet"
    if [ ! -f "$dict/data.noun" ]; then
        mkdir -p "$dir"
        # The tables in the repository were made from wordnet-base 1:3.0-37.
        (cd "$dir" && apt-get download wordnet-base)
        deb=$(ls "$dir"/wordnet-base_*.deb | head -n 1)
        dpkg -x "$deb" "$dir/root"
    fi
fi
cargo run --release -q -p nutgraf-eval -- wordnet-events "$dict"
cargo run --release -q -p nutgraf-eval -- wordnet-reports "$dict"
