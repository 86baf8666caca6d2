/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include "sila-request-list-model.h"

#define PAGE_SIZE 50

struct _SilaRequestListModel
{
  GObject      parent_instance;

  SilaSession *session;
  GArray      *keys;   /* gint64 */
  GHashTable  *pages;  /* page number → GPtrArray of SilaRequestRow */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SilaRequestListModel, sila_request_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return SILA_TYPE_REQUEST_ROW;
}

static guint
get_n_items (GListModel *model)
{
  return SILA_REQUEST_LIST_MODEL (model)->keys->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  SilaRequestListModel *self = SILA_REQUEST_LIST_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->keys->len)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    {
      g_autoptr(GError) error = NULL;
      guint first = page * PAGE_SIZE;
      guint n = MIN (PAGE_SIZE, self->keys->len - first);

      rows = sila_store_get_request_rows (sila_session_get_store (self->session),
                                          sila_session_get_actor (self->session),
                                          &g_array_index (self->keys, gint64, first), n, &error);
      if (rows == NULL)
        {
          g_debug ("Cannot read requests: %s", error->message);
          return NULL;
        }
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
    }

  /* A request removed meanwhile leaves the page shorter. */
  if (position % PAGE_SIZE >= rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
sila_request_list_model_finalize (GObject *object)
{
  SilaRequestListModel *self = (SilaRequestListModel *)object;

  g_clear_object (&self->session);
  g_array_unref (self->keys);
  g_hash_table_unref (self->pages);

  G_OBJECT_CLASS (sila_request_list_model_parent_class)->finalize (object);
}

static void
sila_request_list_model_class_init (SilaRequestListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sila_request_list_model_finalize;
}

static void
sila_request_list_model_init (SilaRequestListModel *self)
{
  self->keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
}

SilaRequestListModel *
sila_request_list_model_new (SilaSession *session)
{
  SilaRequestListModel *self = g_object_new (SILA_TYPE_REQUEST_LIST_MODEL, NULL);

  self->session = g_object_ref (session);
  return self;
}

gboolean
sila_request_list_model_set_filter (SilaRequestListModel     *self,
                                    const SilaRequestFilter  *filter,
                                    GError                  **error)
{
  g_autoptr(GArray) keys = NULL;
  guint removed;

  g_return_val_if_fail (SILA_IS_REQUEST_LIST_MODEL (self), FALSE);

  keys = sila_store_list_request_keys (sila_session_get_store (self->session),
                                       sila_session_get_actor (self->session), filter, error);
  if (keys == NULL)
    return FALSE;

  removed = self->keys->len;
  g_array_unref (self->keys);
  self->keys = g_steal_pointer (&keys);
  g_hash_table_remove_all (self->pages);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->keys->len);
  return TRUE;
}
