/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Field work from the command line (issue 15): `field kit`, `field bundle`,
 * `field merge`, `field conflicts`. Scripts rely on their forms and on the
 * keys of `field merge --json`. */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "sila-cli-private.h"
#include "sila-store-field.h"

#define KIT_USAGE \
  "sila --database DB field kit --event NAME [--district NAME …] [--lookup-only] " \
  "[--staff NAME …] --out KIT"
#define BUNDLE_USAGE "sila --database KIT field bundle --out BUNDLE"
#define MERGE_USAGE "sila --database DB field merge BUNDLE [BUNDLE …] [--dry-run] [--json]"
#define CONFLICTS_USAGE "sila --database DB field conflicts [--json]"

/* sila field kit … (KIT_USAGE) */
int
sila_cli_field_kit (SilaCli  *cli,
                    int       argc,
                    char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--event", TRUE },
    { "--district", TRUE },
    { "--lookup-only", FALSE },
    { "--staff", TRUE },
    { "--out", TRUE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) districts = g_ptr_array_new ();
  g_autoptr(GPtrArray) staff = NULL;
  GPtrArray *given;
  const char *event, *out;
  const SilaActor *actor;
  SilaStore *store;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  event = sila_cli_args_get (&args, "--event");
  out = sila_cli_args_get (&args, "--out");
  if (args.positional->len != 0 || event == NULL || out == NULL || *out == '\0')
    return sila_cli_usage_error (cli, _("Usage: %s"), KIT_USAGE);
  given = sila_cli_args_get_all (&args, "--district");
  for (guint i = 0; given != NULL && i < given->len; i++)
    g_ptr_array_add (districts, given->pdata[i]);
  g_ptr_array_add (districts, NULL);
  /* Without --staff, every active account goes, as it always did. */
  given = sila_cli_args_get_all (&args, "--staff");
  if (given != NULL && given->len > 0)
    {
      staff = g_ptr_array_new ();
      for (guint i = 0; i < given->len; i++)
        g_ptr_array_add (staff, given->pdata[i]);
      g_ptr_array_add (staff, NULL);
    }

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  if (!sila_store_field_make_kit_for (store, actor, event,
                                      (const char * const *)districts->pdata,
                                      sila_cli_args_has (&args, "--lookup-only"),
                                      staff != NULL ? (const char * const *)staff->pdata : NULL,
                                      out, &error))
    {
      /* A staff name that has no account is bad usage, like a bad option. */
      if (g_error_matches (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_UNKNOWN_STAFF))
        {
          sila_cli_message (cli, "%s", error->message);
          return SILA_EXIT_USAGE;
        }
      return sila_cli_fail (cli, error);
    }

  printf (_("Field kit for “%s” written to %s.\n"), event, out);
  if (staff != NULL)
    printf (_("Staff who can sign in on it: the accounts named with --staff, and yours (%s): "
              "whoever prepares a kit can always sign in on it.\n"),
            actor->username);
  else
    printf ("%s\n", _("Staff who can sign in on it: every active account."));
  printf ("%s\n", _("It holds personal data: only its owner can read it (mode 0600). Keep the "
                    "laptop locked, keep the kit's untouched copy (.base) beside it, and delete "
                    "both once the return bundle is merged."));
  return SILA_EXIT_OK;
}

/* sila --database KIT field bundle --out BUNDLE */
int
sila_cli_field_bundle (SilaCli  *cli,
                       int       argc,
                       char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--out", TRUE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  const char *out;
  SilaStore *store;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  out = sila_cli_args_get (&args, "--out");
  if (args.positional->len != 0 || out == NULL || *out == '\0')
    return sila_cli_usage_error (cli, _("Usage: %s"), BUNDLE_USAGE);

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  if (sila_cli_get_actor (cli) == NULL)
    return SILA_EXIT_REFUSED;

  if (!sila_store_field_write_bundle (store, out, &error))
    return sila_cli_fail (cli, error);

  printf (_("Return bundle written to %s. Take it to the office to be merged.\n"), out);
  return SILA_EXIT_OK;
}

static void
add_count (JsonBuilder *builder,
           const char  *name,
           gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* sila field merge BUNDLE [BUNDLE …] [--dry-run] [--json] */
int
sila_cli_field_merge (SilaCli  *cli,
                      int       argc,
                      char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--dry-run", FALSE },
    { "--json", FALSE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  SilaFieldSummary s = { 0 };
  gboolean dry_run;
  const SilaActor *actor;
  SilaStore *store;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len == 0)
    return sila_cli_usage_error (cli, _("Usage: %s"), MERGE_USAGE);
  dry_run = sila_cli_args_has (&args, "--dry-run");
  g_ptr_array_add (args.positional, NULL);

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  if (!sila_store_field_merge (store, actor, (const char * const *)args.positional->pdata,
                               dry_run, &s, &error))
    {
      /* A bundle that cannot be read or belongs elsewhere (already merged
       * included) is a file the command cannot use. */
      if (error->domain == SILA_FIELD_ERROR || error->domain == G_FILE_ERROR)
        {
          sila_cli_message (cli, "%s", error->message);
          return SILA_EXIT_USAGE;
        }
      return sila_cli_fail (cli, error);
    }

  if (sila_cli_args_has (&args, "--json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_count (builder, "files", s.files);
      add_count (builder, "requests", s.requests);
      add_count (builder, "responses", s.responses);
      add_count (builder, "contacts", s.contacts);
      add_count (builder, "feedback", s.feedback);
      add_count (builder, "conflicts", s.conflicts);
      add_count (builder, "duplicates", s.duplicates);
      json_builder_end_object (builder);
      sila_cli_print_json (builder);
    }
  else
    {
      printf ("%s\n", dry_run ? _("Would merge (nothing was changed):") : _("Merged:"));
      printf (_("  new files: %lld\n"), (long long)s.files);
      printf (_("  new requests: %lld\n"), (long long)s.requests);
      printf (_("  survey responses: %lld\n"), (long long)s.responses);
      printf (_("  contacts: %lld\n"), (long long)s.contacts);
      printf (_("  suggestions and complaints: %lld\n"), (long long)s.feedback);
      printf (_("  changed records: %lld\n"), (long long)s.changed);
      printf (_("  conflicts to review: %lld\n"), (long long)s.conflicts);
      printf (_("  possible duplicate files: %lld\n"), (long long)s.duplicates);
      if (s.conflicts + s.duplicates > 0)
        printf ("%s\n", _("Review them with “sila field conflicts” or in the window’s Field "
                          "Work place."));
    }

  return s.conflicts + s.duplicates > 0 ? SILA_EXIT_REFUSED : SILA_EXIT_OK;
}

static char *
shown (const char *encoded)
{
  return encoded != NULL ? sila_field_value_display (encoded) : NULL;
}

/* sila field conflicts [--json] */
int
sila_cli_field_conflicts (SilaCli  *cli,
                          int       argc,
                          char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--json", FALSE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const SilaActor *actor;
  SilaStore *store;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 0)
    return sila_cli_usage_error (cli, _("Usage: %s"), CONFLICTS_USAGE);

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  list = sila_store_field_list_conflicts (store, actor, &error);
  if (list == NULL)
    return sila_cli_fail (cli, error);

  if (sila_cli_args_has (&args, "--json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < list->len; i++)
        {
          SilaFieldConflict *c = list->pdata[i];
          g_autofree char *base = shown (c->base_value);
          g_autofree char *field = shown (c->field_value);
          g_autofree char *office = shown (c->office_value);

          json_builder_begin_object (builder);
          sila_cli_json_string_or_null (builder, "id", c->id);
          sila_cli_json_string_or_null (builder, "kind", c->kind);
          sila_cli_json_string_or_null (builder, "table", c->entity);
          sila_cli_json_string_or_null (builder, "record", c->entity_id);
          sila_cli_json_string_or_null (builder, "number", c->label);
          sila_cli_json_string_or_null (builder, "column", c->column);
          sila_cli_json_string_or_null (builder, "base", base);
          sila_cli_json_string_or_null (builder, "field", field);
          sila_cli_json_string_or_null (builder, "office", office);
          sila_cli_json_string_or_null (builder, "other", c->other_id);
          sila_cli_json_string_or_null (builder, "laptop", c->laptop);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      return sila_cli_print_json (builder);
    }

  if (list->len == 0)
    printf ("%s\n", _("Nothing waits for review."));
  for (guint i = 0; i < list->len; i++)
    {
      SilaFieldConflict *c = list->pdata[i];
      g_autofree char *base = shown (c->base_value);
      g_autofree char *field = shown (c->field_value);
      g_autofree char *office = shown (c->office_value);

      printf ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c->kind, c->entity,
              c->label != NULL ? c->label : c->entity_id, c->column != NULL ? c->column : "",
              base != NULL ? base : "", field != NULL ? field : "",
              office != NULL ? office : "", c->other_id != NULL ? c->other_id : "");
    }
  return SILA_EXIT_OK;
}
