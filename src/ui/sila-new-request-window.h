/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-channel.h"
#include "sila-session.h"

G_BEGIN_DECLS

/* Opening a support request from a beneficiary's file: type, channel, the
 * day it was received, the need and the amount asked, the applicant's
 * declaration signed on the screen or on paper. The applicant is told the
 * answer window and its date. A refused field shows its message beside
 * it and keeps what was typed. Emits ::opened with the new request's id. */
#define SILA_TYPE_NEW_REQUEST_WINDOW (sila_new_request_window_get_type ())
G_DECLARE_FINAL_TYPE (SilaNewRequestWindow, sila_new_request_window, SILA, NEW_REQUEST_WINDOW,
                      AdwWindow)

/* @beneficiary_id: the file it is opened from, or NULL to look one up. */
SilaNewRequestWindow *sila_new_request_window_new       (GtkWindow            *parent,
                                                         SilaSession          *session,
                                                         const char           *beneficiary_id);
gboolean              sila_new_request_window_set_beneficiary (SilaNewRequestWindow *self,
                                                               const char           *id);
GtkWidget            *sila_new_request_window_get_pad   (SilaNewRequestWindow *self);
/* Keeps what is typed now (it is kept anyway, a moment after each change). */
void                  sila_new_request_window_save_draft (SilaNewRequestWindow *self);
/* Selects the request type of @code and the channel of @channel. */
void                  sila_new_request_window_choose    (SilaNewRequestWindow *self,
                                                         const char           *code,
                                                         SilaChannel           channel);

/* Whether the warning beside the type shows (the person already has a
 * request of that type open, or decided lately); the officer confirms to
 * open another all the same. */
gboolean              sila_new_request_window_has_repeat_warning (SilaNewRequestWindow *self);
void                  sila_new_request_window_confirm_repeat     (SilaNewRequestWindow *self);

G_END_DECLS
