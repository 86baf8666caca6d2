/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <string.h>

#include "sila-beneficiary-list.h"

#define MAX_PAGES 8
/* A list (the whole register, or a search's matches) is shown at once from
 * its first rows; its other file numbers are read in a thread, on a second
 * connection, and the list grows when they are known. */
#define FIRST_ROWS SILA_BENEFICIARY_LIST_FIRST_ROWS

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  gboolean     loading;  /* the first rows only are known yet */
  guint        generation;   /* of the query: a late read of another is dropped */
  GCancellable *rest_cancel; /* the read of the rest in a thread */
  guint        rest_id;      /* the same on this thread (no second connection) */
  /* The second connection the rest is read on, one read at a time. */
  SilaStore   *second;
  GMutex       second_lock;
  gboolean     no_second;
};

static void list_model_iface_init (GListModelInterface *iface);
static void stop_reading_rest     (SilaBeneficiaryList *self);

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

  stop_reading_rest (self);

  G_OBJECT_CLASS (sila_beneficiary_list_parent_class)->dispose (object);
}

static void
sila_beneficiary_list_finalize (GObject *object)
{
  SilaBeneficiaryList *self = (SilaBeneficiaryList *)object;

  /* No read holds the second connection: a read holds the list. */
  g_clear_object (&self->second);
  g_mutex_clear (&self->second_lock);
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
sila_beneficiary_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SilaBeneficiaryList *self = SILA_BENEFICIARY_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sila_beneficiary_list_class_init (SilaBeneficiaryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sila_beneficiary_list_dispose;
  object_class->finalize = sila_beneficiary_list_finalize;
  object_class->get_property = sila_beneficiary_list_get_property;

  /* TRUE while only the first rows are known: the number of items is not
   * yet the query's count. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sila_beneficiary_list_init (SilaBeneficiaryList *self)
{
  self->numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)page_free);
  g_mutex_init (&self->second_lock);
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

static void
set_loading (SilaBeneficiaryList *self,
             gboolean             loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Every number of the query is known: the list grows to hold them all. */
static void
add_rest (SilaBeneficiaryList *self,
          GArray              *numbers)
{
  guint shown = self->numbers->len;
  gboolean same_start;

  /* Done before the views hear of it, so that the count they show is final. */
  self->loading = FALSE;
  same_start = numbers->len >= shown &&
               memcmp (numbers->data, self->numbers->data, shown * sizeof (gint64)) == 0;
  if (!same_start)
    /* Something changed in between: show the new list whole. */
    replace_numbers (self, g_array_ref (numbers));
  else
    {
      g_array_unref (self->numbers);
      self->numbers = g_array_ref (numbers);
      /* The last page read may have been cut short by the first rows' end. */
      g_ptr_array_set_size (self->pages, 0);
      if (self->numbers->len > shown)
        g_list_model_items_changed (G_LIST_MODEL (self), shown, 0, self->numbers->len - shown);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
read_failed (SilaBeneficiaryList *self,
             const GError        *error)
{
  /* The first rows stay; the count is what is shown. */
  g_message ("Cannot read the whole beneficiary list: %s", error->message);
  set_loading (self, FALSE);
}

static SilaBeneficiaryFilter
query_filter (SilaBeneficiaryList *self)
{
  return (SilaBeneficiaryFilter) {
    .segment = self->segment, .district = self->district, .status = self->status,
    .consent_pending = self->consent_pending,
  };
}

/* A database in memory has no second connection: the rest is read here,
 * once the first rows have been drawn. */
static gboolean
read_rest_cb (gpointer user_data)
{
  SilaBeneficiaryList *self = user_data;
  SilaBeneficiaryFilter filter = query_filter (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) numbers = NULL;

  self->rest_id = 0;
  numbers = sila_store_list_beneficiary_numbers (self->store, self->actor, self->text, &filter,
                                                 &error);
  if (numbers == NULL)
    read_failed (self, error);
  else
    add_rest (self, numbers);
  return G_SOURCE_REMOVE;
}

/* Reading the rest in a thread, on a second connection. */

typedef struct {
  guint                  generation;
  char                  *text;
  SilaBeneficiaryFilter  filter;
} Rest;

static void
rest_free (Rest *rest)
{
  g_free (rest->text);
  g_free ((char *)rest->filter.segment);
  g_free ((char *)rest->filter.district);
  g_free ((char *)rest->filter.status);
  g_free (rest);
}

static void
read_rest_in_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  SilaBeneficiaryList *self = source;
  Rest *rest = task_data;
  GError *error = NULL;
  GArray *numbers = NULL;

  /* One read at a time on the second connection: a read for a query
   * typed over since gives way at once. */
  g_mutex_lock (&self->second_lock);
  if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
    numbers = sila_store_list_beneficiary_numbers (self->second, self->actor, rest->text,
                                                   &rest->filter, &error);
  g_mutex_unlock (&self->second_lock);

  if (numbers == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, numbers, (GDestroyNotify)g_array_unref);
}

static void
rest_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SilaBeneficiaryList *self = SILA_BENEFICIARY_LIST (source);
  Rest *rest = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) numbers = g_task_propagate_pointer (G_TASK (result), &error);

  /* Another query was asked for since: its list stays. */
  if (rest->generation != self->generation)
    return;
  g_clear_object (&self->rest_cancel);
  if (numbers == NULL)
    read_failed (self, error);
  else
    add_rest (self, numbers);
}

static void
start_reading_rest (SilaBeneficiaryList *self)
{
  g_autoptr(GTask) task = NULL;
  Rest *rest;

  if (self->second == NULL && !self->no_second)
    {
      g_autoptr(GError) error = NULL;

      self->second = sila_store_open_another (self->store, &error);
      if (self->second == NULL)
        {
          g_debug ("The beneficiary list is read on one connection: %s", error->message);
          self->no_second = TRUE;
        }
    }
  if (self->second == NULL)
    {
      self->rest_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, read_rest_cb, self, NULL);
      return;
    }

  rest = g_new0 (Rest, 1);
  rest->generation = self->generation;
  rest->text = g_strdup (self->text);
  rest->filter.segment = g_strdup (self->segment);
  rest->filter.district = g_strdup (self->district);
  rest->filter.status = g_strdup (self->status);
  rest->filter.consent_pending = self->consent_pending;

  self->rest_cancel = g_cancellable_new ();
  task = g_task_new (self, self->rest_cancel, rest_read_cb, NULL);
  g_task_set_source_tag (task, start_reading_rest);
  g_task_set_task_data (task, rest, (GDestroyNotify)rest_free);
  g_task_run_in_thread (task, read_rest_in_thread);
}

static void
stop_reading_rest (SilaBeneficiaryList *self)
{
  self->generation++;
  g_clear_handle_id (&self->rest_id, g_source_remove);
  if (self->rest_cancel != NULL)
    g_cancellable_cancel (self->rest_cancel);
  g_clear_object (&self->rest_cancel);
}

gboolean
sila_beneficiary_list_reload (SilaBeneficiaryList  *self,
                              GError              **error)
{
  SilaBeneficiaryFilter filter = query_filter (self);
  g_autoptr(GArray) numbers = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SILA_IS_BENEFICIARY_LIST (self), FALSE);

  stop_reading_rest (self);

  /* The first rows at once (as many as a screen holds, and more): a
   * keystroke waits for these only. The other numbers of the query are
   * read apart, and the list grows when they are known. */
  numbers = sila_store_list_first_beneficiary_numbers (self->store, self->actor, self->text,
                                                       &filter, FIRST_ROWS, error);
  if (numbers == NULL)
    {
      numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
      ok = FALSE;
    }
  /* Set before the views hear of the first rows, so that they do not
   * take them for the whole count. */
  if (numbers->len == FIRST_ROWS)
    {
      self->loading = TRUE;
      start_reading_rest (self);
    }
  else
    self->loading = FALSE;

  replace_numbers (self, g_steal_pointer (&numbers));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  return ok;
}

/* TRUE while the rest of the list is still being read. */
gboolean
sila_beneficiary_list_is_loading (SilaBeneficiaryList *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_LIST (self), FALSE);

  return self->loading;
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
