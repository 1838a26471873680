#!/usr/bin/env python3
"""Write tests/docx/hostile/*: files a .docx reader must refuse or survive.
See hostile/README.md.  Needs soffice (Writer) only for word97.doc and
writer.odt; without it those two are kept as they are.
Usage: mkhostile.py [OUTDIR]   (default ./hostile)
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import warnings
import zlib
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'hostile')
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CT_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'


def ct(overrides):
    return XML + ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                  '<Default Extension="xml" ContentType="application/xml"/>%s</Types>'
                  % ''.join('<Override PartName="%s" ContentType="%s"/>' % o for o in overrides))


def rels(items):
    return XML + '<Relationships xmlns="%s">%s</Relationships>' % (PKG, ''.join(
        '<Relationship Id="%s" Type="%s/%s" Target="%s"/>' % i for i in items))


def info(name):
    zi = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
    zi.compress_type = zipfile.ZIP_DEFLATED
    return zi


def docx(path, document=None, extra=None, ctypes=True, stream=None):
    """a .docx; stream: (prefix, chunk, count, suffix) written in pieces"""
    over = [('/word/document.xml', CT_MAIN)]
    drels = []
    for name, (kind, data) in (extra or {}).items():
        over.append(('/' + name, 'application/vnd.openxmlformats-officedocument.wordprocessingml.%s+xml' % kind))
        drels.append(('rId%d' % (len(drels) + 1), REL, kind, name.split('/', 1)[1]))
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        if ctypes:
            z.writestr(info('[Content_Types].xml'), ct(over))
        z.writestr(info('_rels/.rels'), rels([('rId1', REL, 'officeDocument', 'word/document.xml')]))
        z.writestr(info('word/_rels/document.xml.rels'), rels(drels))
        if stream:
            pre, chunk, count, post = stream
            with z.open(info('word/document.xml'), 'w', force_zip64=True) as f:
                f.write(pre.encode())
                for _ in range(count):
                    f.write(chunk)
                f.write(post.encode())
        elif document is not None:
            z.writestr(info('word/document.xml'), document)
        for name, (kind, data) in (extra or {}).items():
            z.writestr(info(name), data)


def raw_zip(path, entries):
    """a ZIP written by hand; entries: (name, data, declared size or None)"""
    out, central = b'', b''
    for name, data, declared in entries:
        n = name.encode()
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        comp = c.compress(data) + c.flush()
        usize = len(data) if declared is None else declared
        crc = zlib.crc32(data)
        hdr = struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0, 8, 0, 0x21, crc, len(comp), usize, len(n), 0)
        central += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 20, 20, 0, 8, 0, 0x21, crc, len(comp), usize,
                               len(n), 0, 0, 0, 0, 0, len(out)) + n
        out += hdr + n + comp
    end = struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    with open(path, 'wb') as f:
        f.write(out + central + end)


def doc(body, ns=''):
    return XML + '<w:document xmlns:w="%s"%s><w:body>%s</w:body></w:document>' % (W, ns, body)


P = '<w:p><w:r><w:t>%s</w:t></w:r></w:p>'
HEAD = XML + '<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>' % W
TAIL = '</w:t></w:r></w:p></w:body></w:document>'


# ---- a minimal compound file (CFB, version 3, 512-byte sectors) ----
def cfb(path, streams):
    """streams: {name: bytes}; every stream is padded to 4096 bytes so that
    none goes to the mini stream."""
    ENDC, FREE, FATS = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    names = sorted(streams, key=lambda s: (len(s), s.upper()))
    datas = [streams[n] + b'\0' * max(0, 4096 - len(streams[n])) for n in names]
    ndir = (len(names) + 1 + 3) // 4
    fat = [FATS] + [ENDC if i == ndir - 1 else 2 + i for i in range(ndir)]
    starts = []
    for d in datas:
        n = (len(d) + 511) // 512
        first = len(fat)
        starts.append(first)
        fat += [first + i + 1 for i in range(n - 1)] + [ENDC]
    assert len(fat) <= 128, 'one FAT sector only'
    fat += [FREE] * (128 - len(fat))

    def entry2(name, typ, child, right, start, size):
        n = name.encode('utf-16-le') + b'\0\0'
        e = n.ljust(64, b'\0')
        e += struct.pack('<HBB', len(n), typ, 1)
        e += struct.pack('<III', FREE, right, child)
        e += b'\0' * 16            # CLSID
        e += struct.pack('<I', 0)  # state bits
        e += b'\0' * 16            # times
        e += struct.pack('<IQ', start, size)
        assert len(e) == 128
        return e
    dirs = entry2('Root Entry', 5, 1 if names else FREE, FREE, ENDC, 0)
    for i, (n, d) in enumerate(zip(names, datas)):
        dirs += entry2(n, 2, FREE, i + 2 if i + 1 < len(names) else FREE, starts[i], len(streams[n]) if len(streams[n]) >= 4096 else 4096)
    while len(dirs) % 512:
        dirs += b'\0' * 64 + struct.pack('<HBB', 0, 0, 0) + struct.pack('<III', FREE, FREE, FREE) + b'\0' * 52
    hdr = (bytes.fromhex('D0CF11E0A1B11AE1') + b'\0' * 16 + struct.pack('<HHHHH', 0x3E, 3, 0xFFFE, 9, 6)
           + b'\0' * 6 + struct.pack('<IIIIIIIII', 0, 1, 1, 0, 4096, ENDC, 0, ENDC, 0)
           + struct.pack('<I', 0) + struct.pack('<I', FREE) * 108)
    assert len(hdr) == 512
    with open(path, 'wb') as f:
        f.write(hdr + struct.pack('<128I', *fat) + dirs + b''.join(datas))


def main():
    os.makedirs(OUT, exist_ok=True)
    o = lambda n: os.path.join(OUT, n)
    # 1. zip bomb: document.xml inflates to 300 MiB of one character
    mib = b'a' * (1 << 20)
    docx(o('zip-bomb.docx'), stream=(HEAD, mib, 300, TAIL))
    # 2. ratio bomb: 20 MiB at ~1000:1
    docx(o('ratio-bomb.docx'), stream=(HEAD, mib, 20, TAIL))
    # 3. billion laughs
    ents = '<!ENTITY lol0 "lol">' + ''.join(
        '<!ENTITY lol%d "%s">' % (i, ('&lol%d;' % (i - 1)) * 10) for i in range(1, 10))
    docx(o('billion-laughs.docx'),
         '<?xml version="1.0"?>\n<!DOCTYPE w:document [%s]>\n' % ents
         + '<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>' % W)
    # 3b. an external entity (XXE): must not be fetched or read
    docx(o('xxe.docx'), '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
         + '<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>' % W)
    # 3c. a ZIP whose headers lie: document.xml says 1000 bytes, inflates to 20 MiB
    raw_zip(o('size-lie.docx'), [
        ('[Content_Types].xml', ct([('/word/document.xml', CT_MAIN)]).encode(), None),
        ('_rels/.rels', rels([('rId1', REL, 'officeDocument', 'word/document.xml')]).encode(), None),
        ('word/document.xml', HEAD.encode() + b'a' * (20 << 20) + TAIL.encode(), 1000)])
    # 3d. two entries named word/document.xml
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        with zipfile.ZipFile(o('duplicate-entry.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
            z.writestr(info('[Content_Types].xml'), ct([('/word/document.xml', CT_MAIN)]))
            z.writestr(info('_rels/.rels'), rels([('rId1', REL, 'officeDocument', 'word/document.xml')]))
            z.writestr(info('word/document.xml'), doc(P % '甲'))
            z.writestr(info('word/document.xml'), doc(P % '乙'))
    # 4. a million nested elements (inside a run, then sdt content)
    n = 1000000
    docx(o('deep-nesting.docx'), stream=(XML + '<w:document xmlns:w="%s"><w:body>' % W,
                                         b'<w:sdt><w:sdtContent>', n, '</w:sdtContent></w:sdt>' * n + '</w:body></w:document>'))
    # 4b. nesting past the reader's depth limit (600 levels) in a part too
    # small for the ratio cap to apply: the depth limit itself answers
    docx(o('nested-600.docx'), doc('<w:sdt><w:sdtContent>' * 600 + '<w:p><w:r><w:t>深</w:t></w:r></w:p>'
                                   + '</w:sdtContent></w:sdt>' * 600))
    # 5. numbering loop: abstractNum numStyleLink → style numPr → num → that abstractNum
    numbering = (XML + '<w:numbering xmlns:w="%s"><w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="LoopList"/>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>' % W)
    styles = (XML + '<w:styles xmlns:w="%s"><w:style w:type="numbering" w:styleId="LoopList"><w:name w:val="Loop List"/>'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="L"><w:name w:val="L"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              '</w:styles>' % W)
    docx(o('numbering-loop.docx'), doc('<w:p><w:pPr><w:pStyle w:val="L"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
                                     '</w:numPr></w:pPr><w:r><w:t>环</w:t></w:r></w:p>'),
         {'word/numbering.xml': ('numbering', numbering), 'word/styles.xml': ('styles', styles)})
    # 6. basedOn loop (and a self loop)
    styles = (XML + '<w:styles xmlns:w="%s">'
              '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="C"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="C"><w:name w:val="C"/><w:basedOn w:val="A"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="S"><w:name w:val="S"/><w:basedOn w:val="S"/></w:style>'
              '<w:style w:type="character" w:styleId="R"><w:name w:val="R"/><w:basedOn w:val="R"/></w:style>'
              '</w:styles>' % W)
    docx(o('basedon-loop.docx'), doc('<w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>'
                                    '<w:p><w:pPr><w:pStyle w:val="S"/></w:pPr><w:r><w:rPr><w:rStyle w:val="R"/></w:rPr><w:t>乙</w:t></w:r></w:p>'),
         {'word/styles.xml': ('styles', styles)})
    # 7. missing word/document.xml
    with zipfile.ZipFile(o('no-document.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr(info('[Content_Types].xml'), ct([('/word/document.xml', CT_MAIN)]))
        z.writestr(info('_rels/.rels'), rels([('rId1', REL, 'officeDocument', 'word/document.xml')]))
    # 8. missing [Content_Types].xml
    docx(o('no-content-types.docx'), doc(P % '无类型'), ctypes=False)
    # 9. truncated: a valid .docx cut in the middle
    tmp = tempfile.mkdtemp()
    full = os.path.join(tmp, 'full.docx')
    docx(full, doc(''.join(P % ('第%d段。' % i * 20) for i in range(200))))
    data = open(full, 'rb').read()
    open(o('truncated.docx'), 'wb').write(data[:len(data) // 2])
    # 10. a ZIP that is not Office
    with zipfile.ZipFile(o('plain.zip.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr(info('readme.txt'), '这不是 Word 文档。\n')
        z.writestr(info('data/report.txt'), '一、总体情况\n')
    # 11. xlsx and pptx: minimal valid packages (no Calc/Impress here)
    S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
    with zipfile.ZipFile(o('sheet.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr(info('[Content_Types].xml'), ct([
            ('/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
            ('/xl/worksheets/sheet1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml')]))
        z.writestr(info('_rels/.rels'), rels([('rId1', REL, 'officeDocument', 'xl/workbook.xml')]))
        z.writestr(info('xl/_rels/workbook.xml.rels'), rels([('rId1', REL, 'worksheet', 'worksheets/sheet1.xml')]))
        z.writestr(info('xl/workbook.xml'), XML + '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>' % (S, REL))
        z.writestr(info('xl/worksheets/sheet1.xml'), XML + '<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>调解</t></is></c><c r="B1"><v>34</v></c></row></sheetData></worksheet>' % S)
    Pn = 'http://schemas.openxmlformats.org/presentationml/2006/main'
    A = 'http://schemas.openxmlformats.org/drawingml/2006/main'
    with zipfile.ZipFile(o('slides.pptx'), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr(info('[Content_Types].xml'), ct([
            ('/ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'),
            ('/ppt/slides/slide1.xml', 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml')]))
        z.writestr(info('_rels/.rels'), rels([('rId1', REL, 'officeDocument', 'ppt/presentation.xml')]))
        z.writestr(info('ppt/_rels/presentation.xml.rels'), rels([('rId2', REL, 'slide', 'slides/slide1.xml')]))
        z.writestr(info('ppt/presentation.xml'), XML + '<p:presentation xmlns:p="%s" xmlns:r="%s"><p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst><p:sldSz cx="9144000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>' % (Pn, REL))
        z.writestr(info('ppt/slides/slide1.xml'), XML + '<p:sld xmlns:p="%s" xmlns:a="%s"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id="2" name="T"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:t>政府工作报告</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>' % (Pn, A))
    # 12. odt and Word 97 .doc from LibreOffice Writer
    fodt = os.path.join(tmp, 'writer.fodt')
    open(fodt, 'w', encoding='utf-8').write(
        '<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>'
        '<text:p>一、总体情况</text:p><text:p>正文。</text:p></office:text></office:body></office:document>')
    if shutil.which('soffice'):
        for fmt, name in (('odt', 'writer.odt'), ('doc:MS Word 97', 'word97.doc')):
            if os.path.exists(o(name)):   # keep them: LibreOffice stamps the time in
                continue
            subprocess.run(['soffice', '--headless', '--convert-to', fmt, '--outdir', tmp, fodt],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            shutil.copy(os.path.join(tmp, 'writer.' + fmt.split(':')[0]), o(name))
    # 13. OLE2 compound files written here: .xls, .ppt, WPS, encrypted OOXML
    bof = struct.pack('<HHHHIIII', 0x0809, 16, 0x0600, 0x0005, 0, 0, 0, 0)[:20]
    eof = struct.pack('<HH', 0x000A, 0)
    cfb(o('biff8.xls'), {'Workbook': bof + eof})
    cfb(o('powerpoint97.ppt'), {'PowerPoint Document': struct.pack('<HHI', 0x000F, 0x03E8, 0),
                                'Current User': struct.pack('<HHI', 0, 0x0FF6, 0)})
    cfb(o('kingsoft.wps'), {'WordDocument': struct.pack('<HH', 0xA5EC, 0x00C1) + b'\0' * 64,
                            '1Table': b'\0' * 16, 'WpsCustomData': '金山WPS文字'.encode('utf-16-le')})
    einfo = struct.pack('<HHI', 4, 4, 0x40) + b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>'
    cfb(o('encrypted.docx'), {'EncryptedPackage': struct.pack('<Q', 1234) + bytes((i * 131 + 7) & 255 for i in range(1248)),
                              'EncryptionInfo': einfo})
    shutil.rmtree(tmp)
    for f in sorted(os.listdir(OUT)):
        if f != 'README.md':
            print('%10d %s' % (os.path.getsize(o(f)), f))


if __name__ == '__main__':
    main()
