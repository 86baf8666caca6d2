/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-problem-window.h"

struct _SilaProblemWindow
{
  AdwApplicationWindow  parent_instance;

  GtkNativeDialog      *chooser;
  char                 *message;

  /* Template widgets */
  AdwStatusPage        *status_page;
};

G_DEFINE_FINAL_TYPE (SilaProblemWindow, sila_problem_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  DATABASE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
chooser_response_cb (SilaProblemWindow *self,
                     int                response,
                     GtkNativeDialog   *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        g_signal_emit (self, signals[DATABASE_CHOSEN], 0, path);
    }

  g_clear_object (&self->chooser);
}

static void
choose_file (SilaProblemWindow    *self,
             GtkFileChooserAction  action)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (action == GTK_FILE_CHOOSER_ACTION_SAVE
                                           ? _("New Database")
                                           : _("Open Database"),
                                         GTK_WINDOW (self), action, NULL, NULL);
  gtk_file_filter_set_name (filter, _("Sila Desk databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "sila.db");

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_file (SILA_PROBLEM_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_file (SILA_PROBLEM_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
sila_problem_window_dispose (GObject *object)
{
  SilaProblemWindow *self = (SilaProblemWindow *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_PROBLEM_WINDOW);

  G_OBJECT_CLASS (sila_problem_window_parent_class)->dispose (object);
}

static void
sila_problem_window_finalize (GObject *object)
{
  SilaProblemWindow *self = (SilaProblemWindow *)object;

  g_free (self->message);

  G_OBJECT_CLASS (sila_problem_window_parent_class)->finalize (object);
}

static void
sila_problem_window_class_init (SilaProblemWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sila_problem_window_dispose;
  object_class->finalize = sila_problem_window_finalize;

  signals[DATABASE_CHOSEN] =
    g_signal_new ("database-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-problem-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaProblemWindow, status_page);

  gtk_widget_class_install_action (widget_class, "problem.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "problem.create", NULL, create_action);
}

static void
sila_problem_window_init (SilaProblemWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SilaProblemWindow *
sila_problem_window_new (GtkApplication *application,
                         const GError   *error)
{
  SilaProblemWindow *self;
  g_autofree char *markup = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (SILA_TYPE_PROBLEM_WINDOW, "application", application, NULL);
  self->message = g_strdup (error->message);
  /* The description is Pango markup: a path may hold '&' or '<'. */
  markup = g_markup_escape_text (self->message, -1);
  adw_status_page_set_description (self->status_page, markup);

  return self;
}

const char *
sila_problem_window_get_message (SilaProblemWindow *self)
{
  g_return_val_if_fail (SILA_IS_PROBLEM_WINDOW (self), NULL);

  return self->message;
}
