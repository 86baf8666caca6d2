/* SPDX-License-Identifier: GPL-3.0-or-later */
/* roles (what each role may do) and audit (the trail, for administrators). */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "sila-audit.h"
#include "sila-cli-private.h"
#include "sila-clock.h"
#include "sila-text.h"

/* The permission table of src/core/sila-roles.c, as text or as the
 * Markdown table the README carries (a test keeps the two equal). */
int
sila_cli_roles (SilaCli  *cli,
                int       argc,
                char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--markdown", FALSE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  gboolean markdown;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 0)
    return sila_cli_usage_error (cli, _("Usage: %s"), "sila roles [--markdown]");
  markdown = sila_cli_args_has (&args, "--markdown");

  if (markdown)
    {
      printf ("| %s |", _("may"));
      for (SilaRole r = SILA_ROLE_OFFICER; r <= SILA_ROLE_ADMIN; r <<= 1)
        printf (" %s (`%s`) |", sila_role_to_display (r), sila_role_to_code (r));
      printf ("\n| --- |");
      for (SilaRole r = SILA_ROLE_OFFICER; r <= SILA_ROLE_ADMIN; r <<= 1)
        printf (" :-: |");
      printf ("\n");
    }

  for (SilaPermission p = 0; p < SILA_N_PERMS; p++)
    {
      if (markdown)
        {
          printf ("| %s |", sila_permission_to_display (p));
          for (SilaRole r = SILA_ROLE_OFFICER; r <= SILA_ROLE_ADMIN; r <<= 1)
            printf (" %s |", sila_roles_permit (r, p) ? "✓" : "");
          printf ("\n");
        }
      else
        {
          g_autofree char *codes = sila_roles_to_codes (sila_permission_get_roles (p));

          printf ("%s\t%s\t%s\n", sila_permission_to_code (p), codes,
                  sila_permission_to_display (p));
        }
    }

  return SILA_EXIT_OK;
}

/* A date typed by a script: YYYY-MM-DD, local, any digits. */
static gboolean
parse_day (SilaCli     *cli,
           const char  *text,
           gboolean     next_day,
           char       **bound)
{
  g_autofree char *ascii = NULL;
  GDate date;

  *bound = NULL;
  if (text == NULL)
    return TRUE;

  ascii = g_utf8_validate (text, -1, NULL) ? sila_text_digits_to_ascii (text) : g_strdup ("");
  if (!sila_date_from_iso (ascii, &date))
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      sila_cli_usage_error (cli, _("“%s” is not a date: write it as YYYY-MM-DD."), shown);
      return FALSE;
    }

  if (next_day)
    g_date_add_days (&date, 1);
  *bound = sila_audit_local_day_start (&date);
  return TRUE;
}

int
sila_cli_audit (SilaCli  *cli,
                int       argc,
                char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--by", TRUE },
    { "--entity", TRUE },
    { "--action", TRUE },
    { "--since", TRUE },
    { "--until", TRUE },
    { "--text", TRUE },
    { "--limit", TRUE },
    { "--json", FALSE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  SilaAuditFilter filter = { 0 };
  const SilaActor *actor;
  SilaStore *store;
  gint64 limit = 100;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 0)
    return sila_cli_usage_error (cli, "%s", _("“audit” takes only options."));

  if (sila_cli_args_get (&args, "--limit") != NULL &&
      !sila_text_parse_int (sila_cli_args_get (&args, "--limit"), 1, 100000, &limit, &error))
    return sila_cli_usage_error (cli, "--limit: %s", error->message);
  if (!parse_day (cli, sila_cli_args_get (&args, "--since"), FALSE, &since) ||
      !parse_day (cli, sila_cli_args_get (&args, "--until"), TRUE, &until))
    return SILA_EXIT_USAGE;

  filter.actor_name = sila_cli_args_get (&args, "--by");
  filter.entity = sila_cli_args_get (&args, "--entity");
  filter.action = sila_cli_args_get (&args, "--action");
  filter.text = sila_cli_args_get (&args, "--text");
  filter.since = since;
  filter.until = until;

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  entries = sila_store_query_audit (store, actor, &filter, 0, (guint)limit, &error);
  if (entries == NULL)
    return sila_cli_fail (cli, error);

  if (sila_cli_args_has (&args, "--json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < entries->len; i++)
        {
          SilaAuditEntry *e = g_ptr_array_index (entries, i);
          const char *names[] = { "at", "by", "action", "entity", "entity_id", "summary",
                                  "before", "after", "device" };
          const char *values[] = { e->at, e->actor_name, e->action, e->entity, e->entity_id,
                                   e->summary, e->before_json, e->after_json, e->device_id };

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "seq");
          json_builder_add_int_value (builder, e->seq);
          for (guint j = 0; j < G_N_ELEMENTS (names); j++)
            sila_cli_json_string_or_null (builder, names[j], values[j]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      return sila_cli_print_json (builder);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      SilaAuditEntry *e = g_ptr_array_index (entries, i);

      printf ("%s\t%s\t%s\t%s\t%s\t%s\n", e->at, e->actor_name, e->action, e->entity,
              e->entity_id != NULL ? e->entity_id : "", e->summary != NULL ? e->summary : "");
    }

  return SILA_EXIT_OK;
}
