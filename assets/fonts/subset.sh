#!/usr/bin/env bash
# Makes the report's fonts: DejaVu Sans (regular and bold, from Debian's fonts-dejavu-core)
# cut down to the Latin scripts and the punctuation French text uses (é è ê à ç œ « » ’ …,
# dashes, bullets, €), so that every synthesis embeds ~100 KB of font instead of 1.5 MB.
# printpdf subsets fonts only with its heavy `text_layout` feature; this is the light way.
#
#   pip install fonttools && apt-get install fonts-dejavu-core && bash assets/fonts/subset.sh
set -euo pipefail
cd "$(dirname "$0")"
src=/usr/share/fonts/truetype/dejavu
ranges="U+0020-007E,U+00A0-024F,U+02B0-02FF,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-2199,U+2212,U+2260-2265,U+25A0-25CF,U+FFFD"
for face in DejaVuSans DejaVuSans-Bold; do
  pyftsubset "$src/$face.ttf" --unicodes="$ranges" --layout-features='*' \
    --name-IDs='*' --name-languages='*' --notdef-outline --glyph-names \
    --output-file="$face-Latin.ttf"
done
ls -la ./*-Latin.ttf

# The app's fallback for right-to-left titles (Arabic, Hebrew), behind egui's own fonts:
# without it they would be drawn as boxes. The PDF does not embed it.
pyftsubset "$src/DejaVuSans.ttf" \
  --unicodes="U+0590-05FF,U+0600-06FF,U+0750-077F,U+FB1D-FB4F,U+FB50-FDFF,U+FE70-FEFF" \
  --layout-features='*' --name-IDs='*' --name-languages='*' --notdef-outline --glyph-names \
  --output-file="DejaVuSans-RTL.ttf"
ls -la ./DejaVuSans-RTL.ttf
