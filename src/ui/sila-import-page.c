/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sila-format.h"
#include "sila-import-lines.h"
#include "sila-import-page.h"
#include "sila-import-widgets.h"

struct _SilaImportPage
{
  GtkWidget             parent_instance;

  SilaSession          *session;
  SilaImportKind        kind;
  GFile                *file;
  char                 *sheet;
  SilaImportPreview    *preview;
  SilaImportLines      *lines;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  gboolean              busy;
  gboolean              filling_sheets;
  gboolean              disposed;     /* a task's answer may come after the window closed */

  /* Template widgets */
  GtkStack             *stack;
  AdwComboRow          *kind_row;
  AdwActionRow         *file_row;
  AdwComboRow          *sheet_row;
  GtkStringList        *sheet_list;
  GtkLabel             *refusal_label;
  AdwPreferencesGroup  *columns_group;
  GtkFlowBox           *columns_box;
  GtkLabel             *problem_label;
  GtkWidget            *check_button;
  GtkWidget            *import_button;
  GtkWidget            *stop_button;
  GtkWidget            *choose_button;
  GtkProgressBar       *progress_bar;
  GtkLabel             *status_label;
  GtkWidget            *report_box;
  GtkCheckButton       *problems_check;
  GtkWidget            *save_button;
  GtkColumnView        *report_view;
};

G_DEFINE_FINAL_TYPE (SilaImportPage, sila_import_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- state ------------------------------------------------------------- */

static gboolean
allowed (SilaImportPage *self,
         SilaImportKind  kind)
{
  return sila_session_can (self->session, sila_import_kind_permission (kind));
}

static void
set_message (GtkLabel   *label,
             const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
update_actions (SilaImportPage *self)
{
  gboolean may = allowed (self, self->kind);
  gboolean ready = may && !self->busy && self->preview != NULL && self->preview->problem == NULL;
  gboolean has_report = sila_import_lines_get_report (self->lines) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", may && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.check", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.stop", self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-report",
                                 has_report && !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sheet_row), !self->busy);
  gtk_widget_set_visible (self->stop_button, self->busy);
  gtk_stack_set_visible_child_name (self->stack,
                                    allowed (self, SILA_IMPORT_KIND_BENEFICIARIES) ||
                                    allowed (self, SILA_IMPORT_KIND_REQUESTS) ||
                                    allowed (self, SILA_IMPORT_KIND_SURVEYS)
                                      ? "main" : "refused");
}

static void
clear_report (SilaImportPage *self)
{
  sila_import_lines_set_report (self->lines, NULL, NULL, FALSE);
  gtk_widget_set_visible (self->report_box, FALSE);
  set_message (self->status_label, NULL);
}

static void
clear_columns (SilaImportPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))) != NULL)
    gtk_flow_box_remove (self->columns_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), FALSE);
  set_message (self->problem_label, NULL);
}

static void
show_refusal (SilaImportPage *self)
{
  static const char *const refusals[] = {
    N_("Your role does not allow importing beneficiary files. An administrator can give you "
       "the role, or import the register."),
    N_("Your role does not allow importing past requests. An administrator can give you the "
       "role, or import the log."),
    N_("Your role does not allow importing survey responses. An administrator can give you "
       "the role, or import them."),
  };

  set_message (self->refusal_label, allowed (self, self->kind) ? NULL : _(refusals[self->kind]));
}

/* ---- the file's columns ------------------------------------------------ */

static char *
describe_file (SilaImportPage *self)
{
  g_autofree char *name = NULL;
  g_autofree char *basename = g_file_get_basename (self->file);

  name = g_filename_display_name (basename);
  if (self->preview == NULL)
    return g_steal_pointer (&name);
  if (self->preview->encoding == NULL)
    /* Translators: a file name, then what kind of file it is. */
    return g_strdup_printf (_("%s (Excel workbook)"), name);
  if (g_str_equal (self->preview->encoding, "WINDOWS-1256"))
    return g_strdup_printf (_("%s (CSV, Arabic Windows encoding)"), name);
  return g_strdup_printf (_("%s (CSV, %s)"), name, self->preview->encoding);
}

static void
show_preview (SilaImportPage *self)
{
  const SilaImportPreview *p = self->preview;
  g_autofree char *subtitle = describe_file (self);
  g_autofree char *markup = g_markup_escape_text (subtitle, -1);
  guint n_sheets = p->sheets != NULL ? g_strv_length (p->sheets) : 0;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->file_row), markup);

  self->filling_sheets = TRUE;
  gtk_string_list_splice (self->sheet_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->sheet_list)),
                          n_sheets > 1 ? (const char *const *)p->sheets : NULL);
  for (guint i = 0; i < n_sheets; i++)
    if (g_strcmp0 (p->sheets[i], p->sheet) == 0)
      adw_combo_row_set_selected (self->sheet_row, i);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), n_sheets > 1);
  self->filling_sheets = FALSE;

  clear_columns (self);
  for (guint i = 0; i < p->matches->len; i++)
    gtk_flow_box_append (self->columns_box, sila_import_column_chip (g_ptr_array_index (p->matches, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), p->matches->len > 0);

  if (p->problem != NULL)
    set_message (self->problem_label, p->problem);
  else if (p->missing != NULL && p->missing[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (_(", "), p->missing);
      g_autofree char *text = g_strdup_printf (_("Missing required columns: %s."), list);

      set_message (self->problem_label, text);
    }
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SilaImportPage) self = user_data;
  g_autoptr(GError) error = NULL;
  SilaImportPreview *preview = sila_import_task_preview_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->disposed)
    {
      g_clear_pointer (&preview, sila_import_preview_free);
      return;
    }
  self->busy = FALSE;
  g_clear_pointer (&self->preview, sila_import_preview_free);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  if (preview == NULL)
    {
      /* An unreadable file: its message where the columns would be. */
      set_message (self->problem_label, error->message);
      update_actions (self);
      return;
    }
  self->preview = preview;
  show_preview (self);
  update_actions (self);
}

static void
start_preview (SilaImportPage *self)
{
  g_autofree char *path = NULL;

  if (self->file == NULL)
    return;
  /* A header still being read for the previous choice is dropped (its
   * callback sees the cancellation and leaves the page alone). */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);

  g_clear_pointer (&self->preview, sila_import_preview_free);
  clear_columns (self);
  clear_report (self);
  if (!allowed (self, self->kind))
    {
      update_actions (self);
      return;
    }

  path = g_file_get_path (self->file);
  if (path == NULL)
    {
      set_message (self->problem_label, _("Only a file on this computer can be imported."));
      update_actions (self);
      return;
    }
  self->busy = TRUE;
  gtk_progress_bar_set_text (self->progress_bar, _("Reading the header…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  update_actions (self);
  /* The stop button is for imports, not for reading one row. */
  gtk_widget_set_visible (self->stop_button, FALSE);
  sila_import_task_preview_async (self->session, self->kind, path, self->sheet,
                                  self->cancellable, preview_done_cb, g_object_ref (self));
}

/* ---- the dry run and the import ----------------------------------------- */

static void
progress_cb (double   fraction,
             guint    rows,
             gpointer object)
{
  SilaImportPage *self = object;
  g_autofree char *n = NULL;
  g_autofree char *text = NULL;

  if (!self->busy || self->disposed)
    return;
  n = sila_format_int (rows);
  text = g_strdup_printf (ngettext ("%s row read", "%s rows read", rows), n);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static char *
summary (const SilaImportOutcome *outcome)
{
  g_autofree char *ok = sila_format_int (outcome->counts.ok);
  g_autofree char *rejected = sila_format_int (outcome->counts.rejected);
  g_autofree char *duplicates = sila_format_int (outcome->counts.duplicates);

  if (outcome->dry_run)
    return g_strdup_printf (_("Checked, nothing saved. Rows that would be imported: %s; "
                              "rejected: %s; duplicates: %s."),
                            ok, rejected, duplicates);
  return g_strdup_printf (_("Imported. Rows imported: %s; rejected: %s; duplicates: %s."),
                          ok, rejected, duplicates);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SilaImportPage) self = user_data;
  g_autoptr(GError) error = NULL;
  SilaImportOutcome *outcome = sila_import_task_run_finish (result, &error);
  g_autofree char *text = NULL;
  static const char *const what[] = { "beneficiary", "requests", "survey" };

  if (self->disposed)
    {
      /* Closed while it ran: it was stopped and rolled back, or it had
       * committed already; either way the other pages hear of it. */
      self->busy = FALSE;
      if (outcome != NULL && !outcome->dry_run)
        sila_session_notify_changed (self->session, what[self->kind]);
      g_clear_pointer (&outcome, sila_import_outcome_free);
      return;
    }
  self->busy = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  if (outcome == NULL)
    {
      /* Stopped (rolled back), refused, or the file went bad part-way:
       * the store kept nothing either way. */
      set_message (self->status_label, error->message);
      update_actions (self);
      return;
    }

  text = summary (outcome);
  set_message (self->status_label, text);
  gtk_widget_set_visible (self->report_box, TRUE);
  sila_import_lines_set_report (self->lines, g_steal_pointer (&outcome->report),
                                self->preview != NULL ? self->preview->labels : NULL,
                                outcome->dry_run);
  if (!outcome->dry_run)
    sila_session_notify_changed (self->session, what[self->kind]);
  sila_import_outcome_free (outcome);
  update_actions (self);
}

static void
start_run (SilaImportPage *self,
           gboolean        dry_run)
{
  g_autofree char *path = g_file_get_path (self->file);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  clear_report (self);
  self->busy = TRUE;
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, dry_run ? _("Checking…") : _("Importing…"));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  update_actions (self);
  sila_import_task_run_async (self->session, self->kind, path, self->sheet, dry_run, progress_cb,
                              self, self->cancellable, run_done_cb, g_object_ref (self));
}

/* ---- signal callbacks and actions -------------------------------------- */

static void
kind_changed_cb (SilaImportPage *self)
{
  self->kind = MIN (adw_combo_row_get_selected (self->kind_row), SILA_N_IMPORT_KINDS - 1);
  show_refusal (self);
  start_preview (self);
  update_actions (self);
}

static void
sheet_changed_cb (SilaImportPage *self)
{
  guint selected = adw_combo_row_get_selected (self->sheet_row);

  if (self->filling_sheets || selected == GTK_INVALID_LIST_POSITION)
    return;
  g_free (self->sheet);
  self->sheet = g_strdup (gtk_string_list_get_string (self->sheet_list, selected));
  start_preview (self);
}

static void
problems_toggled_cb (SilaImportPage *self)
{
  sila_import_lines_set_problems_only (self->lines,
                                       gtk_check_button_get_active (self->problems_check));
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     SilaImportPage  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file != NULL)
    sila_import_page_open_file (self, file);
}

static void
choose_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  SilaImportPage *self = SILA_IMPORT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) tables = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (tables, _("CSV files and Excel workbooks"));
  gtk_file_filter_add_suffix (tables, "csv");
  gtk_file_filter_add_suffix (tables, "txt");
  gtk_file_filter_add_suffix (tables, "xlsx");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose the File to Import"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), tables);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
check_action (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  start_run (SILA_IMPORT_PAGE (widget), TRUE);
}

static void
run_action (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  start_run (SILA_IMPORT_PAGE (widget), FALSE);
}

static void
stop_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  SilaImportPage *self = SILA_IMPORT_PAGE (widget);

  gtk_progress_bar_set_text (self->progress_bar, _("Stopping…"));
  g_cancellable_cancel (self->cancellable);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  SilaImportPage  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file != NULL && !sila_import_page_save_report (self, file, &error))
    set_message (self->status_label, error->message);
}

static void
save_report_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *parameter)
{
  SilaImportPage *self = SILA_IMPORT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save the Import Report"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: the suggested file name of a saved import report. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("import-report.csv"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
session_changed_cb (SilaImportPage *self,
                    const char     *what,
                    SilaSession    *session)
{
  /* Roles may have changed (another account signed in). */
  if (what == NULL || g_str_equal (what, "staff"))
    {
      show_refusal (self);
      update_actions (self);
    }
}

/* ---- overrides ------------------------------------------------------------ */

static void
sila_import_page_dispose (GObject *object)
{
  SilaImportPage *self = SILA_IMPORT_PAGE (object);

  /* Leaving the page stops what it started; an import then rolls back. */
  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), SILA_TYPE_IMPORT_PAGE);
  G_OBJECT_CLASS (sila_import_page_parent_class)->dispose (object);
}

/* The window closed (or the page left it): what runs is stopped, and an
 * import rolls back, rather than finishing unseen. */
static void
sila_import_page_unroot (GtkWidget *widget)
{
  SilaImportPage *self = SILA_IMPORT_PAGE (widget);

  g_cancellable_cancel (self->cancellable);
  GTK_WIDGET_CLASS (sila_import_page_parent_class)->unroot (widget);
}

static void
sila_import_page_finalize (GObject *object)
{
  SilaImportPage *self = SILA_IMPORT_PAGE (object);

  g_clear_object (&self->session);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->lines);
  g_free (self->sheet);
  g_clear_pointer (&self->preview, sila_import_preview_free);
  G_OBJECT_CLASS (sila_import_page_parent_class)->finalize (object);
}

static void
sila_import_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SilaImportPage *self = SILA_IMPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sila_import_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SilaImportPage *self = SILA_IMPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sila_import_page_constructed (GObject *object)
{
  SilaImportPage *self = SILA_IMPORT_PAGE (object);

  G_OBJECT_CLASS (sila_import_page_parent_class)->constructed (object);

  g_signal_connect_object (self->session, "changed", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* The first kind this role may import. */
  for (guint k = 0; k < SILA_N_IMPORT_KINDS; k++)
    if (allowed (self, k))
      {
        adw_combo_row_set_selected (self->kind_row, k);
        break;
      }
  kind_changed_cb (self);
}

static void
sila_import_page_class_init (SilaImportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sila_import_page_dispose;
  object_class->finalize = sila_import_page_finalize;
  object_class->set_property = sila_import_page_set_property;
  object_class->get_property = sila_import_page_get_property;
  object_class->constructed = sila_import_page_constructed;
  widget_class->unroot = sila_import_page_unroot;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/sa/org/sila/Desk/ui/sila-import-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, file_row);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, sheet_list);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, refusal_label);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, columns_group);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, columns_box);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, check_button);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, stop_button);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, choose_button);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, report_box);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, problems_check);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, SilaImportPage, report_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "import.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "import.save-report", NULL, save_report_action);
}

static void
sila_import_page_init (SilaImportPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->lines = sila_import_lines_new ();
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->lines)));
  gtk_column_view_set_model (self->report_view, GTK_SELECTION_MODEL (selection));
  sila_import_report_add_columns (self->report_view);

  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb),
                            self);
  g_signal_connect_swapped (self->sheet_row, "notify::selected", G_CALLBACK (sheet_changed_cb),
                            self);
  g_signal_connect_swapped (self->problems_check, "toggled", G_CALLBACK (problems_toggled_cb),
                            self);
}

/* ---- public API ------------------------------------------------------------ */

void
sila_import_page_set_kind (SilaImportPage *self,
                           SilaImportKind  kind)
{
  g_return_if_fail (SILA_IS_IMPORT_PAGE (self));
  adw_combo_row_set_selected (self->kind_row, kind);
}

void
sila_import_page_open_file (SilaImportPage *self,
                            GFile          *file)
{
  g_return_if_fail (SILA_IS_IMPORT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_clear_pointer (&self->sheet, g_free);
  {
    g_autofree char *basename = g_file_get_basename (file);
    g_autofree char *name = g_filename_display_name (basename);
    g_autofree char *markup = g_markup_escape_text (name, -1);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->file_row), markup);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), FALSE);
  start_preview (self);
}

gboolean
sila_import_page_is_busy (SilaImportPage *self)
{
  g_return_val_if_fail (SILA_IS_IMPORT_PAGE (self), FALSE);
  return self->busy;
}

GStrv
sila_import_page_dup_columns (SilaImportPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SILA_IS_IMPORT_PAGE (self), NULL);

  for (guint i = 0; self->preview != NULL && i < self->preview->matches->len; i++)
    {
      const SilaImportMatch *m = g_ptr_array_index (self->preview->matches, i);
      g_autofree char *pair = g_strdup_printf ("%s=%s", m->header,
                                               m->field != NULL ? m->field : "");

      g_strv_builder_add (builder, pair);
    }
  return g_strv_builder_end (builder);
}

GListModel *
sila_import_page_get_lines (SilaImportPage *self)
{
  g_return_val_if_fail (SILA_IS_IMPORT_PAGE (self), NULL);
  return G_LIST_MODEL (self->lines);
}

gboolean
sila_import_page_save_report (SilaImportPage  *self,
                              GFile           *file,
                              GError         **error)
{
  g_autofree char *path = g_file_get_path (file);
  SilaImportReport *report = sila_import_lines_get_report (self->lines);

  g_return_val_if_fail (SILA_IS_IMPORT_PAGE (self), FALSE);

  if (report == NULL || path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("There is no report to save yet: check the file first."));
      return FALSE;
    }
  return sila_import_report_write (report, path, error);
}

GtkWidget *
sila_import_page_get_part (SilaImportPage *self,
                           const char     *name)
{
  const struct {
    const char *name;
    GtkWidget  *widget;
  } parts[] = {
    { "check", self->check_button },
    { "import", self->import_button },
    { "stop", self->stop_button },
    { "choose", self->choose_button },
    { "filter", GTK_WIDGET (self->problems_check) },
    { "progress", GTK_WIDGET (self->progress_bar) },
    { "status", GTK_WIDGET (self->status_label) },
    { "problem", GTK_WIDGET (self->problem_label) },
    { "refusal", GTK_WIDGET (self->refusal_label) },
    { "sheet", GTK_WIDGET (self->sheet_row) },
    { "file", GTK_WIDGET (self->file_row) },
    { "save", self->save_button },
    { "report", GTK_WIDGET (self->report_view) },
    { "stack", GTK_WIDGET (self->stack) },
  };

  g_return_val_if_fail (SILA_IS_IMPORT_PAGE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (parts[i].name, name))
      return parts[i].widget;
  return NULL;
}
