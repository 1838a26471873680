#!/usr/bin/env python3
"""A reference rendering of a .docx by the rules in tests/docx/README.md.

Not the reader: a second, independent reading used to check the expected
files (cases/NAME.txt, NAME.fmt) and the corpus fixtures.  Python stdlib only.

Usage: render.py FILE.docx            prints the lines
       render.py -f FILE.docx         prints the .fmt rows (line<TAB>flag)
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

WNS = ('http://schemas.openxmlformats.org/wordprocessingml/2006/main',
       'http://purl.oclc.org/ooxml/wordprocessingml/main')
MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006'
RELNS = ('http://schemas.openxmlformats.org/package/2006/relationships',)


def ln(el):
    """local name if the element is in a WordprocessingML namespace."""
    t = el.tag
    if t.startswith('{'):
        ns, _, name = t[1:].partition('}')
        return name if ns in WNS else None
    return None


def mc(el, name):
    return el.tag == '{%s}%s' % (MC, name)


def attr(el, name):
    if el is None:
        return None
    for ns in WNS:
        v = el.get('{%s}%s' % (ns, name))
        if v is not None:
            return v
    return None


def child(el, name):
    if el is None:
        return None
    for c in el:
        if ln(c) == name:
            return c
    return None


def onoff(el):
    if el is None:
        return None
    v = attr(el, 'val')
    return v not in ('0', 'false', 'off')


# ---- number formats ----
def chinese(n, thousand):
    d = '〇一二三四五六七八九'
    if n == 0:
        return '〇'
    if not thousand:
        if n >= 100:
            return ''.join(d[int(c)] for c in str(n))
        if n < 10:
            return d[n]
        t, u = divmod(n, 10)
        return ('' if t == 1 else d[t]) + '十' + (d[u] if u else '')
    # chineseCountingThousand, up to 9999
    if n >= 10000:
        return str(n)
    out = ''
    units = [(1000, '千'), (100, '百'), (10, '十'), (1, '')]
    zero = False
    started = False
    for v, u in units:
        q = n // v % 10
        if q:
            if zero and started:
                out += '零'
            zero = False
            if not (v == 10 and q == 1 and not started):
                out += d[q]
            out += u
            started = True
        elif started:
            zero = True
    return out


def roman(n):
    vals = [(1000, 'M'), (900, 'CM'), (500, 'D'), (400, 'CD'), (100, 'C'), (90, 'XC'),
            (50, 'L'), (40, 'XL'), (10, 'X'), (9, 'IX'), (5, 'V'), (4, 'IV'), (1, 'I')]
    out = ''
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def fmt(n, f):
    if f == 'decimalZero':
        return '%02d' % n if n < 10 else str(n)
    if f == 'decimalFullWidth':
        return ''.join(chr(ord(c) - 0x30 + 0xFF10) for c in str(n))
    if f == 'decimalEnclosedCircle':
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if f == 'chineseCounting':
        return chinese(n, False)
    if f == 'chineseCountingThousand':
        return chinese(n, True)
    if f == 'ideographTraditional':
        return '甲乙丙丁戊己庚辛壬癸'[n - 1] if 1 <= n <= 10 else str(n)
    if f in ('upperLetter', 'lowerLetter'):
        s = chr(ord('A') + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)
        return s if f == 'upperLetter' else s.lower()
    if f in ('upperRoman', 'lowerRoman'):
        s = roman(n) if n > 0 else str(n)
        return s if f == 'upperRoman' else s.lower()
    return str(n)


class Doc:
    def __init__(self, path):
        self.z = zipfile.ZipFile(path)
        names = self.z.namelist()
        main = 'word/document.xml'
        if '_rels/.rels' in names:
            for r in ET.fromstring(self.z.read('_rels/.rels')):
                if r.get('Type', '').endswith('/officeDocument'):
                    main = r.get('Target').lstrip('/')
        self.main = main
        base = main.rsplit('/', 1)[0]
        rels = '%s/_rels/%s.rels' % (base, main.rsplit('/', 1)[1])
        self.parts = {}
        if rels in names:
            for r in ET.fromstring(self.z.read(rels)):
                t = r.get('Type', '').rsplit('/', 1)[-1]
                self.parts[t] = base + '/' + r.get('Target')
        self.styles = {}
        self.default_sz = 20
        self.default_b = False
        self.load_styles()
        self.abstract = {}
        self.nums = {}
        self.load_numbering()
        self.counters = {}
        self.started = set()

    def part(self, kind):
        p = self.parts.get(kind)
        if p and p in self.z.namelist():
            return ET.fromstring(self.z.read(p))
        return None

    def load_styles(self):
        root = self.part('styles')
        if root is None:
            return
        dd = child(root, 'docDefaults')
        rpr = child(child(dd, 'rPrDefault'), 'rPr')
        if child(rpr, 'sz') is not None:
            self.default_sz = int(attr(child(rpr, 'sz'), 'val'))
        if child(rpr, 'b') is not None:
            self.default_b = onoff(child(rpr, 'b'))
        for s in root:
            if ln(s) != 'style':
                continue
            ppr = child(s, 'pPr')
            rpr = child(s, 'rPr')
            np = child(ppr, 'numPr')
            st = {
                'type': attr(s, 'type'),
                'name': attr(child(s, 'name'), 'val') or '',
                'basedOn': attr(child(s, 'basedOn'), 'val'),
                'numId': attr(child(np, 'numId'), 'val'),
                'ilvl': attr(child(np, 'ilvl'), 'val'),
                'outline': attr(child(ppr, 'outlineLvl'), 'val'),
                'jc': attr(child(ppr, 'jc'), 'val'),
                'b': onoff(child(rpr, 'b')),
                'sz': attr(child(rpr, 'sz'), 'val'),
            }
            self.styles[attr(s, 'styleId')] = st

    def chain(self, sid):
        seen = set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            yield self.styles[sid]
            sid = self.styles[sid]['basedOn']

    def sprop(self, sid, key):
        for st in self.chain(sid):
            if st[key] is not None:
                return st[key]
        return None

    def load_numbering(self):
        root = self.part('numbering')
        if root is None:
            return
        for a in root:
            if ln(a) == 'abstractNum':
                self.abstract[attr(a, 'abstractNumId')] = {
                    int(attr(l, 'ilvl')): l for l in a if ln(l) == 'lvl'}
        for n in root:
            if ln(n) == 'num':
                ov = {}
                for o in n:
                    if ln(o) == 'lvlOverride':
                        ov[int(attr(o, 'ilvl'))] = o
                self.nums[attr(n, 'numId')] = (attr(child(n, 'abstractNumId'), 'val'), ov)

    def level(self, numId, ilvl):
        aid, ov = self.nums[numId]
        o = ov.get(ilvl)
        if o is not None and child(o, 'lvl') is not None:
            return child(o, 'lvl')
        return self.abstract.get(aid, {}).get(ilvl)

    def start(self, numId, ilvl):
        aid, ov = self.nums[numId]
        o = ov.get(ilvl)
        if o is not None and child(o, 'startOverride') is not None:
            return int(attr(child(o, 'startOverride'), 'val'))
        lv = self.level(numId, ilvl)
        s = attr(child(lv, 'start'), 'val')
        return int(s) if s is not None else 0

    def marker(self, numId, ilvl):
        if numId is None or numId == '0' or numId not in self.nums:
            return ''
        aid, ov = self.nums[numId]
        # One counter per abstractNum; a num's startOverride sets it once,
        # at the num's first paragraph of that level.
        c = self.counters.setdefault(('abs', aid), {})
        lv = self.level(numId, ilvl)
        if lv is None:
            return ''
        o = ov.get(ilvl)
        if o is not None and child(o, 'startOverride') is not None and (numId, ilvl) not in self.started:
            self.started.add((numId, ilvl))
            c[ilvl] = self.start(numId, ilvl)
        else:
            c[ilvl] = c[ilvl] + 1 if c.get(ilvl) is not None else self.start(numId, ilvl)
        for k in range(ilvl + 1, 9):
            klv = self.level(numId, k)
            r = attr(child(klv, 'lvlRestart'), 'val') if klv is not None else None
            if r is None or (int(r) > 0 and ilvl + 1 <= int(r)):
                c[k] = None
        nf = attr(child(lv, 'numFmt'), 'val') or 'decimal'
        text = attr(child(lv, 'lvlText'), 'val') or ''
        lgl = onoff(child(lv, 'isLgl'))
        if nf == 'bullet':
            return ''
        if nf == 'none':
            text = re.sub(r'%[1-9]', '', text)
        else:
            def rep(m):
                k = int(m.group(1)) - 1
                v = c.get(k)
                if v is None:
                    v = self.start(numId, k)
                klv = self.level(numId, k)
                kf = attr(child(klv, 'numFmt'), 'val') if klv is not None else 'decimal'
                return fmt(v, 'decimal' if lgl else kf)
            text = re.sub(r'%([1-9])', rep, text)
        suff = attr(child(lv, 'suff'), 'val') or 'tab'
        return text + {'tab': '\t', 'space': ' '}.get(suff, '')

    # ---- text ----
    def render(self):
        root = ET.fromstring(self.z.read(self.main))
        body = child(root, 'body')
        self.lines = []
        self.flags = []
        self.first_nonempty = True
        self.fld = []
        self.block(body)
        return self.lines, self.flags

    def block(self, el):
        for c in el:
            n = ln(c)
            if n == 'p':
                self.para(c)
            elif n == 'tbl':
                for tr in c:
                    if ln(tr) == 'tr':
                        for tc in tr:
                            if ln(tc) == 'tc':
                                self.block(tc)
            elif n in ('sdt',):
                self.block(child(c, 'sdtContent'))
            elif n in ('customXml', 'ins', 'moveTo', 'sdtContent'):
                self.block(c)
            elif mc(c, 'AlternateContent'):
                ch = [x for x in c if mc(x, 'Choice')]
                if ch:
                    self.block(ch[0])

    def para(self, p):
        ppr = child(p, 'pPr')
        sid = attr(child(ppr, 'pStyle'), 'val')
        np = child(ppr, 'numPr')
        numId = attr(child(np, 'numId'), 'val')
        ilvl = attr(child(np, 'ilvl'), 'val')
        if numId is None:
            numId = self.sprop(sid, 'numId')
            if ilvl is None:
                ilvl = self.sprop(sid, 'ilvl')
        mark = self.marker(numId, int(ilvl or 0)) if numId else ''
        runs = []          # (text, bold, sz)
        pre = []           # text box paragraphs: lines before this one
        saved = self.lines
        self.runs(p, runs, pre, sid)
        self.lines = saved
        for l, f in pre:
            self.lines.append(l)
            self.flags.extend((len(self.lines), x) for x in f)
        text = mark + ''.join(t for t, b, s in runs)
        first = len(self.lines) + 1
        self.lines.extend(text.split('\n'))
        # flags
        ol = attr(child(ppr, 'outlineLvl'), 'val')
        if ol is None:
            for st in self.chain(sid):
                if st['outline'] is not None:
                    ol = st['outline']
                    break
                m = re.fullmatch(r'heading ([1-9])', st['name'], re.I)
                if m:
                    ol = str(int(m.group(1)) - 1)
                    break
        if ol is not None and int(ol) < 9:
            self.flags.append((first, 'outline=%s' % ol))
        body = ''.join(t for t, b, s in runs)
        i = 0
        while i < len(runs) and runs[i][1]:
            i += 1
        lead = ''.join(t for t, b, s in runs[:i])
        rest = ''.join(t for t, b, s in runs[i:])
        if lead.endswith('。') and rest.strip():
            self.flags.append((first, 'lead'))
        is_title = any(st['name'].lower() == 'title' for st in self.chain(sid))
        if body.strip() and self.first_nonempty:
            self.first_nonempty = False
            jc = attr(child(ppr, 'jc'), 'val') or self.sprop(sid, 'jc')
            szs = [s for t, b, s in runs if t.strip()]
            if jc == 'center' and szs and max(szs) > self.default_sz:
                is_title = True
        if is_title:
            self.flags.append((first, 'title'))

    def runs(self, el, out, pre, sid):
        for c in el:
            n = ln(c)
            if n == 'r':
                self.run(c, out, pre, sid)
            elif n in ('ins', 'moveTo', 'hyperlink', 'smartTag', 'customXml', 'fldSimple', 'sdtContent', 'dir', 'bdo'):
                self.runs(c, out, pre, sid)
            elif n == 'sdt':
                self.runs(child(c, 'sdtContent'), out, pre, sid)
            elif mc(c, 'AlternateContent'):
                ch = [x for x in c if mc(x, 'Choice')]
                if ch:
                    self.runs(ch[0], out, pre, sid)

    def run(self, r, out, pre, sid):
        rpr = child(r, 'rPr')
        b = onoff(child(rpr, 'b'))
        if b is None:
            rs = attr(child(rpr, 'rStyle'), 'val')
            b = self.sprop(rs, 'b') if rs else None
        if b is None:
            b = self.sprop(sid, 'b')
        if b is None:
            b = self.default_b
        sz = attr(child(rpr, 'sz'), 'val') or self.sprop(sid, 'sz') or self.default_sz
        sz = int(sz)
        def emit(t):
            if 'code' not in self.fld:
                out.append((t, b, sz))
        self.walk_run(r, emit, pre)

    def walk_run(self, el, emit, pre):
        for c in el:
            n = ln(c)
            if n == 't':
                emit(c.text or '')
            elif n == 'tab':
                emit('\t')
            elif n in ('br', 'cr'):
                emit('\n')
            elif n == 'noBreakHyphen':
                emit('\u2011')
            elif n == 'sym':
                v = int(attr(c, 'char'), 16)
                emit(chr(v - 0xF000 if 0xF000 <= v <= 0xF0FF else v))
            elif n == 'fldChar':
                t = attr(c, 'fldCharType')
                if t == 'begin':
                    self.fld.append('code')
                elif t == 'separate' and self.fld:
                    self.fld[-1] = 'result'
                elif t == 'end' and self.fld:
                    self.fld.pop()
            elif n == 'txbxContent':
                self.lines = []
                mark = len(self.flags)
                self.block(c)
                fl = self.flags[mark:]
                del self.flags[mark:]
                for i, l in enumerate(self.lines, 1):
                    pre.append((l, [f for k, f in fl if k == i]))
            elif n in ('rPr', 'delText', 'instrText', 'softHyphen'):
                pass
            elif mc(c, 'AlternateContent'):
                ch = [x for x in c if mc(x, 'Choice')]
                if ch:
                    self.walk_run(ch[0], emit, pre)
            elif mc(c, 'Fallback'):
                pass
            else:
                self.walk_run(c, emit, pre)


def main():
    a = sys.argv[1:]
    flags = a and a[0] == '-f'
    if flags:
        a = a[1:]
    lines, fl = Doc(a[0]).render()
    if flags:
        for k, f in fl:
            print('%d\t%s' % (k, f))
    else:
        sys.stdout.write(''.join(l + '\n' for l in lines))


if __name__ == '__main__':
    main()
