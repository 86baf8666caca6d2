/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <string.h>

#include "sila-beneficiary-list.h"

#define MAX_PAGES 8
/* The whole register (no search, no filter) is shown at once from its
 * first rows; the other file numbers are read just after, when the window
 * has been drawn. */
#define FIRST_ROWS 60  /* more than a screen holds */

typedef struct {
  guint      index;
  GPtrArray *rows;      /* SilaBeneficiaryRow, one per number of the page */
  guint64    used;      /* when it was last read, for eviction */
} Page;

struct _SilaBeneficiaryList
{
  GObject      parent_instance;

  SilaStore   *store;
  SilaActor   *actor;
  char        *text;
  char        *segment;
  char        *district;
  char        *status;
  gboolean     consent_pending;
  GArray      *numbers;  /* gint64 file numbers, in list order */
  GPtrArray   *pages;    /* Page */
  guint64      clock;
  guint        rest_id;  /* reading the rest of the register */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SilaBeneficiaryList, sila_beneficiary_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->rows);
  g_free (page);
}

static Page *
load_page (SilaBeneficiaryList *self,
           guint                index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint start = index * SILA_BENEFICIARY_LIST_PAGE_SIZE;
  guint n = MIN (SILA_BENEFICIARY_LIST_PAGE_SIZE, self->numbers->len - start);
  const gint64 *numbers = &g_array_index (self->numbers, gint64, start);
  Page *page;

  rows = sila_store_get_beneficiary_rows (self->store, self->actor, numbers, n, &error);
  if (rows == NULL)
    g_message ("Cannot read a page of the beneficiary list: %s", error->message);

  page = g_new0 (Page, 1);
  page->index = index;
  page->rows = g_ptr_array_new_full (n, g_object_unref);

  /* One row per number, whatever happened to the file meanwhile. */
  for (guint i = 0, j = 0; i < n; i++)
    {
      SilaBeneficiaryRow *row = NULL;

      if (rows != NULL && j < rows->len &&
          sila_beneficiary_row_get_file_number (g_ptr_array_index (rows, j)) == numbers[i])
        row = g_object_ref (g_ptr_array_index (rows, j++));
      else
        row = sila_beneficiary_row_new_missing (numbers[i]);
      g_ptr_array_add (page->rows, row);
    }

  if (self->pages->len >= MAX_PAGES)
    {
      guint oldest = 0;

      for (guint i = 1; i < self->pages->len; i++)
        if (((Page *)g_ptr_array_index (self->pages, i))->used <
            ((Page *)g_ptr_array_index (self->pages, oldest))->used)
          oldest = i;
      g_ptr_array_remove_index_fast (self->pages, oldest);
    }
  g_ptr_array_add (self->pages, page);
  return page;
}

static GType
sila_beneficiary_list_get_item_type (GListModel *model)
{
  return SILA_TYPE_BENEFICIARY_ROW;
}

static guint
sila_beneficiary_list_get_n_items (GListModel *model)
{
  return SILA_BENEFICIARY_LIST (model)->numbers->len;
}

static gpointer
sila_beneficiary_list_get_item (GListModel *model,
                                guint       position)
{
  SilaBeneficiaryList *self = SILA_BENEFICIARY_LIST (model);
  guint index = position / SILA_BENEFICIARY_LIST_PAGE_SIZE;
  Page *page = NULL;

  if (position >= self->numbers->len)
    return NULL;

  for (guint i = 0; i < self->pages->len && page == NULL; i++)
    if (((Page *)g_ptr_array_index (self->pages, i))->index == index)
      page = g_ptr_array_index (self->pages, i);
  if (page == NULL)
    page = load_page (self, index);

  page->used = ++self->clock;
  g_return_val_if_fail (position % SILA_BENEFICIARY_LIST_PAGE_SIZE < page->rows->len, NULL);
  return g_object_ref (g_ptr_array_index (page->rows, position % SILA_BENEFICIARY_LIST_PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sila_beneficiary_list_get_item_type;
  iface->get_n_items = sila_beneficiary_list_get_n_items;
  iface->get_item = sila_beneficiary_list_get_item;
}

static void
sila_beneficiary_list_dispose (GObject *object)
{
  SilaBeneficiaryList *self = (SilaBeneficiaryList *)object;

  g_clear_handle_id (&self->rest_id, g_source_remove);

  G_OBJECT_CLASS (sila_beneficiary_list_parent_class)->dispose (object);
}

static void
sila_beneficiary_list_finalize (GObject *object)
{
  SilaBeneficiaryList *self = (SilaBeneficiaryList *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, sila_actor_free);
  g_free (self->text);
  g_free (self->segment);
  g_free (self->district);
  g_free (self->status);
  g_array_unref (self->numbers);
  g_ptr_array_unref (self->pages);

  G_OBJECT_CLASS (sila_beneficiary_list_parent_class)->finalize (object);
}

static void
sila_beneficiary_list_class_init (SilaBeneficiaryListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sila_beneficiary_list_dispose;
  G_OBJECT_CLASS (klass)->finalize = sila_beneficiary_list_finalize;
}

static void
sila_beneficiary_list_init (SilaBeneficiaryList *self)
{
  self->numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)page_free);
}

SilaBeneficiaryList *
sila_beneficiary_list_new (SilaStore       *store,
                           const SilaActor *actor)
{
  SilaBeneficiaryList *self;

  g_return_val_if_fail (SILA_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  self = g_object_new (SILA_TYPE_BENEFICIARY_LIST, NULL);
  self->store = g_object_ref (store);
  self->actor = sila_actor_copy (actor);
  return self;
}

static gboolean
whole_register (SilaBeneficiaryList *self)
{
  return (self->text == NULL || *self->text == '\0') && self->segment == NULL &&
         self->district == NULL && self->status == NULL && !self->consent_pending;
}

static void
replace_numbers (SilaBeneficiaryList *self,
                 GArray              *numbers)
{
  guint removed = self->numbers->len;

  g_array_unref (self->numbers);
  self->numbers = numbers;
  g_ptr_array_set_size (self->pages, 0);

  if (removed > 0 || self->numbers->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->numbers->len);
}

static gboolean
read_rest_cb (gpointer user_data)
{
  SilaBeneficiaryList *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) numbers = NULL;
  guint shown = self->numbers->len;
  gboolean same_start;

  self->rest_id = 0;
  numbers = sila_store_list_beneficiary_numbers (self->store, self->actor, NULL, NULL, &error);
  if (numbers == NULL)
    {
      g_message ("Cannot read the beneficiary list: %s", error->message);
      return G_SOURCE_REMOVE;
    }

  same_start = numbers->len >= shown &&
               memcmp (numbers->data, self->numbers->data, shown * sizeof (gint64)) == 0;
  if (!same_start)
    {
      /* Something changed in between: show the new list whole. */
      replace_numbers (self, g_steal_pointer (&numbers));
      return G_SOURCE_REMOVE;
    }

  g_array_unref (self->numbers);
  self->numbers = g_steal_pointer (&numbers);
  /* The last page read may have been cut short by the first rows' end. */
  g_ptr_array_set_size (self->pages, 0);
  if (self->numbers->len > shown)
    g_list_model_items_changed (G_LIST_MODEL (self), shown, 0, self->numbers->len - shown);
  return G_SOURCE_REMOVE;
}

gboolean
sila_beneficiary_list_reload (SilaBeneficiaryList  *self,
                              GError              **error)
{
  SilaBeneficiaryFilter filter = {
    .segment = self->segment, .district = self->district, .status = self->status,
    .consent_pending = self->consent_pending,
  };
  g_autoptr(GArray) numbers = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SILA_IS_BENEFICIARY_LIST (self), FALSE);

  g_clear_handle_id (&self->rest_id, g_source_remove);

  if (whole_register (self))
    {
      numbers = sila_store_list_first_beneficiary_numbers (self->store, self->actor, FIRST_ROWS,
                                                           error);
      if (numbers != NULL && numbers->len == FIRST_ROWS)
        self->rest_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, read_rest_cb, self, NULL);
    }
  else
    numbers = sila_store_list_beneficiary_numbers (self->store, self->actor, self->text,
                                                   &filter, error);
  if (numbers == NULL)
    {
      numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
      ok = FALSE;
    }

  replace_numbers (self, g_steal_pointer (&numbers));
  return ok;
}

/* TRUE while the rest of the register is still being read. */
gboolean
sila_beneficiary_list_is_loading (SilaBeneficiaryList *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_LIST (self), FALSE);

  return self->rest_id != 0;
}

gboolean
sila_beneficiary_list_set_query (SilaBeneficiaryList          *self,
                                 const char                   *text,
                                 const SilaBeneficiaryFilter  *filter,
                                 GError                      **error)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_LIST (self), FALSE);

  g_free (self->text);
  g_free (self->segment);
  g_free (self->district);
  g_free (self->status);
  self->text = g_strdup (text);
  self->segment = g_strdup (filter != NULL ? filter->segment : NULL);
  self->district = g_strdup (filter != NULL ? filter->district : NULL);
  self->status = g_strdup (filter != NULL ? filter->status : NULL);
  self->consent_pending = filter != NULL && filter->consent_pending;

  return sila_beneficiary_list_reload (self, error);
}

gint64
sila_beneficiary_list_get_file_number (SilaBeneficiaryList *self,
                                       guint                position)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_LIST (self), 0);

  return position < self->numbers->len ? g_array_index (self->numbers, gint64, position) : 0;
}

guint
sila_beneficiary_list_get_n_cached_pages (SilaBeneficiaryList *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_LIST (self), 0);

  return self->pages->len;
}
