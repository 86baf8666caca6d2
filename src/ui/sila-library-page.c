/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sila-clock.h"
#include "sila-date.h"
#include "sila-display.h"
#include "sila-field-error.h"
#include "sila-library-page.h"
#include "sila-print.h"
#include "sila-request-form.h"
#include "sila-store-library.h"

struct _SilaLibraryPage
{
  GtkWidget             parent_instance;

  SilaSession          *session;
  GtkWidget            *rows[SILA_N_LIBRARY_DOCUMENTS];
  GtkWidget            *open_buttons[SILA_N_LIBRARY_DOCUMENTS];
  GtkWidget            *replace_buttons[SILA_N_LIBRARY_DOCUMENTS];
  GtkFileChooserNative *chooser;
  SilaLibraryDocument   choosing;

  /* Template widgets */
  AdwPreferencesGroup  *documents_group;
  GtkLabel             *error_label;
  AdwActionRow         *form_row;
};

G_DEFINE_FINAL_TYPE (SilaLibraryPage, sila_library_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (SilaLibraryPage     *self,
            SilaLibraryDocument  document,
            const GError        *error)
{
  sila_field_error_show (self->rows[document], self->error_label, error);
}

static void
clear_errors (SilaLibraryPage *self)
{
  for (guint i = 0; i < SILA_N_LIBRARY_DOCUMENTS; i++)
    sila_field_error_clear (self->rows[i], self->error_label);
}

static char *
describe_entry (const SilaLibraryEntry *entry)
{
  g_autofree char *size = NULL;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  g_autofree char *who = NULL;
  g_autofree char *replaced = NULL;

  if (entry->filename == NULL)
    return g_strdup (_("Not added yet: an administrator can add the file."));

  size = sila_display_size ((guint64)MAX (entry->size, 0));
  {
    GDate day;
    g_autofree char *iso = g_strndup (entry->updated_at != NULL ? entry->updated_at : "", 10);

    date = sila_date_from_iso (iso, &day) ? sila_date_format (&day, SILA_CALENDAR_GREGORIAN)
                                          : g_steal_pointer (&iso);
  }
  /* The file name and the person are isolated: a Latin name at either end
   * of an Arabic line would otherwise pull its neighbours out of order. */
  name = sila_display_isolate (entry->filename);
  who = sila_display_isolate (sila_display_person (entry->updated_by_name, entry->updated_by));
  replaced = g_strdup_printf (_("replaced on %s by %s"), date, who);
  return sila_display_join (name, size, replaced, NULL);
}

static void
reload (SilaLibraryPage *self)
{
  SilaStore *store = sila_session_get_store (self->session);
  gboolean can_edit = sila_session_can (self->session, SILA_PERM_LIBRARY_EDIT) &&
                      !sila_store_is_read_only (store);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = sila_store_library_list (store, &error);
  if (entries == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      const SilaLibraryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *subtitle = describe_entry (entry);
      g_autofree char *markup = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rows[i]), markup);
      gtk_widget_set_sensitive (self->open_buttons[i], entry->filename != NULL);
      gtk_widget_set_visible (self->replace_buttons[i], can_edit);
      gtk_button_set_label (GTK_BUTTON (self->replace_buttons[i]),
                            entry->filename != NULL ? _("_Replace…") : _("_Add…"));
    }
}

static void
session_changed_cb (SilaLibraryPage *self,
                    const char      *what,
                    SilaSession     *session)
{
  if (what == NULL || g_str_equal (what, "library"))
    reload (self);
}

/* Writes the document to the user's private cache, where the system's
 * viewer can open it, and returns that path. */
char *
sila_library_page_export_document (SilaLibraryPage      *self,
                                   SilaLibraryDocument   document,
                                   GError              **error)
{
  SilaStore *store = sila_session_get_store (self->session);
  g_autoptr(GBytes) content = NULL;
  g_autofree char *mime_type = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "sila", "library", NULL);
  g_autofree char *name = NULL;
  char *path;

  g_return_val_if_fail (SILA_IS_LIBRARY_PAGE (self), NULL);

  content = sila_store_library_get (store, document, &mime_type, error);
  if (content == NULL)
    return NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot create the folder “%s”."),
                   dir);
      return NULL;
    }

  name = g_strconcat (sila_library_document_to_code (document),
                      sila_library_extension_for (mime_type), NULL);
  path = g_build_filename (dir, name, NULL);
  if (!g_file_set_contents_full (path, g_bytes_get_data (content, NULL),
                                 g_bytes_get_size (content),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    {
      g_free (path);
      return NULL;
    }

  return path;
}

static void
open_clicked_cb (GtkButton       *button,
                 SilaLibraryPage *self)
{
  SilaLibraryDocument document = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                      "document"));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  clear_errors (self);
  path = sila_library_page_export_document (self, document, &error);
  if (path == NULL)
    {
      show_error (self, document, error);
      return;
    }

  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME);
}

/* Reads @file and keeps it as @document; any refusal is shown beside the
 * document's row. Returns whether it was kept. */
gboolean
sila_library_page_replace_document (SilaLibraryPage     *self,
                                    SilaLibraryDocument  document,
                                    GFile               *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SILA_IS_LIBRARY_PAGE (self), FALSE);

  clear_errors (self);

  /* Refuse a huge file before reading it all in. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            &error);
  if (info != NULL && g_file_info_get_size (info) > SILA_LIBRARY_MAX_BYTES)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The file is too large: at most %d MB."),
                   SILA_LIBRARY_MAX_BYTES / (1024 * 1024));
      sila_display_error_digits (&error);
    }
  else if (info != NULL)
    content = g_file_load_bytes (file, NULL, NULL, &error);

  name = g_file_get_basename (file);
  if (content == NULL ||
      !sila_store_library_replace (sila_session_get_store (self->session),
                                   sila_session_get_actor (self->session), document, name,
                                   content, &error))
    {
      show_error (self, document, error);
      return FALSE;
    }

  reload (self);
  sila_session_notify_changed (self->session, "library");
  return TRUE;
}

static void
chooser_response_cb (SilaLibraryPage      *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        sila_library_page_replace_document (self, self->choosing, file);
    }

  g_clear_object (&self->chooser);
}

static void
replace_clicked_cb (GtkButton       *button,
                    SilaLibraryPage *self)
{
  SilaLibraryDocument document = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                      "document"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->choosing = document;
  self->chooser = gtk_file_chooser_native_new (sila_library_document_to_display (document),
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, NULL, NULL);
  gtk_file_filter_set_name (filter, _("PDF, Word and OpenDocument files"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "application/msword");
  gtk_file_filter_add_mime_type (filter,
                                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.text");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The blank form, drawn by the same renderer as every printed request. */
char *
sila_library_page_export_form (SilaLibraryPage  *self,
                               GError          **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "sila", "library", NULL);
  g_autofree char *path = NULL;

  g_return_val_if_fail (SILA_IS_LIBRARY_PAGE (self), NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot create the folder “%s”."),
                   dir);
      return NULL;
    }
  path = g_build_filename (dir, "support-request-form.pdf", NULL);
  if (!sila_request_form_write_pdf (sila_session_get_store (self->session),
                                    sila_session_get_actor (self->session), NULL, path, error))
    return NULL;

  return g_steal_pointer (&path);
}

static void
form_open_clicked_cb (GtkButton       *button,
                      SilaLibraryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  sila_field_error_clear (GTK_WIDGET (self->form_row), self->error_label);
  path = sila_library_page_export_form (self, &error);
  if (path == NULL)
    {
      sila_field_error_show (GTK_WIDGET (self->form_row), self->error_label, error);
      return;
    }

  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME);
}

static void
form_print_clicked_cb (GtkButton       *button,
                       SilaLibraryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaDocument) document = NULL;

  sila_field_error_clear (GTK_WIDGET (self->form_row), self->error_label);
  document = sila_request_form_new (sila_session_get_store (self->session),
                                    sila_session_get_actor (self->session), NULL, &error);
  if (document == NULL ||
      !sila_print_document (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), document, NULL,
                            &error))
    sila_field_error_show (GTK_WIDGET (self->form_row), self->error_label, error);
}

static GtkWidget *
row_button (SilaLibraryPage     *self,
            SilaLibraryDocument  document,
            const char          *label,
            GCallback            callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "document", GUINT_TO_POINTER (document));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
build_rows (SilaLibraryPage *self)
{
  for (guint i = 0; i < SILA_N_LIBRARY_DOCUMENTS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-document-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     sila_library_document_to_display (i));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

      self->open_buttons[i] = row_button (self, i, _("_Open"), G_CALLBACK (open_clicked_cb));
      gtk_widget_add_css_class (self->open_buttons[i], "suggested-action");
      self->replace_buttons[i] = row_button (self, i, _("_Replace…"),
                                             G_CALLBACK (replace_clicked_cb));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->replace_buttons[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->open_buttons[i]);

      self->rows[i] = row;
      adw_preferences_group_add (self->documents_group, row);
    }
}

static void
sila_library_page_constructed (GObject *object)
{
  SilaLibraryPage *self = (SilaLibraryPage *)object;

  G_OBJECT_CLASS (sila_library_page_parent_class)->constructed (object);

  g_assert (SILA_IS_SESSION (self->session));

  build_rows (self);

  /* The blank request form is the app's own: open or print it. */
  {
    GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));
    GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));

    gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
    gtk_widget_set_valign (print, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (open, "suggested-action");
    g_signal_connect (open, "clicked", G_CALLBACK (form_open_clicked_cb), self);
    g_signal_connect (print, "clicked", G_CALLBACK (form_print_clicked_cb), self);
    adw_action_row_add_suffix (self->form_row, print);
    adw_action_row_add_suffix (self->form_row, open);
    gtk_widget_set_sensitive (GTK_WIDGET (self->form_row), TRUE);
  }
  g_signal_connect_object (self->session, "changed", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

static void
sila_library_page_dispose (GObject *object)
{
  SilaLibraryPage *self = (SilaLibraryPage *)object;
  GtkWidget *child;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_LIBRARY_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_library_page_parent_class)->dispose (object);
}

static void
sila_library_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SilaLibraryPage *self = SILA_LIBRARY_PAGE (object);

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
sila_library_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SilaLibraryPage *self = SILA_LIBRARY_PAGE (object);

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
sila_library_page_class_init (SilaLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sila_library_page_constructed;
  object_class->dispose = sila_library_page_dispose;
  object_class->get_property = sila_library_page_get_property;
  object_class->set_property = sila_library_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaLibraryPage, documents_group);
  gtk_widget_class_bind_template_child (widget_class, SilaLibraryPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, SilaLibraryPage, form_row);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sila_library_page_init (SilaLibraryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sila_library_page_get_row (SilaLibraryPage     *self,
                           SilaLibraryDocument  document)
{
  g_return_val_if_fail (SILA_IS_LIBRARY_PAGE (self), NULL);
  g_return_val_if_fail (document < SILA_N_LIBRARY_DOCUMENTS, NULL);

  return self->rows[document];
}
