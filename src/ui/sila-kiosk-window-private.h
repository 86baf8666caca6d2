/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the kiosk window (sila-kiosk-window.c: language, idle reset,
 * lifecycle), its question pages (sila-kiosk-questions.c) and its
 * PIN-guarded exit (sila-kiosk-pin.c). */
#pragma once

#include "sila-kiosk-window.h"

G_BEGIN_DECLS

struct _SilaKioskWindow
{
  AdwWindow           parent_instance;

  SilaSession        *session;
  SilaSurveyTemplate *tpl;
  char               *channel;
  SilaSurveyResponse *response;
  SilaLanguage        language;
  guint               index;
  char               *page_before_pin;
  GPtrArray          *answer_buttons;
  GtkTextView        *text_view;
  guint               idle_ms;
  guint               thanks_ms;
  guint               idle_id;
  guint               thanks_id;
  guint               lockout_id;
  guint               pin_failures;
  gboolean            unlocked;
  gboolean            updating;

  /* Template widgets */
  GtkStack           *stack;
  GtkWidget          *staff_button;
  GtkButton          *language_button;
  GtkLabel           *association_label;
  GtkLabel           *welcome_title;
  GtkLabel           *welcome_text;
  GtkButton          *start_button;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkLabel           *question_label;
  GtkBox             *answer_box;
  GtkLabel           *question_error;
  GtkButton          *back_button;
  GtkButton          *skip_button;
  GtkButton          *next_button;
  GtkLabel           *thanks_title;
  GtkLabel           *thanks_text;
  GtkLabel           *pin_title;
  GtkPasswordEntry   *pin_entry;
  GtkLabel           *pin_error;
  GtkGrid            *keypad;
  GtkButton          *pin_cancel_button;
  GtkButton          *pin_unlock_button;
};

enum {
  SILA_KIOSK_UNLOCKED,
  SILA_KIOSK_N_SIGNALS
};

extern guint sila_kiosk_window_signals[SILA_KIOSK_N_SIGNALS];

static inline const char *T (SilaKioskWindow *self, const char *msgid) G_GNUC_FORMAT (2);

/* In the kiosk's language. */
static inline const char *
T (SilaKioskWindow *self,
   const char      *msgid)
{
  return sila_i18n_translate_to (self->language, msgid);
}

/* In sila-kiosk-window.c */
char *sila_kiosk_window_number             (SilaKioskWindow *self,
                                            int              n);
void  sila_kiosk_window_apply_direction    (SilaKioskWindow *self);
void  sila_kiosk_window_kick_idle          (SilaKioskWindow *self);
void  sila_kiosk_window_show_error         (GtkLabel        *label,
                                            const char      *message);
void  sila_kiosk_window_reset              (SilaKioskWindow *self);

/* In sila-kiosk-questions.c: "kiosk.start", "kiosk.next", "kiosk.back",
 * "kiosk.skip". */
void     sila_kiosk_window_install_question_actions (GtkWidgetClass  *widget_class);
void     sila_kiosk_window_show_question            (SilaKioskWindow *self);
gboolean sila_kiosk_window_take_text                (SilaKioskWindow *self);

/* In sila-kiosk-pin.c: "kiosk.staff", "kiosk.cancel-pin", "kiosk.unlock",
 * "kiosk.digit" and the PIN entry's activation. */
void  sila_kiosk_window_install_pin_actions (GtkWidgetClass  *widget_class);
void  sila_kiosk_window_build_keypad        (SilaKioskWindow *self);
void  sila_kiosk_window_update_pin_texts    (SilaKioskWindow *self);

G_END_DECLS
