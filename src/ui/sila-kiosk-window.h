/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-session.h"
#include "sila-survey.h"

G_BEGIN_DECLS

#define SILA_TYPE_KIOSK_WINDOW (sila_kiosk_window_get_type ())
G_DECLARE_FINAL_TYPE (SilaKioskWindow, sila_kiosk_window, SILA, KIOSK_WINDOW, AdwWindow)

/* The kiosk: a beneficiary answers @tpl alone, one question at a time, in
 * Arabic first or in English, anonymously. It thanks them and starts again;
 * left alone mid-survey it forgets the answers and starts again; it closes
 * only for the kiosk PIN (then ::unlocked is emitted). */
SilaKioskWindow *sila_kiosk_window_new               (GtkApplication           *application,
                                                      SilaSession              *session,
                                                      const SilaSurveyTemplate *tpl,
                                                      const char               *channel);
/* "welcome", "question", "thanks" or "pin". */
const char      *sila_kiosk_window_get_page          (SilaKioskWindow          *self);
guint            sila_kiosk_window_get_question      (SilaKioskWindow          *self);
SilaLanguage     sila_kiosk_window_get_language      (SilaKioskWindow          *self);
/* The touch buttons of the question shown, in order (1…5, 0…10, yes/no,
 * the choices); NULL past the last. */
GtkWidget       *sila_kiosk_window_get_answer_button (SilaKioskWindow          *self,
                                                      guint                     index);
gboolean         sila_kiosk_window_is_unlocked       (SilaKioskWindow          *self);

G_END_DECLS
