/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-account.h"
#include "sila-audit.h"
#include "sila-choices.h"
#include "sila-date.h"
#include "sila-display.h"
#include "sila-format.h"
#include "sila-money.h"
#include "sila-phone.h"
#include "sila-request-form.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-requests.h"

#include <pango/pangocairo.h>

#define BOX_HEIGHT   50.0
#define GRID_ROW     15.0
#define GRID_FONT    "Noto Sans, Noto Naskh Arabic, Amiri"
#define GRID_SIZE    9.5

/* Boxes to tick on paper, several to a row: the choices of the blank form. */
typedef struct {
  GStrv  items;
  guint  columns;
} Grid;

static void
grid_free (Grid *grid)
{
  g_strfreev (grid->items);
  g_free (grid);
}

static void
draw_grid (cairo_t  *cr,
           double    width,
           double    height,
           gboolean  rtl,
           gpointer  user_data)
{
  Grid *grid = user_data;
  double cell = width / grid->columns;
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (GRID_FONT);

  pango_font_description_set_absolute_size (desc, GRID_SIZE * PANGO_SCALE);
  for (guint i = 0; grid->items[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
      guint col = i % grid->columns, row = i / grid->columns;
      double x = rtl ? width - (col + 1) * cell : col * cell;
      double y = row * GRID_ROW;
      double box_x = rtl ? x + cell - 12 : x;
      int text_width;

      pango_layout_set_font_description (layout, desc);
      pango_layout_set_text (layout, grid->items[i], -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      /* Too long for its cell: cut with an ellipsis, filling the cell. */
      if (text_width > cell - 20)
        {
          pango_layout_set_width (layout, (int)((cell - 20) * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          text_width = (int)(cell - 20);
        }

      cairo_set_source_rgb (cr, 0.2, 0.2, 0.22);
      cairo_set_line_width (cr, 0.8);
      cairo_rectangle (cr, box_x, y + 3, 9, 9);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      cairo_move_to (cr, rtl ? box_x - 5 - text_width : x + 15, y);
      pango_cairo_show_layout (cr, layout);
    }
}

/* Where the office signs: a label and a line each, side by side. */
static void
draw_office (cairo_t  *cr,
             double    width,
             double    height,
             gboolean  rtl,
             gpointer  user_data)
{
  GStrv labels = user_data;
  guint n = g_strv_length (labels);
  double cell = width / n;
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (GRID_FONT);

  pango_font_description_set_absolute_size (desc, GRID_SIZE * PANGO_SCALE);
  pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
      double x = rtl ? width - (i + 1) * cell : i * cell;
      int text_width;

      pango_layout_set_font_description (layout, desc);
      pango_layout_set_text (layout, labels[i], -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      cairo_move_to (cr, rtl ? x + cell - 8 - text_width : x + 8, 0);
      pango_cairo_show_layout (cr, layout);

      cairo_set_source_rgb (cr, 0.4, 0.4, 0.42);
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, x + 8, height - 4);
      cairo_line_to (cr, x + cell - 8, height - 4);
      cairo_stroke (cr);
    }
}

static void
add_grid (SilaDocument *document,
          GPtrArray    *names,
          guint         columns)
{
  Grid *grid = g_new0 (Grid, 1);
  guint rows;

  g_ptr_array_add (names, NULL);
  grid->items = g_strdupv ((char **)names->pdata);
  grid->columns = columns;
  rows = (g_strv_length (grid->items) + columns - 1) / columns;
  sila_document_add_drawing (document, rows * GRID_ROW, draw_grid, grid,
                             (GDestroyNotify)grid_free);
}

void
sila_signature_render (SilaSignature *signature,
                       cairo_t       *cr,
                       double         width,
                       double         height)
{
  double w = width, h = width / SILA_SIGNATURE_ASPECT;
  double x0, y0;

  /* Keep the pad's shape, centred in the box. */
  if (h > height)
    {
      h = height;
      w = height * SILA_SIGNATURE_ASPECT;
    }
  x0 = (width - w) / 2;
  y0 = (height - h) / 2;

  cairo_save (cr);
  cairo_set_line_width (cr, MAX (1.0, h / 60));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint s = 0; s < sila_signature_get_n_strokes (signature); s++)
    {
      guint n;
      const SilaSignaturePoint *points = sila_signature_get_stroke (signature, s, &n);

      if (n == 0)
        continue;
      cairo_move_to (cr, x0 + points[0].x * w, y0 + points[0].y * h);
      /* A single tap still leaves a dot. */
      if (n == 1)
        cairo_line_to (cr, x0 + points[0].x * w + 0.1, y0 + points[0].y * h);
      for (guint i = 1; i < n; i++)
        cairo_line_to (cr, x0 + points[i].x * w, y0 + points[i].y * h);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The applicant's box: the drawn signature, or room to sign on paper. */
static void
draw_signature_box (cairo_t  *cr,
                    double    width,
                    double    height,
                    gboolean  rtl,
                    gpointer  user_data)
{
  SilaSignature *signature = user_data;
  double box = width * 0.46;
  double x = rtl ? width - box : 0;

  cairo_set_source_rgb (cr, 0.4, 0.4, 0.42);
  cairo_set_line_width (cr, 0.7);
  cairo_rectangle (cr, x, 0, box, height);
  cairo_stroke (cr);

  if (signature != NULL)
    {
      cairo_save (cr);
      cairo_translate (cr, x + 6, 4);
      cairo_set_source_rgb (cr, 0.05, 0.1, 0.35);
      sila_signature_render (signature, cr, box - 12, height - 8);
      cairo_restore (cr);
    }
}

static char *
both_calendars (const GDate *date)
{
  g_autofree char *gregorian = NULL;
  g_autofree char *hijri = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  gregorian = sila_date_format (date, SILA_CALENDAR_GREGORIAN);
  hijri = sila_date_format (date, SILA_CALENDAR_HIJRI);
  /* Translators: a date in both calendars: "25 March 2025 — 25 Ramadan 1446 AH". */
  return g_strdup_printf (_("%s — %s"), gregorian, hijri);
}

static void
add_applicant (SilaDocument           *document,
               const SilaRequest      *request,
               const SilaBeneficiary  *file)
{
  g_autofree char *file_number = NULL;
  g_autofree char *mobile = NULL;
  g_autofree char *household = NULL;
  g_autofree char *income = NULL;

  sila_document_add_heading (document, _("The applicant"));
  if (request == NULL)
    {
      static const char *labels[] = {
        N_("Full name (four parts)"), N_("ID number"), N_("File number"), N_("Mobile"),
        N_("District and address"), N_("Household members"), N_("Monthly income"),
      };

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        sila_document_add_field (document, _(labels[i]), " ");
      return;
    }

  {
    g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, request->file_number);

    file_number = sila_format_digits_for (n, sila_i18n_get_language ());
  }
  sila_document_add_field (document, _("Full name"), request->beneficiary_name);
  sila_document_add_field (document, _("ID number"),
                           request->beneficiary_id_number != NULL
                           ? request->beneficiary_id_number : "—");
  sila_document_add_field (document, _("File number"), file_number);
  if (request->beneficiary_mobile != NULL)
    mobile = sila_phone_format_display (request->beneficiary_mobile);
  sila_document_add_field (document, _("Mobile"), mobile != NULL ? mobile : "—");

  if (file == NULL)
    return;

  if (file->district != NULL || file->address != NULL)
    {
      g_autofree char *where = g_strjoin (_(", "),
                                          file->district != NULL
                                          ? sila_choice_to_display (SILA_CHOICES_DISTRICT,
                                                                    file->district) : "",
                                          file->address != NULL ? file->address : "", NULL);

      sila_document_add_field (document, _("District and address"), where);
    }
  household = sila_format_int (file->members->len + 1);
  sila_document_add_field (document, _("Household members"), household);
  income = sila_money_format (sila_beneficiary_get_total_income (file), TRUE);
  sila_document_add_field (document, _("Monthly income"), income);
}

/* Who received the request, as a person's name: the staff member's, or,
 * for the owner of a database without accounts, the association's, as the
 * workbook's "Prepared by" (sila-report-figures.c): the applicant does not
 * know "the owner of this database". */
static const char *
received_by (const SilaRequest *request,
             const char        *association)
{
  if (request->received_by_name != NULL && *request->received_by_name != '\0')
    return request->received_by_name;
  if (g_strcmp0 (request->received_by, SILA_ACCOUNT_OWNER_NAME) == 0)
    return association != NULL && *association != '\0' ? association
           : sila_display_person (NULL, request->received_by);
  return request->received_by != NULL ? request->received_by : "";
}

static void
add_request (SilaDocument      *document,
             const SilaRequest *request,
             GPtrArray         *types,
             const char        *association)
{
  g_autofree char *received = NULL;
  g_autofree char *due = NULL;
  g_autofree char *amount = NULL;

  sila_document_add_heading (document, _("The request"));
  if (request == NULL)
    {
      sila_document_add_field (document, _("Request number"), " ");
      sila_document_add_field (document, _("Date received"), " ");
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GPtrArray) channels = g_ptr_array_new ();

      for (guint i = 0; i < types->len; i++)
        g_ptr_array_add (names, (gpointer)sila_type_entry_get_display (g_ptr_array_index (types,
                                                                                          i)));
      for (guint i = 0; i < SILA_N_CHANNELS; i++)
        g_ptr_array_add (channels, (gpointer)sila_channel_to_display (i));

      sila_document_add_note (document, _("Type of support asked for:"));
      add_grid (document, names, 4);
      sila_document_add_note (document, _("Received through:"));
      add_grid (document, channels, 4);
      sila_document_add_field (document, _("Amount asked for"), " ");
      sila_document_add_field (document, _("Description of the need"), " \n ");
      return;
    }

  received = both_calendars (&request->received);
  due = both_calendars (&request->due);
  sila_document_add_field (document, _("Request number"), request->number);
  sila_document_add_field (document, _("Type of support"), sila_request_get_type_display (request));
  sila_document_add_field (document, _("Received through"),
                           sila_channel_to_display (request->channel));
  sila_document_add_field (document, _("Date received"), received);
  sila_document_add_field (document, _("Answer due by"), due);
  sila_document_add_field (document, _("Received by"), received_by (request, association));
  if (request->amount_asked >= 0)
    amount = sila_money_format (request->amount_asked, TRUE);
  sila_document_add_field (document, _("Amount asked for"), amount != NULL ? amount : "—");
  sila_document_add_field (document, _("Description of the need"),
                           request->description != NULL ? request->description : "—");
}

static void
add_checklist (SilaDocument      *document,
               const SilaRequest *request,
               GPtrArray         *document_types)
{
  sila_document_add_heading (document, _("Documents (checklist)"));
  if (request == NULL)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      sila_document_add_note (document, _("Tick each document the applicant brings; the "
                                          "officer checks that it is valid on the day it is "
                                          "submitted."));
      for (guint i = 0; i < document_types->len; i++)
        g_ptr_array_add (names,
                         (gpointer)sila_type_entry_get_display (g_ptr_array_index (document_types,
                                                                                   i)));
      add_grid (document, names, 3);
      return;
    }

  for (guint i = 0; i < request->documents->len; i++)
    {
      const SilaRequestDocument *d = g_ptr_array_index (request->documents, i);
      g_autofree char *line = NULL;
      g_autofree char *expires = NULL;
      gboolean brought = d->status == SILA_DOCUMENT_PROVIDED || d->status == SILA_DOCUMENT_VERIFIED;

      if (g_date_valid (&d->expires))
        {
          g_autofree char *date = sila_date_format (&d->expires, SILA_CALENDAR_GREGORIAN);

          /* Translators: after a document's status: "valid until 1 March 2030". */
          expires = g_strdup_printf (_(", valid until %s"), date);
        }
      /* Translators: a line of the printed checklist: the document, whether
       * it is required, its status and its expiry. */
      line = g_strdup_printf (_("%s (%s) — %s%s"), sila_request_document_get_display (d),
                              d->required ? _("required") : _("optional"),
                              sila_document_status_to_display (d->status),
                              expires != NULL ? expires : "");
      sila_document_add_checkbox (document, brought, line);
    }
}

static void
add_declaration (SilaDocument      *document,
                 const SilaRequest *request,
                 int                window)
{
  g_autofree char *days = sila_format_int (window);
  g_autofree char *answer = NULL;
  SilaSignature *signature = NULL;

  sila_document_add_heading (document, _("The applicant’s declaration"));
  sila_document_add_paragraph (document,
                               _("I declare that the data I have given in this request and its "
                                 "documents is correct and complete, and I am responsible for "
                                 "its correctness."));
  /* Translators: %s is a number of days (the office's answer window). */
  answer = g_strdup_printf (_("The request is raised to the research committee, which studies "
                              "it and answers with acceptance or rejection within %s days."),
                            days);
  sila_document_add_note (document, answer);

  if (request != NULL && request->declaration == SILA_DECLARATION_DRAWN)
    signature = sila_signature_from_text (request->signature, NULL);

  if (request != NULL && request->declaration == SILA_DECLARATION_DRAWN)
    sila_document_add_note (document, _("Signed by the applicant on the screen:"));
  else if (request != NULL && request->declaration == SILA_DECLARATION_PAPER)
    sila_document_add_note (document, _("Signed by the applicant on the printed form:"));
  else
    sila_document_add_note (document, _("The applicant’s signature:"));
  sila_document_add_drawing (document, BOX_HEIGHT, draw_signature_box, signature,
                             (GDestroyNotify)sila_signature_free);
}

SilaDocument *
sila_request_form_new (SilaStore          *store,
                       const SilaActor    *actor,
                       const SilaRequest  *request,
                       GError            **error)
{
  static const char *office[] = { N_("Receiving officer’s signature"),
                                  N_("Social researcher’s signature"),
                                  N_("Committee’s signature"), NULL };
  g_autoptr(SilaDocument) document = NULL;
  g_autoptr(SilaBeneficiary) file = NULL;
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GPtrArray) document_types = NULL;
  g_autofree char *association = NULL;
  const char *labels[G_N_ELEMENTS (office)];
  int window;

  g_return_val_if_fail (SILA_IS_STORE (store), NULL);

  association = sila_store_get_setting (store, SILA_SETTING_ASSOCIATION_NAME,
                                        SILA_DEFAULT_ASSOCIATION_NAME);
  window = sila_store_get_setting_int (store, SILA_SETTING_ANSWER_WINDOW,
                                       SILA_ANSWER_WINDOW_DEFAULT);
  if (request == NULL)
    {
      types = sila_store_list_request_types (store, FALSE, error);
      document_types = sila_store_list_document_types (store, FALSE, error);
      if (types == NULL || document_types == NULL)
        return NULL;
    }
  else
    {
      file = sila_store_get_beneficiary (store, actor, request->beneficiary_id, error);
      if (file == NULL)
        return NULL;
      /* The form names the applicant, with their ID, mobile and address:
       * who printed whose is audited, and nothing is printed where that
       * cannot be recorded. */
      if (!sila_store_record_access (store, actor, SILA_PERM_REQUEST_VIEW, SILA_AUDIT_PRINT,
                                     SILA_AUDIT_ENTITY_REQUEST, request->id, request->number,
                                     error))
        return NULL;
      /* The answer window the applicant was told: from received to due. */
      window = g_date_days_between (&request->received, &request->due);
    }

  document = sila_document_new (_("Beneficiary support request"));
  sila_document_set_rtl (document, sila_i18n_is_rtl ());
  /* Filled in, as blank: one sheet, the office's signatures on it. */
  sila_document_set_fit_one_page (document, TRUE);
  sila_document_set_header (document, association, _("Beneficiary support request form"));
  sila_document_set_author (document, association);
  sila_document_set_footer_note (document,
                                 _("Confidential: a beneficiary’s personal data, kept under the "
                                   "Personal Data Protection Law."));

  add_request (document, request, types, association);
  add_applicant (document, request, file);
  add_checklist (document, request, document_types);
  add_declaration (document, request, window);

  for (guint i = 0; office[i] != NULL; i++)
    labels[i] = _(office[i]);
  labels[G_N_ELEMENTS (office) - 1] = NULL;
  sila_document_add_drawing (document, 30, draw_office, g_strdupv ((char **)labels),
                             (GDestroyNotify)g_strfreev);

  return g_steal_pointer (&document);
}

gboolean
sila_request_form_write_pdf (SilaStore          *store,
                             const SilaActor    *actor,
                             const SilaRequest  *request,
                             const char         *path,
                             GError            **error)
{
  g_autoptr(SilaDocument) document = sila_request_form_new (store, actor, request, error);

  if (document == NULL)
    return FALSE;

  return sila_document_write_pdf (document, path, error);
}
