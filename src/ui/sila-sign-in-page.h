/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-store.h"

G_BEGIN_DECLS

#define SILA_TYPE_SIGN_IN_PAGE (sila_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (SilaSignInPage, sila_sign_in_page, SILA, SIGN_IN_PAGE, AdwBin)

/* The user name and password form, Arabic first, with the association's
 * name above it. In locked mode it asks only the password of the person
 * who locked the window, and offers to let someone else sign in. */
SilaSignInPage *sila_sign_in_page_new        (SilaStore       *store);
void            sila_sign_in_page_set_store  (SilaSignInPage  *self,
                                              SilaStore       *store);
void            sila_sign_in_page_set_locked (SilaSignInPage  *self,
                                              const SilaActor *actor);
void            sila_sign_in_page_clear      (SilaSignInPage  *self);
void            sila_sign_in_page_submit     (SilaSignInPage  *self);
void            sila_sign_in_page_focus      (SilaSignInPage  *self);

G_END_DECLS
