#!/bin/sh
# Regenerate tests/docx/{corpus,cases,hostile}.  Needs python3 and, for the
# corpus (and hostile/writer.odt, word97.doc), LibreOffice (soffice) with
# fonts-noto-cjk.  make check needs none of this: the outputs are committed.
set -e
cd "$(dirname "$0")"
python3 mkcorpus.py
python3 mkcases.py
python3 mkhostile.py
