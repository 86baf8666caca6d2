/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-a11y.h"
#include "sila-contact-window.h"
#include "sila-help.h"
#include "sila-new-request-window.h"
#include "sila-requests-page.h"
#include "sila-beneficiaries-page.h"
#include "sila-sections.h"
#include "sila-settings.h"
#include "sila-sign-in-page.h"
#include "sila-store-drafts.h"
#include "sila-window.h"

struct _SilaWindow
{
  AdwApplicationWindow  parent_instance;

  SilaSession          *session;
  gulong                changed_id;

  /* Template widgets */
  GtkStack             *lock_stack;
  SilaSignInPage       *lock_page;
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkListBox           *sidebar_list;
  GtkStack             *stack;
  AdwWindowTitle       *content_title;
  GtkLabel             *association_label;
  GtkLabel             *actor_label;
  GtkLabel             *database_label;
  GtkRevealer          *read_only_revealer;
};

G_DEFINE_FINAL_TYPE (SilaWindow, sila_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

enum {
  UNLOCKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_identity (SilaWindow *self)
{
  SilaStore *store = sila_session_get_store (self->session);
  const SilaActor *actor = sila_session_get_actor (self->session);
  g_autofree char *name = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *signed_in = NULL;

  name = sila_store_get_setting (store, SILA_SETTING_ASSOCIATION_NAME, "");
  gtk_label_set_label (self->association_label, name);

  if (sila_actor_is_owner (actor))
    signed_in = g_strdup (_("Owner of this database"));
  else
    signed_in = g_strdup_printf (_("Signed in as %s"), actor->display_name);
  if (self->lock_page != NULL)
    sila_sign_in_page_set_store (self->lock_page, store);
  gtk_label_set_label (self->actor_label, signed_in);

  basename = g_path_get_basename (sila_store_get_path (store));
  gtk_label_set_label (self->database_label, basename);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->database_label), sila_store_get_path (store));

  gtk_revealer_set_reveal_child (self->read_only_revealer, sila_store_is_read_only (store));
}

static void
session_changed_cb (SilaWindow  *self,
                    const char  *what,
                    SilaSession *session)
{
  if (what == NULL || g_str_equal (what, "settings"))
    update_identity (self);
}

static GtkWidget *
create_sidebar_row (const SilaSection *section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (section->icon_name);
  GtkWidget *label = gtk_label_new (_(section->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, section->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(section->title),
                                  -1);

  return row;
}

static void
sidebar_row_activated_cb (SilaWindow    *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  sila_window_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SilaWindow *self = SILA_WINDOW (widget);

  if (sila_window_show_section (self, g_variant_get_string (parameter, NULL)))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SilaWindow *self = SILA_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Quick entry of a contact, from anywhere in the window (Ctrl+I). */
static void
new_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SilaWindow *self = SILA_WINDOW (widget);
  SilaContactWindow *dialog;

  if (sila_window_is_locked (self))
    return;

  dialog = sila_contact_window_new (GTK_WINDOW (self), self->session, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_request_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  sila_window_show_request (SILA_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
request_opened_cb (SilaWindow           *self,
                   const char           *id,
                   SilaNewRequestWindow *dialog)
{
  sila_session_notify_changed (self->session, "requests");
  sila_window_show_request (self, id);
}

/* A new request for the beneficiary whose id is the parameter (the hook
 * the beneficiary's profile calls). */
static void
new_request_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SilaWindow *self = SILA_WINDOW (widget);
  SilaNewRequestWindow *dialog;

  if (sila_window_is_locked (self))
    return;

  dialog = sila_new_request_window_new (GTK_WINDOW (self), self->session,
                                        g_variant_get_string (parameter, NULL));
  g_signal_connect_object (dialog, "opened", G_CALLBACK (request_opened_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A form the app was killed in the middle of is offered back at start. */
static void
offer_drafts (SilaWindow *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *title = NULL;
  const SilaDraft *latest;
  AdwToast *toast;

  if (!sila_session_can (self->session, SILA_PERM_BENEFICIARY_EDIT) ||
      sila_store_is_read_only (sila_session_get_store (self->session)))
    return;

  drafts = sila_store_list_drafts (sila_session_get_store (self->session),
                                   sila_session_get_actor (self->session),
                                   SILA_DRAFT_KIND_BENEFICIARY, NULL);
  if (drafts == NULL || drafts->len == 0)
    return;

  latest = g_ptr_array_index (drafts, 0);
  if (latest->summary != NULL)
    title = g_strdup_printf (_("An unfinished beneficiary form was kept: %s"), latest->summary);
  else
    title = g_strdup (_("An unfinished beneficiary form was kept"));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Resume"));
  adw_toast_set_action_name (toast, "win.resume-draft");
  adw_toast_set_action_target_value (toast, g_variant_new_string (latest->id));
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
resume_draft_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SilaWindow *self = SILA_WINDOW (widget);
  GtkWidget *page;

  if (!sila_window_show_section (self, "beneficiaries"))
    return;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  page = sila_window_get_section_page (self, "beneficiaries");
  if (SILA_IS_BENEFICIARIES_PAGE (page))
    sila_beneficiaries_page_resume_draft (SILA_BENEFICIARIES_PAGE (page),
                                          g_variant_get_string (parameter, NULL));
}

/* Unlocking asks the locked person's password only; someone else signs in
 * through the application, in a new window of their own. */
static void
lock_page_signed_in_cb (SilaWindow      *self,
                        const SilaActor *actor,
                        gboolean         must_change_password,
                        SilaSignInPage  *page)
{
  const SilaActor *current = sila_session_get_actor (self->session);

  if (g_strcmp0 (actor->id, current->id) != 0)
    return;

  g_signal_emit (self, signals[UNLOCKED], 0);
}

static void
lock_page_other_user_cb (SilaWindow     *self,
                         SilaSignInPage *page)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "app.switch-user", NULL);
}

static gboolean
sila_window_close_request (GtkWindow *window)
{
  GSettings *settings = sila_settings_get ();

  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (sila_window_parent_class)->close_request (window);
}

static void
sila_window_constructed (GObject *object)
{
  SilaWindow *self = (SilaWindow *)object;
  GSettings *settings = sila_settings_get ();
  const SilaSection *sections;
  guint n_sections;

  G_OBJECT_CLASS (sila_window_parent_class)->constructed (object);

  g_assert (SILA_IS_SESSION (self->session));

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  /* Pages are made when first shown: start-up builds one, not eight. */
  sections = sila_sections_get (&n_sections);
  for (guint i = 0; i < n_sections; i++)
    gtk_list_box_append (self->sidebar_list, create_sidebar_row (&sections[i]));

  self->changed_id = g_signal_connect_object (self->session, "changed",
                                              G_CALLBACK (session_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  update_identity (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-contact",
                                 sila_session_can (self->session, SILA_PERM_CONTACT_EDIT));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-request",
                                 sila_session_can (self->session, SILA_PERM_REQUEST_OPEN));
  offer_drafts (self);
}

static void
sila_window_dispose (GObject *object)
{
  SilaWindow *self = (SilaWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_WINDOW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_window_parent_class)->dispose (object);
}

static void
sila_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SilaWindow *self = SILA_WINDOW (object);

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
sila_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SilaWindow *self = SILA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The first section is built when the window first shows, unless one was
 * asked for before: a window opened on the Requests page never computes the
 * dashboard. */
static void
sila_window_map (GtkWidget *widget)
{
  SilaWindow *self = SILA_WINDOW (widget);

  if (gtk_stack_get_visible_child (self->stack) == NULL)
    {
      guint n_sections;
      const SilaSection *sections = sila_sections_get (&n_sections);

      sila_window_show_section (self, sections[0].id);
    }

  GTK_WIDGET_CLASS (sila_window_parent_class)->map (widget);
}

/* The keyboard shortcuts window, built when asked for rather than with
 * every window as GtkApplication's automatic "gtk/help-overlay.ui" is. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource ("/sa/org/sila/Desk/ui/sila-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_set_modal (shortcuts, TRUE);
  gtk_window_present (shortcuts);
}

/* F1 and Menu → Help: the guide's page for the section shown. */
static void
help_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaWindow *self = SILA_WINDOW (widget);

  sila_help_show (GTK_WINDOW (self),
                  sila_help_page_for_section (gtk_stack_get_visible_child_name (self->stack)));
}

static void
sila_window_class_init (SilaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  const SilaSection *sections;
  guint n_sections;

  object_class->constructed = sila_window_constructed;
  object_class->dispose = sila_window_dispose;
  object_class->get_property = sila_window_get_property;
  object_class->set_property = sila_window_set_property;

  widget_class->map = sila_window_map;
  window_class->close_request = sila_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SilaWindow::unlocked:
   *
   * The person who locked the window typed their password again.
   */
  signals[UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (SILA_TYPE_SIGN_IN_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sila-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaWindow, lock_stack);
  gtk_widget_class_bind_template_child (widget_class, SilaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SilaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SilaWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SilaWindow, content);
  gtk_widget_class_bind_template_child (widget_class, SilaWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SilaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SilaWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, SilaWindow, association_label);
  gtk_widget_class_bind_template_child (widget_class, SilaWindow, actor_label);
  gtk_widget_class_bind_template_child (widget_class, SilaWindow, database_label);
  gtk_widget_class_bind_template_child (widget_class, SilaWindow, read_only_revealer);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.help", NULL);
  gtk_widget_class_install_action (widget_class, "win.new-contact", NULL, new_contact_action);
  gtk_widget_class_install_action (widget_class, "win.show-request", "s", show_request_action);
  gtk_widget_class_install_action (widget_class, "win.new-request", "s", new_request_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.new-contact", NULL);
  gtk_widget_class_install_action (widget_class, "win.resume-draft", "s", resume_draft_action);

  /* Ctrl+1 … Ctrl+9, then Ctrl+0, go to the sections in sidebar order,
   * as the digits lie on the keyboard. */
  sections = sila_sections_get (&n_sections);
  for (guint i = 0; i < n_sections && i < 10; i++)
    gtk_widget_class_add_binding_action (widget_class, i < 9 ? GDK_KEY_1 + i : GDK_KEY_0,
                                         GDK_CONTROL_MASK, "win.show-section", "s",
                                         sections[i].id);
}

static void
sila_window_init (SilaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sila_a11y_link_inner (GTK_WIDGET (self));
}

SilaWindow *
sila_window_new (GtkApplication *application,
                 SilaSession    *session)
{
  return g_object_new (SILA_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       NULL);
}

SilaSession *
sila_window_get_session (SilaWindow *self)
{
  g_return_val_if_fail (SILA_IS_WINDOW (self), NULL);

  return self->session;
}

/* Shows the section @section_id ("dashboard", "beneficiaries", …). Returns
 * FALSE if there is no such section. */
gboolean
sila_window_show_section (SilaWindow *self,
                          const char *section_id)
{
  const SilaSection *section;
  GtkWidget *row;

  g_return_val_if_fail (SILA_IS_WINDOW (self), FALSE);

  section = sila_sections_lookup (section_id);
  if (section == NULL)
    return FALSE;

  if (gtk_stack_get_child_by_name (self->stack, section->id) == NULL)
    gtk_stack_add_named (self->stack, sila_section_new_page (section, self->session), section->id);
  gtk_stack_set_visible_child_name (self->stack, section->id);
  adw_window_title_set_title (self->content_title, _(section->title));

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_str_equal (gtk_widget_get_name (row), section->id))
        {
          gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
          break;
        }
    }

  return TRUE;
}

const char *
sila_window_get_visible_section (SilaWindow *self)
{
  g_return_val_if_fail (SILA_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* The page of @section_id if it was shown already, else NULL. */
GtkWidget *
sila_window_get_section_page (SilaWindow *self,
                              const char *section_id)
{
  g_return_val_if_fail (SILA_IS_WINDOW (self), NULL);

  return gtk_stack_get_child_by_name (self->stack, section_id);
}

/* Shows the request screen of @request_id in the requests section. */
gboolean
sila_window_show_request (SilaWindow *self,
                          const char *request_id)
{
  GtkWidget *page;

  g_return_val_if_fail (SILA_IS_WINDOW (self), FALSE);

  if (!sila_window_show_section (self, "requests"))
    return FALSE;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  page = sila_window_get_section_page (self, "requests");
  return SILA_IS_REQUESTS_PAGE (page) &&
         sila_requests_page_show_request (SILA_REQUESTS_PAGE (page), request_id);
}

void
sila_window_add_toast (SilaWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (SILA_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The locked page is made the first time the window locks: most windows
 * never do. */
static SilaSignInPage *
ensure_lock_page (SilaWindow *self)
{
  GtkWidget *box;
  GtkWidget *header;

  if (self->lock_page != NULL)
    return self->lock_page;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Sila Desk"), NULL));
  gtk_box_append (GTK_BOX (box), header);

  self->lock_page = sila_sign_in_page_new (sila_session_get_store (self->session));
  gtk_widget_set_vexpand (GTK_WIDGET (self->lock_page), TRUE);
  g_signal_connect_object (self->lock_page, "signed-in", G_CALLBACK (lock_page_signed_in_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lock_page, "other-user", G_CALLBACK (lock_page_other_user_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->lock_page));
  gtk_stack_add_named (self->lock_stack, box, "locked");

  return self->lock_page;
}

/* Hides everything the window shows behind the sign-in form of the person
 * signed in; what they were typing stays where it was. */
void
sila_window_lock (SilaWindow *self)
{
  g_return_if_fail (SILA_IS_WINDOW (self));

  if (sila_window_is_locked (self))
    return;

  ensure_lock_page (self);
  sila_sign_in_page_set_locked (self->lock_page, sila_session_get_actor (self->session));
  sila_sign_in_page_clear (self->lock_page);
  gtk_stack_set_visible_child_name (self->lock_stack, "locked");
  sila_sign_in_page_focus (self->lock_page);
}

void
sila_window_unlock (SilaWindow *self)
{
  g_return_if_fail (SILA_IS_WINDOW (self));

  if (self->lock_page != NULL)
    sila_sign_in_page_clear (self->lock_page);
  gtk_stack_set_visible_child_name (self->lock_stack, "main");
}

gboolean
sila_window_is_locked (SilaWindow *self)
{
  g_return_val_if_fail (SILA_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->lock_stack), "locked") == 0;
}

SilaSignInPage *
sila_window_get_lock_page (SilaWindow *self)
{
  g_return_val_if_fail (SILA_IS_WINDOW (self), NULL);

  return ensure_lock_page (self);
}
