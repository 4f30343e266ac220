#!/usr/bin/env bash
# Rebuilds sessions/atelier-exemple.ron from the CSV files of sessions/atelier-exemple/,
# through the command line's import, as a facilitator would. Run it after editing a CSV
# file: `bash sessions/regenerate.sh` (`cargo test --lib example` checks they agree).
# The details below are also in src/example.rs (TITLE, DATE, VENUE, ORGANISER).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --quiet --bin synergies
synergies=target/debug/synergies
csv=sessions/atelier-exemple
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$synergies" new "$tmp/atelier-exemple.ron" \
  --title "Atelier de détection de synergies — Bastides et Coteaux" \
  --date 2026-11-19 \
  --venue "Salle des fêtes de Sigoulès-et-Flaugeac" \
  --organiser "Pôle territorial de coopération des Bastides"
"$synergies" import "$tmp/atelier-exemple.ron" \
  --organisations "$csv/organisations.csv" \
  --fiches "$csv/fiches.csv" \
  --ideas "$csv/ideas.csv"
"$synergies" check "$tmp/atelier-exemple.ron"
mv "$tmp/atelier-exemple.ron" sessions/atelier-exemple.ron
echo "wrote sessions/atelier-exemple.ron"
