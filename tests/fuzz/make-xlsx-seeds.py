#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerates the XLSX seeds of the fuzz corpus: one small workbook that
uses every feature the reader knows (shared and inline strings, rich text,
a phonetic run, escapes, booleans, errors, a date format, holes), once with
its parts stored uncompressed, so that the fuzzer's mutations reach the
XML, and once deflated as real writers do."""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
NS = 'http://schemas.openxmlformats.org'

PARTS = {
    '[Content_Types].xml':
        f'<?xml version="1.0"?><Types xmlns="{NS}/package/2006/content-types"/>',
    '_rels/.rels':
        f'<?xml version="1.0"?><Relationships xmlns="{NS}/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{NS}/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
        f'<?xml version="1.0"?><workbook xmlns="{NS}/spreadsheetml/2006/main" '
        f'xmlns:r="{NS}/officeDocument/2006/relationships"><workbookPr date1904="0"/>'
        '<sheets><sheet name="hidden" sheetId="2" state="hidden" r:id="rId3"/>'
        '<sheet name="السجل" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
        f'<?xml version="1.0"?><Relationships xmlns="{NS}/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{NS}/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId3" Type="{NS}/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet2.xml"/>'
        f'<Relationship Id="rId2" Type="{NS}/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId4" Type="{NS}/officeDocument/2006/relationships/styles" '
        'Target="/xl/styles.xml"/></Relationships>',
    'xl/sharedStrings.xml':
        f'<?xml version="1.0"?><sst xmlns="{NS}/spreadsheetml/2006/main">'
        '<si><t>رقم الهوية</t></si><si><t>الاسم</t></si><si><t>تاريخ</t></si>'
        '<si><r><rPr><b/></rPr><t>محمد</t></r><r><t xml:space="preserve"> أحمد</t></r>'
        '<rPh><t>x</t></rPh></si><si><t>a_x000D_b_x005F_c</t></si></sst>',
    'xl/styles.xml':
        f'<?xml version="1.0"?><styleSheet xmlns="{NS}/spreadsheetml/2006/main">'
        '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
        '<numFmt numFmtId="165" formatCode="[$-1060000]B2dd/mm/yyyy;@"/></numFmts>'
        '<cellStyleXfs><xf numFmtId="0"/></cellStyleXfs>'
        '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/>'
        '<xf numFmtId="165"/><xf numFmtId="20"/></cellXfs></styleSheet>',
    'xl/worksheets/sheet1.xml':
        f'<?xml version="1.0"?><worksheet xmlns="{NS}/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>2</v></c></row>'
        '<row r="2"><c r="A2"><v>1048573628</v></c><c r="B2" t="s"><v>3</v></c>'
        '<c r="C2" s="1"><v>31121</v></c><c r="E2" t="b"><v>1</v></c></row>'
        '<row r="4"><c r="B4" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c>'
        '<c r="C4" s="3"><v>45362.5</v></c><c r="D4" s="4"><v>0.25</v></c>'
        '<c r="F4" t="e"><v>#N/A</v></c><c r="G4" t="str"><f>A1</f><v>x</v></c>'
        '<c r="H4" t="s"><v>4</v></c></row>'
        '<row><c t="d"><v>2024-03-11T00:00:00</v></c><c><v>0.30000000000000004</v></c></row>'
        '</sheetData></worksheet>',
    'xl/worksheets/sheet2.xml':
        f'<?xml version="1.0"?><worksheet xmlns="{NS}/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>hidden</t></is></c></row>'
        '</sheetData></worksheet>',
}


def write(name, compression):
    with zipfile.ZipFile(os.path.join(HERE, 'corpus-xlsx', name), 'w', compression) as z:
        for part, text in PARTS.items():
            z.writestr(part, text.encode('utf-8'))


write('stored.xlsx', zipfile.ZIP_STORED)
write('deflated.xlsx', zipfile.ZIP_DEFLATED)
