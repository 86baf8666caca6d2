/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sila-store.h"

G_BEGIN_DECLS

/* A staff account as colleagues and administrators see it. The password
 * hash never leaves the store. */
typedef struct {
  char     *id;
  char     *username;
  char     *display_name;
  SilaRole  roles;
  gboolean  active;
  gboolean  must_change_password;  /* reset by an administrator */
  gint64    rev;
  char     *created_at;
  char     *last_login_at;         /* NULL if never */
  char     *locked_until;          /* NULL unless locked out now or lately */
} SilaStaff;

void        sila_staff_free                   (SilaStaff        *staff);
SilaActor  *sila_staff_to_actor               (const SilaStaff  *staff);

SilaStaff  *sila_store_add_staff              (SilaStore        *self,
                                               const SilaActor  *actor,
                                               const char       *username,
                                               const char       *display_name,
                                               SilaRole          roles,
                                               const char       *password,
                                               gboolean          must_change_password,
                                               GError          **error);
SilaStaff  *sila_store_create_first_admin     (SilaStore        *self,
                                               const char       *association_name,
                                               const char       *username,
                                               const char       *display_name,
                                               const char       *password,
                                               GError          **error);
GPtrArray  *sila_store_list_staff             (SilaStore        *self,
                                               const SilaActor  *actor,
                                               gboolean          include_inactive,
                                               GError          **error);
SilaStaff  *sila_store_find_staff             (SilaStore        *self,
                                               const SilaActor  *actor,
                                               const char       *username,
                                               GError          **error);
gboolean    sila_store_update_staff           (SilaStore        *self,
                                               const SilaActor  *actor,
                                               const char       *staff_id,
                                               gint64            expected_rev,
                                               const char       *display_name,
                                               SilaRole          roles,
                                               GError          **error);
gboolean    sila_store_set_staff_active       (SilaStore        *self,
                                               const SilaActor  *actor,
                                               const char       *staff_id,
                                               gboolean          active,
                                               GError          **error);
gboolean    sila_store_change_own_password    (SilaStore        *self,
                                               const SilaActor  *actor,
                                               const char       *current_password,
                                               const char       *new_password,
                                               GError          **error);
gboolean    sila_store_reset_staff_password   (SilaStore        *self,
                                               const SilaActor  *actor,
                                               const char       *staff_id,
                                               const char       *new_password,
                                               GError          **error);
SilaStaff  *sila_store_authenticate           (SilaStore        *self,
                                               const char       *username,
                                               const char       *password,
                                               GError          **error);
/* The same checks on a database opened read-only, recording nothing: for
 * `db copy-to`, which must leave its file as it was, and only once the
 * caller knows that whoever signs in could read every row of the file
 * anyway (its owner), so that uncounted guesses give nothing away. */
SilaStaff  *sila_store_authenticate_unrecorded (SilaStore       *self,
                                                const char      *username,
                                                const char      *password,
                                                GError         **error);
gboolean    sila_store_sign_out               (SilaStore        *self,
                                               const SilaActor  *actor,
                                               GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaStaff, sila_staff_free)

G_END_DECLS
