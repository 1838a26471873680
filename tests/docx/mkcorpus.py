#!/usr/bin/env python3
"""Make tests/docx/corpus/*.docx the way an office suite writes them.

Each source report (plain text) becomes a flat ODT (.fodt) written here, which
LibreOffice then converts to .docx (soffice --headless --convert-to docx), so
the .docx is LibreOffice's own OOXML, not ours.  Then LibreOffice renders the
.docx back to text (txt:Text (encoded):UTF8) into NAME.shown.txt, and this
script checks that the rendering gives back the source's lines.

Rules (see README.md):
  - blank (whitespace-only) lines are dropped; every other line is one
    paragraph, in order, its text kept exactly;
  - a line that starts with a heading marker 一、 / （一） (一) / 1. 1、 1． /
    （1） (1) loses the marker (and one space after it, when it has one) and
    gets automatic numbering instead: the outline numbering of the Heading N
    styles (level from the marker family: 一、 1, （一） 2, 1. 3, （1） 4),
    %1、 chineseCountingThousand, （%2） chineseCountingThousand, %3. decimal,
    （%4） decimal, label followed by nothing (or by a space when the source
    has one); a marker whose form or number the outline numbering would not
    give (000's lone half-width (二)) gets its own list or a restart;
  - the front lines (before the first heading, addressee, or long line) get
    the Title style (centred, 22pt);
  - gwr-2024-state-council: the lead sentence of each run-in task paragraph
    is bold in its own span, the rest of the paragraph not;
  - gwr-2026-qinghai: the standalone sentence headings get a Heading style
    (outline level one deeper than the numbered heading above) and no number.

Usage: mkcorpus.py [SRCROOT] [OUTDIR]   (defaults: the repository, ./corpus)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(HERE, '..', '..'))
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, 'corpus')

SOURCES = [
    'tests/corpus/000_6b9668183397f94f.txt',
    'tests/corpus/001_3dec04221fb15ce6.txt',
    'tests/corpus/002_5e0d0e6190e313b8.txt',
    'tests/corpus/003_31e37ca5113b7cf1.txt',
    'tests/corpus/004_4d7abf357b95ea80.txt',
    'tests/corpus/real/gwr-2024-state-council.txt',
    'tests/corpus/real/gwr-2026-qinghai.txt',
]

CN = '一二三四五六七八九十百'
MARKER = re.compile(
    r'^(?:'
    r'(?P<l1>[' + CN + r']+)(?P<s1>、)'
    r'|(?P<p2>[（(])(?P<l2>[' + CN + r']+)(?P<s2>[）)])'
    r'|(?P<l3>[0-9]+)(?P<s3>[.、．])(?![0-9])'
    r'|(?P<p4>[（(])(?P<l4>[0-9]+)(?P<s4>[）)])'
    r')(?P<sp> ?)')


def cn_value(s):
    """一 → 1 … 九十九 → 99 (enough for report headings)."""
    d = {c: i for i, c in enumerate('〇一二三四五六七八九')}
    if s == '十':
        return 10
    if '百' in s:
        raise ValueError(s)
    if '十' in s:
        a, b = s.split('十')
        return (d[a] if a else 1) * 10 + (d[b] if b else 0)
    return d[s]


def parse_marker(line):
    """(level 1-4, number, (prefix, suffix, space)) or None."""
    m = MARKER.match(line)
    if not m:
        return None
    for lv in (1, 2, 3, 4):
        if m.group('l%d' % lv):
            num = m.group('l%d' % lv)
            n = cn_value(num) if lv <= 2 else int(num)
            pre = m.group('p%d' % lv) if lv in (2, 4) else ''
            return lv, n, (pre, m.group('s%d' % lv), m.group('sp')), m.end()
    return None


FORMATS = {1: '一, 二, 三, ...', 2: '一, 二, 三, ...', 3: '1', 4: '1'}
HEADLEN = 40   # a front line is shorter than this


def level_xml(tag, lv, form):
    pre, suf, sp = form
    follow = 'space' if sp else 'nothing'
    # the label's character style carries zh-CN: LibreOffice then writes
    # chineseCountingThousand, not taiwaneseCountingThousand
    return ('<text:%s text:level="%d" text:style-name="NumLabel" style:num-prefix="%s" '
            'style:num-suffix="%s" style:num-format="%s">'
            '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
            '<style:list-level-label-alignment text:label-followed-by="%s"/>'
            '</style:list-level-properties></text:%s>'
            % (tag, lv, escape(pre), escape(suf), FORMATS[lv], follow, tag))


def para_text(s):
    """ODF paragraph content: every space a text:s (ODF collapses spaces)."""
    out = []
    for ch in s:
        if ch == ' ':
            out.append('<text:s/>')
        elif ch == '\t':
            out.append('<text:tab/>')
        else:
            out.append(escape(ch))
    return ''.join(out)


def lead_split(name, text):
    """For the State Council report: (lead, rest) when the paragraph runs in
    with a bold lead sentence, else None."""
    if name != 'gwr-2024-state-council':
        return None
    i = text.find('。')
    if i < 0 or i + 1 >= len(text):
        return None
    lead = text[:i + 1]
    if len(lead) > 26 or '，' in lead or lead.startswith('——') or '：' in lead:
        return None
    return lead, text[i + 1:]


def sentence_heading(name, text):
    """For the Qinghai report: a standalone sentence heading."""
    return (name == 'gwr-2026-qinghai' and text.endswith('。') and len(text) <= 30
            and '，' not in text)


def build(src):
    name = os.path.basename(src)[:-4]
    lines = [l for l in open(src, encoding='utf-8').read().split('\n') if l.strip()]
    marks = [parse_marker(l) for l in lines]
    # the main form of each level: the commonest
    forms = {}
    for m in marks:
        if m:
            forms.setdefault(m[0], {}).setdefault(m[2], 0)
            forms[m[0]][m[2]] += 1
    main = {lv: max(c, key=c.get) for lv, c in forms.items()}
    for lv in (1, 2, 3, 4):
        main.setdefault(lv, ('（' if lv in (2, 4) else '', {1: '、', 3: '.'}.get(lv, '）'), ''))
    others = []          # list styles for forms that are not the main one
    # front lines
    front = 0
    while (front < len(lines) and not marks[front] and len(lines[front]) < HEADLEN
           and not lines[front].endswith('：')):
        front += 1
    # the title: the front lines up to the first that ends like one (a
    # report's dateline, speaker or page date is no title)
    title_end = 0
    for i in range(front):
        if lines[i].rstrip().endswith(('报告', '总结', '情况')):
            title_end = i
            break
    body = []
    count = {1: 0, 2: 0, 3: 0, 4: 0}   # the outline numbering's counters
    depth = 0                          # level of the last numbered heading
    expect = []                        # what the rendering must give back
    flags = []                         # and the flag of each paragraph
    for i, line in enumerate(lines):
        m = marks[i]
        if i < front and i > title_end:
            body.append('<text:p text:style-name="Standard">%s</text:p>' % para_text(line))
            expect.append((line, False))
            flags.append(None)
            continue
        if i < front:
            body.append('<text:p text:style-name="Title">%s</text:p>' % para_text(line))
            expect.append((line, False))
            flags.append('title')
            continue
        if m:
            lv, n, form, end = m
            text = line[end:]
            depth = lv
            h = 'text:style-name="Heading_20_%d" text:outline-level="%d"' % (lv, lv)
            plain = form == main[lv] and count[lv] + 1 == n
            if plain:
                body.append('<text:h %s>%s</text:h>' % (h, para_text(text)))
            elif form == main[lv]:
                body.append('<text:h %s text:restart-numbering="true" text:start-value="%d">%s</text:h>'
                            % (h, n, para_text(text)))
            else:
                if form not in others:
                    others.append(form)
                ls = 'Lform%d' % (others.index(form) + 1)
                inner = '<text:h %s>%s</text:h>' % (h, para_text(text))
                for k in range(lv, 0, -1):
                    sv = ' text:start-value="%d"' % n if k == lv else ''
                    inner = '<text:list%s><text:list-item%s>%s</text:list-item></text:list>' % (
                        ' text:style-name="%s"' % ls if k == 1 else '', sv, inner)
                body.append(inner)
            if plain:
                # only the plain outline numbering moves its own counters:
                # a restart or another list has counters of its own (the
                # reader's rule), so later siblings restart explicitly too
                count[lv] = n
                for k in range(lv + 1, 5):
                    count[k] = 0
            expect.append((line, True))
            flags.append('outline=%d' % (lv - 1))
            continue
        if sentence_heading(name, line):
            lv = depth + 1
            body.append('<text:h text:style-name="Heading_20_%d" text:outline-level="%d" '
                        'text:is-list-header="true">%s</text:h>' % (lv, lv, para_text(line)))
            expect.append((line, False))
            flags.append('outline=%d' % (lv - 1))
            continue
        ls = lead_split(name, line)
        if ls:
            body.append('<text:p text:style-name="Text_20_body"><text:span text:style-name="Lead">%s</text:span>%s</text:p>'
                        % (para_text(ls[0]), para_text(ls[1])))
        else:
            body.append('<text:p text:style-name="Text_20_body">%s</text:p>' % para_text(line))
        expect.append((line, False))
        flags.append('lead' if ls else None)

    outline = ''.join(level_xml('outline-level-style', lv, main[lv]) for lv in (1, 2, 3, 4))
    liststyles = ''
    for j, form in enumerate(others):
        lvs = ''.join(level_xml('list-level-style-number', lv,
                                form if forms.get(lv, {}).get(form) else main[lv])
                      for lv in (1, 2, 3, 4))
        liststyles += '<text:list-style style:name="Lform%d">%s</text:list-style>' % (j + 1, lvs)
    heads = ''.join(
        '<style:style style:name="Heading_20_%d" style:display-name="Heading %d" style:family="paragraph" '
        'style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="%d" '
        'style:class="text"><style:text-properties fo:font-size="%dpt" style:font-size-asian="%dpt" '
        'fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>'
        % (lv, lv, lv, 16 - lv, 16 - lv) for lv in (1, 2, 3, 4, 5))
    doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="Noto Serif CJK SC" style:font-name-asian="Noto Serif CJK SC" fo:font-size="12pt" style:font-size-asian="12pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="NumLabel" style:family="text"><style:text-properties fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"/>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"/>
{heads}
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<text:outline-style style:name="Outline">{outline}</text:outline-style>
{liststyles}
</office:styles>
<office:automatic-styles><style:style style:name="Lead" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style></office:automatic-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body></office:document>
'''
    return name, doc, expect, flags


def same_but_dates(a, b):
    """True when the two packages differ only in docProps/core.xml."""
    import zipfile
    if not os.path.exists(b):
        return False
    za, zb = zipfile.ZipFile(a), zipfile.ZipFile(b)
    na = [n for n in za.namelist() if n != 'docProps/core.xml']
    nb = [n for n in zb.namelist() if n != 'docProps/core.xml']
    return na == nb and all(za.read(n) == zb.read(n) for n in na)


def soffice(args, cwd):
    subprocess.run(['soffice', '--headless'] + args, cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def check(name, shown, expect):
    """LibreOffice's text export: BOM, list labels indented and followed by a
    space whatever the suffix.  Undo that and compare line by line."""
    got = shown.lstrip('\ufeff').rstrip('\n').split('\n')
    bad = 0
    if len(got) != len(expect):
        print('%s: %d lines shown, %d expected' % (name, len(got), len(expect)))
        bad += 1
    for g, (e, numbered) in zip(got, expect):
        if numbered:
            g = g.lstrip(' ')
            m = parse_marker(e)
            lab = e[:m[3]].rstrip(' ')
            ok = g == lab + ' ' + e[m[3]:]
        else:
            ok = g == e
        if not ok:
            bad += 1
            print('%s: shown %r\n%s  expected %r' % (name, g[:60], ' ' * len(name), e[:60]))
    return bad


def main():
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix='mkcorpus.')
    bad = 0
    try:
        for src in SOURCES:
            name, doc, expect, flags = build(os.path.join(ROOT, src))
            fodt = os.path.join(tmp, name + '.fodt')
            with open(fodt, 'w', encoding='utf-8') as f:
                f.write(doc)
            soffice(['--convert-to', 'docx', '--outdir', tmp, fodt], tmp)
            new, dst = os.path.join(tmp, name + '.docx'), os.path.join(OUT, name + '.docx')
            if not same_but_dates(new, dst):   # keep the file when only its dates moved
                shutil.copy(new, dst)
            soffice(['--convert-to', 'txt:Text (encoded):UTF8', '--outdir', tmp,
                     os.path.join(OUT, name + '.docx')], tmp)
            shown = open(os.path.join(tmp, name + '.txt'), encoding='utf-8-sig').read()
            with open(os.path.join(OUT, name + '.shown.txt'), 'w', encoding='utf-8') as f:
                f.write(shown)
            b = check(name, shown, expect)
            # NAME.fmt: the flags this script meant (line = paragraph), which
            # render.py must read back from LibreOffice's .docx
            fmt = ''.join('%d\t%s\n' % (i + 1, f) for i, f in enumerate(flags) if f)
            with open(os.path.join(OUT, name + '.fmt'), 'w', encoding='utf-8') as f:
                f.write(fmt)
            sys.path.insert(0, HERE)
            sys.dont_write_bytecode = True
            import render
            got = render.Doc(os.path.join(OUT, name + '.docx')).render()
            if ''.join(l + '\n' for l in got[0]) != ''.join(e + '\n' for e, _ in expect):
                print('%s: render.py does not give the source lines' % name)
                b += 1
            if ''.join('%d\t%s\n' % f for f in got[1]) != fmt:
                print('%s: render.py does not give the flags' % name)
                b += 1
            print('%s: %d paragraphs, %s' % (name, len(expect), 'ok' if not b else '%d differ' % b))
            bad += b
    finally:
        if os.environ.get('KEEP'):
            print('kept', tmp)
        else:
            shutil.rmtree(tmp)
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
