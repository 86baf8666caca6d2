#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates beneficiaries-cp1256.csv: the register as Excel on an Arabic
# Windows saves "CSV (Comma delimited)": Windows-1256, CRLF, no BOM.
# The text below is UTF-8; iconv writes the Windows-1256 bytes that are
# committed beside this script (tests/test-table-reader.c reads them).
set -euo pipefail
cd "$(dirname "$0")"
printf '%s\r\n' \
  'رقم الهوية,الاسم الكامل,الجوال,الحي,ملاحظات' \
  '1000000008,عبدالرحمن سعد الدوسري,0509876543,الشوقية,' \
  '2000000006,نورة مؤمن الشمري,0561234567,"العوالي، مكة",مُحمّد ابنها' \
  '1048573628,هيئة الإغاثة,0551234567,العزيزية,"تبرّع ""عيني"""' \
  | iconv -f UTF-8 -t WINDOWS-1256 > beneficiaries-cp1256.csv
