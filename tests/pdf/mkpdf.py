#!/usr/bin/env python3
"""Make tests/pdf/*.pdf: the reports of tests/docx/corpus typeset as GB/T 9704
prescribes (as far as LibreOffice allows), and what pdftotext makes of them.

For each source text of tests/docx/mkcorpus.py this script takes the flat
ODT that mkcorpus.py writes (same paragraphs, same styles, same automatic
numbering as NAME.docx), puts a GB/T 9704 page on it, lets LibreOffice write
the PDF (soffice --headless --convert-to pdf), and runs

    pdftotext -enc UTF-8 NAME.pdf NAME.txt
    pdftotext -enc UTF-8 -layout NAME.pdf NAME.layout.txt
    rpt-sections -N -i SOURCE | cut -f3-10 > NAME.outline.tsv

and writes textdiff.tsv: where the text with its furniture taken off
(strip_furniture) still differs from the source.

The page (see README.md): A4; type area 449 pt wide (28 characters of 16 pt,
plus 1 pt so that 28 fit) and 22 lines of 29 pt (= 225 mm / 22); body, headings
16 pt (三号), title 22 pt (二号) centred; body paragraphs and headings indented
two characters, justified; page number `— N —` in the footer, 14 pt (四号), on
odd pages at the right and even pages at the left, one character from the edge
of the type area (GB/T 9704 7.5) or centred (CENTRED below); a running header
for the documents in HEADERS; unnumbered (sentence) headings as bold indented
paragraphs.  check() fails the run when a page does not hold 22 lines of at
most 28 characters.

Usage: mkpdf.py [OUTDIR]     (default: the directory of this script)
Environment: RPT_SECTIONS (default: ROOT/bin/rpt-sections), KEEP=1 keeps the
temporary directory with the .fodt files.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
OUT = sys.argv[1] if len(sys.argv) > 1 else HERE
SECTIONS = os.environ.get('RPT_SECTIONS', os.path.join(ROOT, 'bin', 'rpt-sections'))

# mkcorpus.py reads its arguments at import: give it none
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(ROOT, 'tests', 'docx'))
_argv, sys.argv = sys.argv, sys.argv[:1]
import mkcorpus  # noqa: E402
sys.argv = _argv

# running headers (the issuer, as a printed copy often has it)
HEADERS = {
    '002_5e0d0e6190e313b8': '吴忠市利通区扁担沟镇人民政府',
    'gwr-2024-state-council': '2024年国务院政府工作报告',
    'gwr-2026-qinghai': '青海省人民政府　政府工作报告',
}
# page number centred instead of GB/T's odd-right, even-left
# also typeset with LibreOffice's default spacing between CJK and Latin
# letters or digits (style:text-autospace ideograph-alpha, Word's 自动调整中文与
# 西文/数字的间距): NAME.autospace.pdf and its text, no outline
AUTOSPACE = ['tests/corpus/001_3dec04221fb15ce6.txt']
CENTRED = {'000_6b9668183397f94f', '003_31e37ca5113b7cf1'}

PT_MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * PT_MM, 297 * PT_MM      # A4
BODY_W = 28 * 16 + 1                           # 28 characters of 16 pt
LINE = 29                                      # 225 mm / 22 lines = 28.99 pt
BODY_H = 22 * LINE + 2
LEFT = 28 * PT_MM                              # GB/T 9704: 订口 28 mm
TOP = 37 * PT_MM                               # 天头 37 mm
RIGHT = PAGE_W - LEFT - BODY_W
HF_SPACE = 7 * PT_MM                           # page number 7 mm below the type area
HF_H = 20                                      # header or footer height, spacing excluded
BOTTOM = PAGE_H - TOP - BODY_H                 # from the type area to the page edge


def page_styles(name):
    """Automatic styles (page layout, header/footer paragraphs) and the
    master page."""
    header = HEADERS.get(name)
    top = TOP - (HF_H + HF_SPACE if header else 0)
    bottom = BOTTOM - HF_H - HF_SPACE
    hf = ('<style:header-footer-properties fo:min-height="%.2fpt" fo:margin-%s="%.2fpt" '
          'fo:margin-left="0pt" fo:margin-right="0pt" style:dynamic-spacing="false"/>')
    layout = (
        '<style:page-layout style:name="GBT9704" style:page-usage="all">'
        '<style:page-layout-properties fo:page-width="%.2fpt" fo:page-height="%.2fpt" '
        'style:print-orientation="portrait" fo:margin-top="%.2fpt" fo:margin-bottom="%.2fpt" '
        'fo:margin-left="%.2fpt" fo:margin-right="%.2fpt" style:writing-mode="lr-tb"/>'
        '<style:header-style>%s</style:header-style>'
        '<style:footer-style>%s</style:footer-style>'
        '</style:page-layout>'
        % (PAGE_W, PAGE_H, top, bottom, LEFT, RIGHT,
           (hf % (HF_H, 'bottom', HF_SPACE)) if header else '',
           hf % (HF_H, 'top', HF_SPACE)))
    one = 14   # one character of the page number's 四号 (14 pt)
    paras = (
        '<style:style style:name="PgOdd" style:family="paragraph" style:parent-style-name="Footer">'
        '<style:paragraph-properties fo:text-align="%s" fo:margin-right="%dpt" fo:margin-left="%dpt"/></style:style>'
        '<style:style style:name="PgEven" style:family="paragraph" style:parent-style-name="Footer">'
        '<style:paragraph-properties fo:text-align="%s" fo:margin-left="%dpt" fo:margin-right="%dpt"/></style:style>'
        % (('center', 0, 0, 'center', 0, 0) if name in CENTRED else
           ('end', one, 0, 'start', one, 0)))
    num = '— <text:page-number text:select-page="current">1</text:page-number> —'
    master = (
        '<style:master-page style:name="Standard" style:page-layout-name="GBT9704">'
        '%s'
        '<style:footer><text:p text:style-name="PgOdd">%s</text:p></style:footer>'
        '<style:footer-left><text:p text:style-name="PgEven">%s</text:p></style:footer-left>'
        '</style:master-page>'
        % ('<style:header><text:p text:style-name="Header">%s</text:p></style:header>' % header
           if header else '', num, num))
    return layout + paras, master


def gbt(name, doc, autospace=False):
    """Turn mkcorpus.py's flat ODT into a GB/T 9704 page."""
    fixed = ('fo:line-height="%dpt" fo:margin-top="0pt" fo:margin-bottom="0pt"' % LINE)
    # body 16 pt, fixed lines, no space between paragraphs
    doc = doc.replace(
        '<style:default-style style:family="paragraph"><style:text-properties',
        '<style:default-style style:family="paragraph"><style:paragraph-properties %s '
        'style:punctuation-wrap="hanging" style:line-break="strict"%s/><style:text-properties'
        % (fixed, '' if autospace else ' style:text-autospace="none"'))
    doc = doc.replace('fo:font-size="12pt" style:font-size-asian="12pt"',
                      'fo:font-size="16pt" style:font-size-asian="16pt"')
    # the styles mkcorpus.py defines: give each its paragraph properties
    indent = 'fo:text-indent="32pt" fo:text-align="justify"'
    props = {
        'Standard': fixed,
        'Text_20_body': '%s %s' % (fixed, indent),
        'Heading': fixed,
    }
    for st, p in props.items():
        doc = re.sub(r'(<style:style style:name="%s"[^>]*?)/>' % st,
                     r'\1><style:paragraph-properties %s/></style:style>' % p, doc, count=1)
    # headings: 16 pt like the body (GB/T 9704 7.3.3), indented two characters
    doc = re.sub(r'fo:font-size="1[2-5]pt" style:font-size-asian="1[2-5]pt"',
                 'fo:font-size="16pt" style:font-size-asian="16pt"', doc)
    doc = re.sub(r'(<style:style style:name="Heading_20_\d"[^>]*>)',
                 r'\1<style:paragraph-properties %s %s/>' % (fixed, indent), doc)
    # the outline numbering's own indent (label alignment) would override
    # the paragraphs' and leave unnumbered headings (list headers) flush left
    doc = re.sub(r'<style:list-level-label-alignment text:label-followed-by="(\w+)"/>',
                 r'<style:list-level-label-alignment text:label-followed-by="\1" '
                 r'fo:text-indent="32pt" fo:margin-left="0pt"/>', doc)
    # unnumbered headings (Qinghai's sentence headings): LibreOffice starts a
    # list header at the list's indent, flush left; typeset them as bold
    # paragraphs with the body's indent (the PDF has no outline anyway)
    doc = re.sub(r'<text:h [^>]*text:is-list-header="true">(.*?)</text:h>',
                 r'<text:p text:style-name="SentenceHeading">\1</text:p>', doc)
    doc = doc.replace('</office:styles>',
                      '<style:style style:name="SentenceHeading" style:family="paragraph" '
                      'style:parent-style-name="Text_20_body"><style:text-properties '
                      'fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>'
                      '</office:styles>')
    # the title: 二号, centred, no indent
    doc = doc.replace('<style:paragraph-properties fo:text-align="center"/>',
                      '<style:paragraph-properties fo:text-align="center" fo:text-indent="0pt" %s/>' % fixed)
    # header and footer paragraphs
    hf = ('<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">'
          '<style:paragraph-properties fo:text-align="center" fo:line-height="100%" fo:margin-top="0pt" fo:margin-bottom="0pt"/>'
          '<style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>'
          '<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">'
          '<style:paragraph-properties fo:line-height="100%" fo:margin-top="0pt" fo:margin-bottom="0pt"/>'
          '<style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>')
    doc = doc.replace('</office:styles>', hf + '</office:styles>')
    auto, master = page_styles(name)
    doc = doc.replace('<office:automatic-styles>', '<office:automatic-styles>' + auto)
    doc = doc.replace('</office:automatic-styles>',
                      '</office:automatic-styles><office:master-styles>%s</office:master-styles>' % master)
    return doc


def check(name, txt):
    """Every page but the last (and page 1 of a report with a header) holds 22 text lines, besides its number and
    header; a line of CJK text only holds 28 characters, 29 with a hanging
    punctuation mark."""
    furniture = set(HEADERS.get(name, '').split('\u3000')) | {''}
    pages = open(txt, encoding='utf-8').read().split('\f')[:-1]
    bad = 0
    for i, page in enumerate(pages[:-1]):
        if i == 0 and name in HEADERS:
            continue    # a header's text can be a title's too, U+3000 splits lines
        lines = [l for l in page.split('\n')
                 if l not in furniture and not re.fullmatch(r'— ?%d ?—' % (i + 1), l)]
        if len(lines) != 22:
            print('%s: page %d has %d lines' % (txt, i + 1, len(lines)))
            bad += 1
        for l in lines:
            if re.fullmatch(r'[\u3000-\u9fff\uff00-\uffef“”‘’—…·]+', l) and (
                    len(l) > 29 or len(l) == 29 and l[-1] not in '，。、；：？！”’）》'):
                print('%s: page %d: %d characters: %s' % (txt, i + 1, len(l), l))
                bad += 1
    return bad


def same_but_dates(new, old):
    """True when the PDFs differ only in dates, ID and checksum (a rerun
    then keeps the committed file)."""
    if not os.path.exists(old):
        return False

    def norm(path):
        x = open(path, 'rb').read()
        x = re.sub(rb"D:\d{14}[-+Z]?[0-9']*", b'D:', x)
        x = re.sub(rb'/ID \[ <[0-9A-F]+>\s*<[0-9A-F]+> \]', b'/ID[]', x)
        return re.sub(rb'/DocChecksum ?/[0-9A-F]+', b'', x)
    return norm(new) == norm(old)


def strip_furniture(name, text):
    """The text of a pdftotext output without its furniture, joined: per
    page (form feed), the header's lines and empty lines at the top, the page
    number and empty lines at the foot; leading spaces off; lines joined with
    nothing.  The simplest reading that knows the header (the rule a reader
    needs, with the header found by repetition instead)."""
    parts = HEADERS.get(name, '').split('\u3000')
    out = []
    for i, page in enumerate(text.split('\f')[:-1]):
        lines = [l.strip(' ') for l in page.split('\n')]
        left = list(parts) if HEADERS.get(name) else []   # each part once, in order
        while lines:
            if lines[0] == '':
                lines.pop(0)
            elif left and lines[0] == left[0]:
                lines.pop(0)
                left.pop(0)
            elif left and re.sub(' +', '\u3000', lines[0]) == HEADERS[name]:
                lines.pop(0)
                left = []
            else:
                break
        while lines and (lines[-1] == '' or re.fullmatch(r'— ?%d ?—' % (i + 1), lines[-1])):
            lines.pop()
        out += lines
    return ''.join(out)


def textdiff(name, src, out, mode):
    """Rows file, mode, source, pdf: where the text without furniture
    differs from the source's non-blank lines joined (8 characters of
    context each side; U+3000 shown as \\u3000)."""
    import difflib
    a = ''.join(l for l in open(src, encoding='utf-8').read().split('\n') if l.strip())
    b = strip_furniture(name, open(out, encoding='utf-8').read())
    rows = []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i, j, k, m in sm.get_opcodes():
        if op != 'equal':
            rows.append('%s\t%s\t%s\t%s\n' % (name, mode,
                        a[max(0, i - 8):j + 8].replace('\u3000', '\\u3000'),
                        b[max(0, k - 8):m + 8].replace('\u3000', '\\u3000')))
    return rows


def run(cmd, **kw):
    subprocess.run(cmd, check=True, **kw)


def main():
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix='mkpdf.')
    bad = 0
    diffs = ['file\tmode\tsource\tpdf\n']
    try:
        jobs = [(src, '') for src in mkcorpus.SOURCES] + [(s, '.autospace') for s in AUTOSPACE]
        for src, tail in jobs:
            name, doc, _, _ = mkcorpus.build(os.path.join(ROOT, src))
            out = name + tail
            fodt = os.path.join(tmp, out + '.fodt')
            with open(fodt, 'w', encoding='utf-8') as f:
                f.write(gbt(name, doc, autospace=bool(tail)))
            run(['soffice', '--headless', '--convert-to', 'pdf', '--outdir', tmp, fodt],
                cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            pdf = os.path.join(OUT, out + '.pdf')
            if not same_but_dates(os.path.join(tmp, out + '.pdf'), pdf):
                shutil.copy(os.path.join(tmp, out + '.pdf'), pdf)
            run(['pdftotext', '-enc', 'UTF-8', pdf, os.path.join(OUT, out + '.txt')])
            run(['pdftotext', '-enc', 'UTF-8', '-layout', pdf, os.path.join(OUT, out + '.layout.txt')])
            if not tail:
                rows = subprocess.run([SECTIONS, '-N', '-i', os.path.join(ROOT, src)], check=True,
                                      stdout=subprocess.PIPE).stdout.decode('utf-8')
                with open(os.path.join(OUT, name + '.outline.tsv'), 'w', encoding='utf-8') as f:
                    f.write(''.join('\t'.join(r.split('\t')[2:10]) + '\n'
                                    for r in rows.split('\n') if r))
            bad += check(name, os.path.join(OUT, out + '.txt'))
            if not tail:
                diffs += textdiff(name, os.path.join(ROOT, src), os.path.join(OUT, out + '.txt'), 'raw')
                diffs += textdiff(name, os.path.join(ROOT, src), os.path.join(OUT, out + '.layout.txt'),
                                  'layout')
        with open(os.path.join(OUT, 'textdiff.tsv'), 'w', encoding='utf-8') as f:
            f.write(''.join(diffs))
            pages = subprocess.run(['pdfinfo', pdf], stdout=subprocess.PIPE).stdout.decode()
            pages = re.search(r'Pages:\s+(\d+)', pages).group(1)
            print('%s: %s pages, %d bytes' % (out, pages, os.path.getsize(pdf)))
    finally:
        if os.environ.get('KEEP'):
            print('kept', tmp)
        else:
            shutil.rmtree(tmp)
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
