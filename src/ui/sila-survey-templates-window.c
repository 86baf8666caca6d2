/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The survey templates window: the list of templates with their state and
 * counts, and from each row editing it, copying it, making it the default
 * and retiring it or bringing it back. The editor it opens is in
 * sila-survey-templates-editor.c. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-display.h"
#include "sila-field-error.h"
#include "sila-format.h"
#include "sila-store-surveys.h"
#include "sila-survey-templates-window-private.h"

G_DEFINE_FINAL_TYPE (SilaSurveyTemplatesWindow, sila_survey_templates_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
sila_survey_templates_window_toast (SilaSurveyTemplatesWindow *self,
                                    const char                *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static const SilaSurveyTemplate *
template_at (SilaSurveyTemplatesWindow *self,
             GVariant                  *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; self->templates != NULL && i < self->templates->len; i++)
    {
      const SilaSurveyTemplate *tpl = g_ptr_array_index (self->templates, i);

      if (g_str_equal (tpl->id, id))
        return tpl;
    }

  return NULL;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaSurveyTemplatesWindow *self = SILA_SURVEY_TEMPLATES_WINDOW (widget);
  const SilaSurveyTemplate *tpl = template_at (self, parameter);

  if (tpl != NULL)
    sila_survey_templates_window_open_editor (self, tpl);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaSurveyTemplatesWindow *self = SILA_SURVEY_TEMPLATES_WINDOW (widget);
  const SilaSurveyTemplate *tpl = template_at (self, parameter);
  g_autoptr(SilaSurveyTemplate) copy = NULL;

  if (tpl == NULL)
    return;

  copy = sila_survey_template_copy (tpl);
  g_clear_pointer (&copy->id, g_free);
  g_clear_pointer (&copy->retired_at, g_free);
  copy->is_default = FALSE;
  copy->rev = 0;
  copy->n_responses = 0;
  g_free (copy->code);
  copy->code = g_strdup_printf ("%s_2", tpl->code);
  g_free (copy->name_ar);
  copy->name_ar = g_strdup_printf ("%s (نسخة)", tpl->name_ar);
  g_free (copy->name_en);
  copy->name_en = g_strdup_printf ("%s (copy)", tpl->name_en);
  for (guint i = 0; i < copy->questions->len; i++)
    g_clear_pointer (&((SilaSurveyQuestion *)g_ptr_array_index (copy->questions, i))->id,
                     g_free);

  sila_survey_templates_window_open_editor (self, copy);
}

static void
report (SilaSurveyTemplatesWindow *self,
        gboolean                   ok,
        const GError              *error,
        const char                *done)
{
  if (!ok)
    {
      sila_field_error_show (GTK_WIDGET (self->list), self->list_error, error);
      return;
    }

  sila_field_error_clear (GTK_WIDGET (self->list), self->list_error);
  sila_session_notify_changed (self->session, "survey");
  sila_survey_templates_window_load_list (self);
  sila_survey_templates_window_toast (self, done);
}

static void
default_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SilaSurveyTemplatesWindow *self = SILA_SURVEY_TEMPLATES_WINDOW (widget);
  const SilaSurveyTemplate *tpl = template_at (self, parameter);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (tpl == NULL)
    return;
  ok = sila_store_set_default_survey_template (sila_session_get_store (self->session),
                                               sila_session_get_actor (self->session), tpl->id,
                                               &error);
  report (self, ok, error, _("This is now the default template."));
}

static void
retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SilaSurveyTemplatesWindow *self = SILA_SURVEY_TEMPLATES_WINDOW (widget);
  const SilaSurveyTemplate *tpl = template_at (self, parameter);
  g_autoptr(GError) error = NULL;
  gboolean retire;
  gboolean ok;

  if (tpl == NULL)
    return;
  retire = !sila_survey_template_is_retired (tpl);
  ok = sila_store_retire_survey_template (sila_session_get_store (self->session),
                                          sila_session_get_actor (self->session), tpl->id,
                                          retire, &error);
  report (self, ok, error, retire ? _("The template was retired; its answers stay in the "
                                      "results.")
                                  : _("The template takes responses again."));
}

static GtkWidget *
row_button (const char *label,
            const char *action,
            const char *id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  return button;
}

void
sila_survey_templates_window_load_list (SilaSurveyTemplatesWindow *self)
{
  g_autoptr(GError) error = NULL;
  SilaLanguage language = sila_i18n_get_language ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = sila_store_list_survey_templates (sila_session_get_store (self->session),
                                                      sila_session_get_actor (self->session),
                                                      TRUE, &error);
  if (self->templates == NULL)
    {
      sila_field_error_show (GTK_WIDGET (self->list), self->list_error, error);
      return;
    }

  for (guint i = 0; i < self->templates->len; i++)
    {
      const SilaSurveyTemplate *tpl = g_ptr_array_index (self->templates, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *n_questions = sila_format_int (tpl->questions->len);
      g_autofree char *n_responses = sila_format_int (tpl->n_responses);
      g_autofree char *counts = NULL;
      g_autofree char *subtitle = NULL;
      const char *state;

      counts = g_strdup_printf (_("%s questions, %s responses"), n_questions, n_responses);
      state = tpl->is_default ? _("Default")
                              : sila_survey_template_is_retired (tpl) ? _("Retired") : _("In use");
      /* The code stays left to right inside an Arabic line. */
      {
        g_autofree char *code = sila_display_code (tpl->code);
        g_autofree char *code_text = g_strdup_printf (_("code %s"), code);

        subtitle = sila_display_join (state, counts, code_text, NULL);
      }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     sila_survey_template_get_name (tpl, language));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (row, tpl->code);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (_("_Edit"), "templates.edit", tpl->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (_("C_opy"), "templates.copy", tpl->id));
      if (!tpl->is_default && !sila_survey_template_is_retired (tpl))
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   row_button (_("Make _Default"), "templates.make-default",
                                               tpl->id));
      if (!tpl->is_default)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   row_button (sila_survey_template_is_retired (tpl)
                                                 ? _("_Bring Back") : _("_Retire"),
                                               "templates.retire", tpl->id));
      gtk_list_box_append (self->list, row);
    }
}

static void
sila_survey_templates_window_constructed (GObject *object)
{
  SilaSurveyTemplatesWindow *self = (SilaSurveyTemplatesWindow *)object;
  gboolean can_edit;

  G_OBJECT_CLASS (sila_survey_templates_window_parent_class)->constructed (object);

  g_assert (SILA_IS_SESSION (self->session));

  can_edit = sila_session_can (self->session, SILA_PERM_SURVEY_TEMPLATES) &&
             !sila_store_is_read_only (sila_session_get_store (self->session));
  for (guint i = 0; i < 6; i++)
    {
      static const char *actions[] = {
        "templates.new", "templates.edit", "templates.copy", "templates.make-default",
        "templates.retire", "templates.save",
      };

      gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], can_edit);
    }
  gtk_widget_set_direction (GTK_WIDGET (self->code_row), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->name_ar_row), GTK_TEXT_DIR_RTL);
  gtk_widget_set_direction (GTK_WIDGET (self->name_en_row), GTK_TEXT_DIR_LTR);

  sila_survey_templates_window_load_list (self);
}

static void
sila_survey_templates_window_dispose (GObject *object)
{
  SilaSurveyTemplatesWindow *self = (SilaSurveyTemplatesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_SURVEY_TEMPLATES_WINDOW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_survey_templates_window_parent_class)->dispose (object);
}

static void
sila_survey_templates_window_finalize (GObject *object)
{
  SilaSurveyTemplatesWindow *self = (SilaSurveyTemplatesWindow *)object;

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->editing, sila_survey_template_free);
  g_clear_pointer (&self->editors, g_ptr_array_unref);

  G_OBJECT_CLASS (sila_survey_templates_window_parent_class)->finalize (object);
}

static void
sila_survey_templates_window_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  SilaSurveyTemplatesWindow *self = SILA_SURVEY_TEMPLATES_WINDOW (object);

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
sila_survey_templates_window_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  SilaSurveyTemplatesWindow *self = SILA_SURVEY_TEMPLATES_WINDOW (object);

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
sila_survey_templates_window_class_init (SilaSurveyTemplatesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sila_survey_templates_window_constructed;
  object_class->dispose = sila_survey_templates_window_dispose;
  object_class->finalize = sila_survey_templates_window_finalize;
  object_class->get_property = sila_survey_templates_window_get_property;
  object_class->set_property = sila_survey_templates_window_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX
                                               "/ui/sila-survey-templates-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyTemplatesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyTemplatesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyTemplatesWindow, list);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyTemplatesWindow, list_error);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyTemplatesWindow, editor_title);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyTemplatesWindow, code_row);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyTemplatesWindow, name_ar_row);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyTemplatesWindow, name_en_row);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyTemplatesWindow, template_error);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyTemplatesWindow, used_note);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyTemplatesWindow, questions_box);

  gtk_widget_class_install_action (widget_class, "templates.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "templates.copy", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "templates.make-default", "s", default_action);
  gtk_widget_class_install_action (widget_class, "templates.retire", "s", retire_action);
  sila_survey_templates_window_install_editor_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sila_survey_templates_window_init (SilaSurveyTemplatesWindow *self)
{
  sila_survey_templates_window_init_editor (self);
  gtk_widget_init_template (GTK_WIDGET (self));
}

SilaSurveyTemplatesWindow *
sila_survey_templates_window_new (GtkWindow   *parent,
                                  SilaSession *session)
{
  return g_object_new (SILA_TYPE_SURVEY_TEMPLATES_WINDOW,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}

gboolean
sila_survey_templates_window_edit (SilaSurveyTemplatesWindow *self,
                                   const char                *code)
{
  g_return_val_if_fail (SILA_IS_SURVEY_TEMPLATES_WINDOW (self), FALSE);

  if (code == NULL || *code == '\0')
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "templates.new", NULL);
      return TRUE;
    }

  for (guint i = 0; self->templates != NULL && i < self->templates->len; i++)
    {
      const SilaSurveyTemplate *tpl = g_ptr_array_index (self->templates, i);

      if (g_str_equal (tpl->code, code))
        {
          sila_survey_templates_window_open_editor (self, tpl);
          return TRUE;
        }
    }

  return FALSE;
}

