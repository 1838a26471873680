#!/usr/bin/env python3
"""Write tests/docx/cases/NAME.docx (one feature each), NAME.txt (the lines the
reader must give) and NAME.fmt (line<TAB>flag: outline=N, lead, title).

The expectations are written by hand below; render.py (an independent
reading by the same rules) must agree with them, and this script exits 1 when
it does not.  Usage: mkcases.py [OUTDIR]   (default ./cases)
"""
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'cases')
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
WS = 'http://purl.oclc.org/ooxml/wordprocessingml/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
RS = 'http://purl.oclc.org/ooxml/officeDocument/relationships'
NSX = ('xmlns:w="%s" xmlns:r="%s" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable=""')
MAIN_CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def P(text='', ppr='', rpr=''):
    """a paragraph with one run (or none when text is empty)"""
    r = '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (
        '<w:rPr>%s</w:rPr>' % rpr if rpr else '', text) if text else ''
    return '<w:p>%s%s</w:p>' % ('<w:pPr>%s</w:pPr>' % ppr if ppr else '', r)


def NP(num, ilvl, text, extra=''):
    return P(text, '%s<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (extra, ilvl, num))


def LVL(ilvl, fmt, text, start=1, suff=None, extra=''):
    return ('<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/>%s%s<w:lvlText w:val="%s"/></w:lvl>'
            % (ilvl, start, fmt, extra, '<w:suff w:val="%s"/>' % suff if suff else '', text))


def NUMBERING(abstracts, nums):
    """abstracts: {id: [lvl xml]}, nums: {numId: (abstractId, override xml)}"""
    a = ''.join('<w:abstractNum w:abstractNumId="%d">%s</w:abstractNum>' % (k, ''.join(v))
                for k, v in abstracts.items())
    n = ''.join('<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>%s</w:num>' % (k, v[0], v[1])
                for k, v in nums.items())
    return XML + '<w:numbering %s>%s%s</w:numbering>' % (NSX % (W, R), a, n)


def STYLES(styles, defaults=''):
    return XML + '<w:styles %s><w:docDefaults>%s</w:docDefaults>%s</w:styles>' % (NSX % (W, R), defaults, styles)


def STYLE(sid, name, ppr='', rpr='', based=None, typ='paragraph'):
    return ('<w:style w:type="%s" w:styleId="%s"><w:name w:val="%s"/>%s%s%s</w:style>'
            % (typ, sid, name, '<w:basedOn w:val="%s"/>' % based if based else '',
               '<w:pPr>%s</w:pPr>' % ppr if ppr else '', '<w:rPr>%s</w:rPr>' % rpr if rpr else ''))


CASES = []


def case(name, body, txt, fmt='', styles=None, numbering=None, parts=None, ct=MAIN_CT,
         strict=False, note=''):
    CASES.append(dict(name=name, body=body, txt=txt, fmt=fmt, styles=styles, numbering=numbering,
                      parts=parts or {}, ct=ct, strict=strict, note=note))


def simple_num(fmt, text, starts, suff=None):
    """one paragraph per start value, each in a num of its own (startOverride)"""
    ab = {0: [LVL(0, fmt, text, 1, suff)]}
    nums = {i + 1: (0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="%d"/></w:lvlOverride>' % s)
            for i, s in enumerate(starts)}
    body = ''.join(NP(i + 1, 0, '条') for i in range(len(starts)))
    return body, NUMBERING(ab, nums)


def seq_num(fmt, text, start, count, suff=None):
    ab = {0: [LVL(0, fmt, text, start, suff)]}
    return ''.join(NP(1, 0, '条') for _ in range(count)), NUMBERING(ab, {1: (0, '')})


# ---- number formats ----
b, n = seq_num('decimal', '%1.', 1, 3)
case('fmt-decimal', b, '1.\t条\n2.\t条\n3.\t条\n', numbering=n, note='suff absent: a TAB')
b, n = seq_num('decimalZero', '%1.', 8, 3, 'space')
case('fmt-decimalZero', b, '08. 条\n09. 条\n10. 条\n', numbering=n)
b, n = seq_num('decimalFullWidth', '%1、', 9, 3, 'nothing')
case('fmt-decimalFullWidth', b, '９、条\n１０、条\n１１、条\n', numbering=n)
b, n = seq_num('decimalEnclosedCircle', '%1', 19, 3, 'nothing')
case('fmt-decimalEnclosedCircle', b, '⑲条\n⑳条\n21条\n', numbering=n)
b, n = simple_num('chineseCounting', '%1、', [1, 10, 11, 20, 21, 99, 100, 0, 105], 'nothing')
case('fmt-chineseCounting', b, ''.join('%s、条\n' % x for x in
     ['一', '十', '十一', '二十', '二十一', '九十九', '一〇〇', '〇', '一〇五']), numbering=n)
b, n = simple_num('chineseCountingThousand', '（%1）', [1, 10, 11, 100, 101, 110, 1001, 1010], 'nothing')
case('fmt-chineseCountingThousand', b, ''.join('（%s）条\n' % x for x in
     ['一', '十', '十一', '一百', '一百零一', '一百一十', '一千零一', '一千零一十']), numbering=n)
b, n = seq_num('ideographTraditional', '%1、', 9, 3, 'nothing')
case('fmt-ideographTraditional', b, '壬、条\n癸、条\n11、条\n', numbering=n)
b, n = simple_num('upperLetter', '%1.', [1, 26, 27, 28], 'space')
case('fmt-upperLetter', b, 'A. 条\nZ. 条\nAA. 条\nBB. 条\n', numbering=n)
b, n = simple_num('lowerLetter', '%1)', [1, 26, 27, 28], 'space')
case('fmt-lowerLetter', b, 'a) 条\nz) 条\naa) 条\nbb) 条\n', numbering=n)
b, n = simple_num('upperRoman', '%1.', [1, 4, 9, 40], 'space')
case('fmt-upperRoman', b, 'I. 条\nIV. 条\nIX. 条\nXL. 条\n', numbering=n)
b, n = simple_num('lowerRoman', '(%1)', [1, 4, 9, 40], 'space')
case('fmt-lowerRoman', b, '(i) 条\n(iv) 条\n(ix) 条\n(xl) 条\n', numbering=n)
ab = {0: [LVL(0, 'hebrew1', '%1.', 1, 'space')], 1: [LVL(0, 'noSuchFormat', '%1.', 2, 'space')]}
case('fmt-unknown', NP(1, 0, '条') + NP(2, 0, '条'), '1. 条\n2. 条\n',
     numbering=NUMBERING(ab, {1: (0, ''), 2: (1, '')}), note='formats the reader does not know: decimal')
ab = {0: [LVL(0, 'bullet', '\uf0b7', 1, 'tab')], 1: [LVL(0, 'none', '（%1）', 1, 'nothing')],
      2: [LVL(0, 'none', '', 1, 'tab')]}
case('fmt-bullet-none', NP(1, 0, '圆点') + NP(2, 0, '无号') + NP(3, 0, '空'),
     '圆点\n（）无号\n\t空\n', numbering=NUMBERING(ab, {1: (0, ''), 2: (1, ''), 3: (2, '')}),
     note='bullet: no marker at all (not even the suffix); none: lvlText without %N, then the suffix')

# ---- levels ----
ab = {0: [LVL(0, 'decimal', '%1.', 1, 'nothing'), LVL(1, 'decimal', '%1.%2', 1, 'space')]}
case('multilevel', NP(1, 0, '甲') + NP(1, 1, '乙') + NP(1, 1, '丙') + NP(1, 0, '丁') + NP(1, 1, '戊'),
     '1.甲\n1.1 乙\n1.2 丙\n2.丁\n2.1 戊\n', numbering=NUMBERING(ab, {1: (0, '')}))
ab = {0: [LVL(0, 'chineseCounting', '%1、', 1, 'nothing'),
          LVL(1, 'decimal', '%1.%2', 1, 'space', '<w:isLgl/>'),
          LVL(2, 'decimal', '%1.%2.%3', 1, 'space')]}
case('isLgl', NP(1, 0, '甲') + NP(1, 0, '乙') + NP(1, 1, '丙') + NP(1, 2, '丁'),
     '一、甲\n二、乙\n2.1 丙\n二.1.1 丁\n', numbering=NUMBERING(ab, {1: (0, '')}),
     note='isLgl on level 2 only: level 3 keeps level 1 in chineseCounting')
ab = {0: [LVL(0, 'chineseCounting', '%1、', 1, 'nothing'),
          LVL(1, 'chineseCounting', '（%2）', 1, 'nothing', '<w:lvlRestart w:val="0"/>'),
          LVL(2, 'decimal', '%3.', 1, 'nothing', '<w:lvlRestart w:val="1"/>')]}
case('lvlRestart', ''.join(NP(1, l, t) for l, t in
                           [(0, '甲'), (1, '乙'), (2, '丙'), (1, '丁'), (2, '戊'), (0, '己'), (1, '庚'), (2, '辛')]),
     '一、甲\n（一）乙\n1.丙\n（二）丁\n2.戊\n二、己\n（三）庚\n1.辛\n',
     numbering=NUMBERING(ab, {1: (0, '')}),
     note='level 2 never restarts (0); level 3 restarts only after level 1 (1), not after level 2')
ab = {0: [LVL(0, 'decimal', '%1.', 1, 'nothing')]}
nums = {1: (0, ''), 2: (0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'),
        3: (0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>'
               + LVL(0, 'chineseCounting', '第%1条', 3, 'space') + '</w:lvlOverride>')}
case('lvlOverride', ''.join(NP(k, 0, t) for k, t in
                            [(1, '甲'), (1, '乙'), (2, '丙'), (2, '丁'), (1, '戊'), (3, '己'), (3, '庚')]),
     '1.甲\n2.乙\n5.丙\n6.丁\n7.戊\n第三条 己\n第四条 庚\n', numbering=NUMBERING(ab, nums),
     note='one counter per abstractNum, as Word and LibreOffice keep it: num 2\'s startOverride sets it to 5 '
          'at its first paragraph, num 1 goes on from there (7), num 3 (startOverride 3 and a whole w:lvl) sets it to 3')
ab = {0: [LVL(0, 'decimal', '%1、', 1, 'nothing')]}
case('shared-counters', NP(1, 0, '甲') + NP(2, 0, '乙') + NP(1, 0, '丙') + NP(2, 0, '丁'),
     '1、甲\n2、乙\n3、丙\n4、丁\n', numbering=NUMBERING(ab, {1: (0, ''), 2: (0, '')}),
     note='two nums, one abstractNum, no override: one list')
ab = {3: [LVL(0, 'chineseCounting', '%1、', 1, 'nothing'), LVL(1, 'chineseCounting', '（%2）', 1, 'nothing')]}
st = (STYLE('1', 'heading 1', '<w:numPr><w:numId w:val="7"/></w:numPr>')
      + STYLE('2', 'heading 2', '<w:numPr><w:ilvl w:val="1"/></w:numPr>', based='1')
      + STYLE('a5', 'Chapter', '', based='1')
      + STYLE('a', 'Normal'))
case('style-numPr',
     P('总述', '<w:pStyle w:val="a"/>') + P('主要举措', '<w:pStyle w:val="1"/>') + P('第一项', '<w:pStyle w:val="2"/>')
     + P('第二项', '<w:pStyle w:val="2"/>') + P('章', '<w:pStyle w:val="a5"/>')
     + P('不编号', '<w:pStyle w:val="1"/><w:numPr><w:numId w:val="0"/></w:numPr>') + P('存在问题', '<w:pStyle w:val="1"/>'),
     '总述\n一、主要举措\n（一）第一项\n（二）第二项\n二、章\n不编号\n三、存在问题\n',
     fmt='2\toutline=0\n3\toutline=1\n4\toutline=1\n5\toutline=0\n6\toutline=0\n7\toutline=0\n',
     styles=STYLES(st), numbering=NUMBERING(ab, {7: (3, '')}),
     note='styleIds 1 and 2 as Chinese Word writes them, names heading 1/2; heading 2 takes numId from '
          'heading 1 through basedOn and ilvl 1 of its own; Chapter inherits numbering and outline level; '
          'numId 0 on the paragraph turns numbering off')
st = (STYLE('MyHead', 'My Head', '<w:outlineLvl w:val="1"/>') + STYLE('Sub', 'Sub', '', based='MyHead')
      + STYLE('Heading3', 'Heading 3', '<w:outlineLvl w:val="9"/>') + STYLE('Heading4', 'HEADING 4'))
case('outlineLvl',
     P('直接', '<w:outlineLvl w:val="2"/>') + P('样式', '<w:pStyle w:val="MyHead"/>')
     + P('继承', '<w:pStyle w:val="Sub"/>') + P('正文级', '<w:pStyle w:val="MyHead"/><w:outlineLvl w:val="9"/>')
     + P('名为标题3但大纲9', '<w:pStyle w:val="Heading3"/>') + P('名为HEADING 4', '<w:pStyle w:val="Heading4"/>')
     + P('正文'),
     '直接\n样式\n继承\n正文级\n名为标题3但大纲9\n名为HEADING 4\n正文\n',
     fmt='1\toutline=2\n2\toutline=1\n3\toutline=1\n6\toutline=3\n', styles=STYLES(st),
     note='outlineLvl 9 (direct, or on a style named heading 3) is body text')


def RUN(t, rpr=''):
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % ('<w:rPr>%s</w:rPr>' % rpr if rpr else '', t)


st = (STYLE('Strong', 'Strong', rpr='<w:b/>', typ='character') + STYLE('BoldPara', 'Bold Para', rpr='<w:b/>'))
ab = {0: [LVL(0, 'chineseCounting', '（%1）', 1, 'nothing')]}
case('bold-lead',
     '<w:p>%s%s</w:p>' % (RUN('推动产业升级。', '<w:b/>'), RUN('实施制造业重点产业链行动。'))
     + '<w:p>%s%s</w:p>' % (RUN('推动产业升级，', '<w:b/>'), RUN('实施行动。'))
     + '<w:p>%s</w:p>' % RUN('全部加粗。第二句也加粗。', '<w:b/>')
     + '<w:p>%s%s</w:p>' % (RUN('字符样式加粗。', '<w:rStyle w:val="Strong"/>'), RUN('正文。'))
     + '<w:p><w:pPr><w:pStyle w:val="BoldPara"/></w:pPr>%s%s</w:p>' % (RUN('段落样式加粗。'), RUN('关掉。', '<w:b w:val="0"/>'))
     + '<w:p>%s%s</w:p>' % (RUN('假加粗。', '<w:b w:val="false"/>'), RUN('正文。'))
     + '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>%s%s</w:p>'
     % (RUN('编号后加粗。', '<w:b/>'), RUN('正文。'))
     + '<w:p>%s%s%s</w:p>' % (RUN('分', '<w:b/>'), RUN('两段。', '<w:b w:val="1"/>'), RUN('正文。')),
     '推动产业升级。实施制造业重点产业链行动。\n推动产业升级，实施行动。\n全部加粗。第二句也加粗。\n'
     '字符样式加粗。正文。\n段落样式加粗。关掉。\n假加粗。正文。\n（一）编号后加粗。正文。\n分两段。正文。\n',
     fmt='1\tlead\n4\tlead\n5\tlead\n7\tlead\n8\tlead\n', styles=STYLES(st), numbering=NUMBERING(ab, {1: (0, '')}),
     note='line 2: bold without 。; line 3: all bold; line 6: w:b false')
st = STYLE('Title', 'Title', '<w:jc w:val="center"/>', '<w:sz w:val="44"/>')
case('title-style', P('关于2023年法治政府建设情况的报告', '<w:pStyle w:val="Title"/>') + P('县委、县政府：') + P('正文。'),
     '关于2023年法治政府建设情况的报告\n县委、县政府：\n正文。\n', fmt='1\ttitle\n', styles=STYLES(st))
st = STYLES('', '<w:rPrDefault><w:rPr><w:sz w:val="21"/></w:rPr></w:rPrDefault>')
case('title-centred', P() + P('纸坊镇2023年度法治政府建设报告', '<w:jc w:val="center"/>', '<w:sz w:val="36"/>')
     + P('居中但不是第一段', '<w:jc w:val="center"/>', '<w:sz w:val="36"/>')
     + P('居中同号', '<w:jc w:val="center"/>') + P('正文。'),
     '\n纸坊镇2023年度法治政府建设报告\n居中但不是第一段\n居中同号\n正文。\n', fmt='2\ttitle\n', styles=st,
     note='the first non-empty paragraph, centred, larger than the docDefaults size (21 half-points)')


def TC(*paras):
    return '<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>%s</w:tc>' % ''.join(paras)


case('table', P('表前') + '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>'
     + '<w:tr>%s%s</w:tr>' % (TC(P('指标')), TC(P('数值')))
     + '<w:tr>%s%s</w:tr>' % (TC(P('调解纠纷'), P('（件）')), TC(P('34')))
     + '</w:tbl>' + P('表后'),
     '表前\n指标\n数值\n调解纠纷\n（件）\n34\n表后\n', note='cells row by row, each cell\'s paragraphs')
TXBX = '<w:txbxContent>%s</w:txbxContent>' % (P('框内一') + P('框内二'))
case('textbox',
     P('前段') + '<w:p>%s<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:extent cx="1" cy="1"/>'
     '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>%s'
     '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>'
     '<v:textbox>%s</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>%s</w:p>'
     % (RUN('锚定'), TXBX, '<w:txbxContent>%s</w:txbxContent>' % P('备用不读'), RUN('段落')) + P('后段'),
     '前段\n框内一\n框内二\n锚定段落\n后段\n',
     note='only the first mc:Choice is read; the text box lines come before its anchor paragraph')
case('breaks',
     '<w:p><w:r><w:t>一行</w:t><w:br/><w:t>二行</w:t><w:tab/><w:t>制表</w:t><w:cr/><w:t>三行</w:t>'
     '<w:sym w:font="Wingdings" w:char="F0A7"/><w:sym w:font="Symbol" w:char="2605"/>'
     '<w:t>非断</w:t><w:noBreakHyphen/><w:t>字</w:t><w:softHyphen/><w:t>符</w:t><w:br w:type="page"/></w:r></w:p>' + P('末段'),
     '一行\n二行\t制表\n三行\u00a7\u2605非断\u2011字符\n\n末段\n',
     note='w:br of any type (a page break too) ends a line; F0A7 → U+00A7')
case('tracked',
     '<w:p>%s<w:ins w:id="1" w:author="a">%s</w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>删去</w:delText></w:r></w:del>'
     '<w:moveFrom w:id="3" w:author="a">%s</w:moveFrom><w:moveTo w:id="4" w:author="a">%s</w:moveTo>%s</w:p>'
     % (RUN('保留'), RUN('插入'), RUN('移出'), RUN('移入'), RUN('。'))
     + '<w:p><w:pPr><w:rPr><w:del w:id="6" w:author="a"/></w:rPr></w:pPr><w:r><w:t>段落标记已删</w:t></w:r></w:p>'
     + '<w:p><w:pPr><w:rPr><w:ins w:id="7" w:author="a"/></w:rPr></w:pPr>%s</w:p>' % RUN('段落标记插入')
     + P('末段'),
     '保留插入移入。\n段落标记已删\n段落标记插入\n末段\n',
     note='w:ins/w:moveTo kept, w:del/w:delText/w:moveFrom skipped; a deleted paragraph mark (pPr/rPr/del) '
          'still ends its line here (Word\'s final view joins that paragraph to the next)')
FB = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
FS = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
FE = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
IT = '<w:r><w:instrText xml:space="preserve">%s</w:instrText></w:r>'
case('fields',
     '<w:p>%s%s%s%s%s%s%s</w:p>' % (RUN('第'), FB, IT % ' PAGE ', FS, RUN('3'), FE, RUN('页'))
     + '<w:p>%s<w:fldSimple w:instr=" DATE \\@ &quot;yyyy年M月d日&quot; ">%s</w:fldSimple></w:p>' % (RUN('日期：'), RUN('2024年1月5日'))
     + '<w:p>%s%s<w:r><w:t>不是结果</w:t></w:r>%s%s%s%s</w:p>' % (FB, IT % ' HYPERLINK "http://x" ', FS, RUN('链接'), FE, RUN('。'))
     + '<w:p>%s%s%s%s%s%s%s%s%s</w:p>' % (FB, IT % ' IF ', FB, IT % ' PAGE ', FS, RUN('9'), FE, FS, RUN('外')) + '<w:p>%s%s</w:p>' % (FE, RUN('尾'))
     + '<w:p>%s%s%s%s</w:p>' % (RUN('无结果'), FB, IT % ' TOC ', FE),
     '第3页\n日期：2024年1月5日\n链接。\n外\n尾\n无结果\n',
     note='text between begin and separate is field code (even a w:t there), the result is kept; nested fields; '
          'a field may span paragraphs')
HDR = XML + '<w:hdr %s>%s</w:hdr>' % (NSX % (W, R), P('页眉文字'))
FTR = XML + '<w:ftr %s>%s</w:ftr>' % (NSX % (W, R), P('页脚文字'))
CMT = XML + '<w:comments %s><w:comment w:id="0" w:author="a">%s</w:comment></w:comments>' % (NSX % (W, R), P('批注文字'))
FNT = XML + ('<w:footnotes %s><w:footnote w:id="1">%s</w:footnote></w:footnotes>' % (NSX % (W, R), P('脚注文字')))
case('other-parts',
     P('正文一') + '<w:p><w:commentRangeStart w:id="0"/>%s<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
     '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>' % RUN('正文二')
     + '<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/></w:sectPr></w:pPr></w:p>'
     + P('正文三'),
     '正文一\n正文二\n\n正文三\n',
     parts={'word/header1.xml': ('header', 'rIdH', HDR), 'word/footer1.xml': ('footer', 'rIdF', FTR),
            'word/comments.xml': ('comments', 'rIdC', CMT), 'word/footnotes.xml': ('footnotes', 'rIdN', FNT)},
     note='headers, footers, comments and footnotes are parts of their own and are not read')
case('empty-paragraphs', P() + P('甲') + P() + P() + P('乙') + '<w:p><w:pPr><w:jc w:val="center"/></w:pPr></w:p>',
     '\n甲\n\n\n乙\n\n', note='an empty last paragraph gives an empty last line')
case('containers',
     '<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>' % P('内容控件段')
     + '<w:p>%s<w:hyperlink r:id="rIdL">%s</w:hyperlink><w:sdt><w:sdtContent>%s</w:sdtContent></w:sdt>%s</w:p>'
     % (RUN('见'), RUN('链接文字'), RUN('行内控件'), RUN('。'))
     + '<w:p><w:smartTag w:uri="u" w:element="date">%s</w:smartTag><w:customXml w:element="x">%s</w:customXml></w:p>'
     % (RUN('智能标记'), RUN('自定义')),
     '内容控件段\n见链接文字行内控件。\n智能标记自定义\n',
     parts={'': ('hyperlink', 'rIdL', 'http://example.org/')}, note='sdt, hyperlink, smartTag, customXml content kept')
case('docm', P('宏文档') + P('正文。'), '宏文档\n正文。\n', ct='application/vnd.ms-word.document.macroEnabled.main+xml',
     note='a .docm: main part content type macroEnabled.main+xml')
case('dotx', P('模板') + P('正文。'), '模板\n正文。\n',
     ct='application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml', note='a .dotx')
ab = {0: [LVL(0, 'chineseCounting', '%1、', 1, 'nothing')]}
case('strict', NP(1, 0, '严格') + P('正文。'), '一、严格\n正文。\n', numbering=NUMBERING(ab, {1: (0, '')}), strict=True,
     note='Strict OOXML: purl.oclc.org namespaces for w: and the relationships')


def write(c):
    strict = c['strict']
    w, r = (WS, RS) if strict else (W, R)
    reltype = (RS if strict else 'http://schemas.openxmlformats.org/officeDocument/2006/relationships')
    pkgrel = 'http://schemas.openxmlformats.org/package/2006/relationships'

    def ns(s):
        return s.replace(W, w).replace(R, r) if strict else s
    over = [('/word/document.xml', c['ct'])]
    rels = []
    if c['styles']:
        over.append(('/word/styles.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml'))
        rels.append(('rIdS', 'styles', 'styles.xml', ''))
    if c['numbering']:
        over.append(('/word/numbering.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml'))
        rels.append(('rIdM', 'numbering', 'numbering.xml', ''))
    for path, (kind, rid, xml) in c['parts'].items():
        if kind == 'hyperlink':
            rels.append((rid, kind, xml, ' TargetMode="External"'))
            continue
        over.append(('/' + path, 'application/vnd.openxmlformats-officedocument.wordprocessingml.%s+xml' % kind))
        rels.append((rid, kind, path.split('/', 1)[1], ''))
    ct = XML + ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>%s</Types>'
                % ''.join('<Override PartName="%s" ContentType="%s"/>' % o for o in over))
    root = XML + ('<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" Target="word/document.xml"/>'
                  '</Relationships>' % (pkgrel, reltype))
    drels = XML + '<Relationships xmlns="%s">%s</Relationships>' % (
        pkgrel, ''.join('<Relationship Id="%s" Type="%s/%s" Target="%s"%s/>' % (i, reltype, k, t, m)
                        for i, k, t, m in rels))
    doc = XML + '<w:document %s><w:body>%s<w:sectPr/></w:body></w:document>' % (NSX % (W, R), c['body'])
    ext = {'application/vnd.ms-word.document.macroEnabled.main+xml': '.docm',
           'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml': '.dotx'}.get(c['ct'], '.docx')
    path = os.path.join(OUT, c['name'] + ext)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        def put(name, data):
            zi = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, ns(data))
        put('[Content_Types].xml', ct)
        put('_rels/.rels', root)
        put('word/document.xml', doc)
        put('word/_rels/document.xml.rels', drels)
        if c['styles']:
            put('word/styles.xml', c['styles'])
        if c['numbering']:
            put('word/numbering.xml', c['numbering'])
        for p, (kind, rid, xml) in c['parts'].items():
            if kind != 'hyperlink':
                put(p, xml)
    with open(os.path.join(OUT, c['name'] + '.txt'), 'w', encoding='utf-8') as f:
        f.write(c['txt'])
    with open(os.path.join(OUT, c['name'] + '.fmt'), 'w', encoding='utf-8') as f:
        f.write(c['fmt'])
    return path


def main():
    sys.path.insert(0, HERE)
    sys.dont_write_bytecode = True
    import render
    os.makedirs(OUT, exist_ok=True)
    bad = 0
    with open(os.path.join(OUT, 'CASES.tsv'), 'w', encoding='utf-8') as idx:
        idx.write('file\tnote\n')
        for c in CASES:
            path = write(c)
            idx.write('%s\t%s\n' % (os.path.basename(path), c['note']))
            lines, flags = render.Doc(path).render()
            got = ''.join(l + '\n' for l in lines)
            gotf = ''.join('%d\t%s\n' % f for f in flags)
            if got != c['txt'] or gotf != c['fmt']:
                bad += 1
                print('%s: render.py disagrees\n  txt %r\n  exp %r\n  fmt %r\n  exp %r'
                      % (c['name'], got, c['txt'], gotf, c['fmt']))
    print('%d cases, %d disagree' % (len(CASES), bad))
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
