/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the files of the XLSX reader: the reader's state, the ZIP
 * package's parts (sila-xlsx-package.c) and the cell values
 * (sila-xlsx-values.c). */
#pragma once

#include <string.h>
#include <zip.h>

#include "sila-xlsx.h"

G_BEGIN_DECLS

#define CHUNK_SIZE (64 * 1024)

/* How a cell's number is to be read, from its cell format. */
typedef enum {
  KIND_NUMBER,
  KIND_DATE,
  KIND_TIME,
} CellKind;

typedef struct {
  SilaXlsxReader *reader;
  gboolean        in_sheet_data;
  gboolean        in_row;
  gboolean        in_cell;
  gboolean        in_v;
  gboolean        in_is;
  gboolean        in_t;
  gboolean        in_rph;
  guint           row_number;
  guint           last_row;
  GPtrArray      *cells;
  guint           next_col;
  guint           col;
  char            type[16];
  guint           style;
  GString        *value;
  GString        *inline_text;
} SheetState;

struct _SilaXlsxReader {
  GBytes              *bytes;        /* kept alive for the in-memory archive */
  zip_t               *zip;
  gsize                budget;       /* bytes left to unpack */
  GString             *shared_text;  /* the shared strings, each ended by a NUL */
  GArray              *shared;       /* guint32 offset of each in shared_text */
  GArray              *xf_kinds;     /* CellKind per cellXfs index */
  gboolean             date1904;
  char                *sheet_name;
  char                *wanted_sheet; /* the sheet asked for by name, or NULL */
  GPtrArray           *sheet_names;  /* every worksheet, in the workbook's order */
  guint64              sheet_size;   /* the worksheet part unpacked, for progress */
  guint64              sheet_read;

  zip_file_t          *sheet;
  GMarkupParseContext *ctx;
  SheetState           state;
  GQueue               rows;
  guint                n_rows;
  gboolean             done;
  GError              *failure;      /* kept, to repeat on later calls */
};

/* ---- XML helpers ------------------------------------------------------- */

/* Element and attribute names without their namespace prefix: some
 * writers use "x:row" where others write "row". */
static inline const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static inline const char *
find_attr (const char **names,
           const char **values,
           const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (local_name (names[i]), wanted) == 0)
      return values[i];
  return NULL;
}

static inline gboolean
parse_uint (const char *text,
            guint64     max,
            guint64    *out)
{
  return text != NULL && g_ascii_string_to_unsigned (text, 10, 0, max, out, NULL);
}

/* ---- sila-xlsx-package.c ------------------------------------------------ */

void         sila_xlsx_set_damaged          (GError          **error,
                                             const char       *why);
void         sila_xlsx_set_too_large        (GError          **error);
void         sila_xlsx_set_zip_error        (int               code,
                                             const char       *path,
                                             GError          **error);

zip_file_t  *sila_xlsx_open_part            (SilaXlsxReader   *reader,
                                             const char       *name,
                                             gboolean          optional,
                                             GError          **error);
gssize       sila_xlsx_read_chunk           (SilaXlsxReader   *reader,
                                             zip_file_t       *file,
                                             char             *buffer,
                                             gsize             size,
                                             GError          **error);
gboolean     sila_xlsx_parse_part           (SilaXlsxReader   *reader,
                                             const char       *name,
                                             gboolean          optional,
                                             const GMarkupParser *parser,
                                             gpointer          user_data,
                                             GError          **error);
gboolean     sila_xlsx_find_parts           (SilaXlsxReader   *reader,
                                             char            **out_sheet_part,
                                             char            **out_shared_part,
                                             char            **out_styles_part,
                                             GError          **error);

/* ---- sila-xlsx-values.c ------------------------------------------------- */

gboolean     sila_xlsx_read_shared_strings  (SilaXlsxReader   *reader,
                                             const char       *part,
                                             GError          **error);
gboolean     sila_xlsx_read_styles          (SilaXlsxReader   *reader,
                                             const char       *part,
                                             GError          **error);
char        *sila_xlsx_cell_text            (SheetState       *st,
                                             GError          **error);

G_END_DECLS
