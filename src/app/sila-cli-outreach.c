/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The contacts log and the daily outreach list from the command line:
 * `contact add`, `outreach list`, `outreach dismiss` (SPEC.md; scripts rely
 * on their forms). */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "sila-cli-private.h"
#include "sila-clock.h"
#include "sila-date.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-contacts.h"
#include "sila-store-outreach.h"
#include "sila-store-requests.h"
#include "sila-text.h"

#define CONTACT_ADD_USAGE \
  "sila contact add (--file NUMBER | --national-id ID | --anonymous) --channel CODE " \
  "--direction (in|out) --kind (inquiry|referral|follow_up|outreach) [--request NUMBER] " \
  "[--outcome (reached|no_answer|wrong_number)] [--note TEXT]"
#define DISMISS_USAGE \
  "sila outreach dismiss FILE_NUMBER REASON [--request NUMBER] --why TEXT"

static gboolean
parse_file_number (const char *text,
                   gint64     *number)
{
  return sila_text_parse_int (text, 1, G_MAXINT64, number, NULL);
}

/* The file named by --file or --national-id; NULL with the exit status
 * in @status when there is none. */
static SilaBeneficiary *
find_person (SilaCli          *cli,
             SilaStore        *store,
             const SilaActor  *actor,
             SilaCliArgs      *args,
             int              *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiary) file = NULL;
  const char *number = sila_cli_args_get (args, "--file");
  const char *id_number = sila_cli_args_get (args, "--national-id");
  gint64 file_number;

  *status = SILA_EXIT_REFUSED;
  if (number != NULL)
    {
      if (!parse_file_number (number, &file_number))
        {
          *status = sila_cli_usage_error (cli, _("“%s” is not a file number."), number);
          return NULL;
        }
      if (!sila_store_find_beneficiary_by_file_number (store, actor, file_number, &file,
                                                       &error))
        {
          *status = sila_cli_fail (cli, error);
          return NULL;
        }
    }
  else if (!sila_store_find_beneficiary_by_id_number (store, actor, id_number, &file, &error))
    {
      *status = sila_cli_fail (cli, error);
      return NULL;
    }

  if (file == NULL)
    sila_cli_message (cli, "%s", _("There is no such beneficiary file."));
  return g_steal_pointer (&file);
}

/* sila contact add … (CONTACT_ADD_USAGE) */
int
sila_cli_contact_add (SilaCli  *cli,
                      int       argc,
                      char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--file", TRUE },
    { "--national-id", TRUE },
    { "--anonymous", FALSE },
    { "--channel", TRUE },
    { "--direction", TRUE },
    { "--kind", TRUE },
    { "--request", TRUE },
    { "--outcome", TRUE },
    { "--note", TRUE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiary) file = NULL;
  g_autoptr(SilaFieldErrors) errors = NULL;
  g_autoptr(SilaContact) contact = NULL;
  g_autoptr(SilaRequest) request = NULL;
  const char *fields[SILA_N_CF_FIELDS] = { NULL };
  const char *direction, *kind, *note;
  SilaContactOutcome outcome = SILA_OUTCOME_NONE;
  SilaContactKind kind_value;
  const SilaActor *actor;
  SilaStore *store;
  int who = 0;
  int status = SILA_EXIT_REFUSED;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  who = (sila_cli_args_get (&args, "--file") != NULL) +
        (sila_cli_args_get (&args, "--national-id") != NULL) +
        sila_cli_args_has (&args, "--anonymous");
  direction = sila_cli_args_get (&args, "--direction");
  kind = sila_cli_args_get (&args, "--kind");
  if (args.positional->len != 0 || who != 1 || sila_cli_args_get (&args, "--channel") == NULL ||
      (g_strcmp0 (direction, "in") != 0 && g_strcmp0 (direction, "out") != 0) ||
      !sila_contact_kind_from_code (kind, &kind_value) ||
      !sila_contact_outcome_from_code (sila_cli_args_get (&args, "--outcome"), &outcome))
    return sila_cli_usage_error (cli, _("Usage: %s"), CONTACT_ADD_USAGE);

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  if (!sila_cli_args_has (&args, "--anonymous"))
    {
      file = find_person (cli, store, actor, &args, &status);
      if (file == NULL)
        return status;
    }
  if (sila_cli_args_get (&args, "--request") != NULL)
    {
      request = sila_store_find_request (store, actor, sila_cli_args_get (&args, "--request"),
                                         &error);
      if (request == NULL)
        return sila_cli_fail (cli, error);
    }

  /* A contact needs a line of what was said; a call logged from a script
   * without one says what kind it was. */
  note = sila_cli_args_get (&args, "--note");
  fields[SILA_CF_CHANNEL] = sila_cli_args_get (&args, "--channel");
  fields[SILA_CF_DIRECTION] = g_str_equal (direction, "in") ? "inbound" : "outbound";
  fields[SILA_CF_KIND] = kind;
  fields[SILA_CF_QUESTION] = note != NULL ? note : sila_contact_kind_to_display (kind_value);
  errors = sila_field_errors_new ();
  contact = sila_contact_parse (fields, file != NULL ? file->id : NULL, errors);
  if (contact == NULL)
    {
      const char * const *keys = sila_field_errors_get_fields (errors);

      for (guint i = 0; keys[i] != NULL; i++)
        sila_cli_message (cli, "%s", sila_field_errors_get (errors, keys[i])->message);
      return SILA_EXIT_REFUSED;
    }
  if (!sila_contact_set_outcome (contact, outcome, &error))
    {
      sila_cli_message (cli, "%s", error->message);
      return SILA_EXIT_REFUSED;
    }
  if (request != NULL)
    contact->request_id = g_strdup (request->id);

  if (!sila_store_add_contact (store, actor, contact, &error))
    return sila_cli_fail (cli, error);

  printf ("%" G_GINT64_FORMAT "\n", contact->seq);
  return SILA_EXIT_OK;
}

/* sila outreach list [--date YYYY-MM-DD] [--json] */
int
sila_cli_outreach_list (SilaCli  *cli,
                        int       argc,
                        char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--date", TRUE },
    { "--json", FALSE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const char *date_text;
  const SilaActor *actor;
  SilaStore *store;
  GDate day;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 0)
    return sila_cli_usage_error (cli, _("Usage: %s"),
                                 "sila outreach list [--date YYYY-MM-DD] [--json]");
  date_text = sila_cli_args_get (&args, "--date");
  if (date_text != NULL && !sila_date_from_iso (date_text, &day))
    return sila_cli_usage_error (cli, _("“%s” is not a date written YYYY-MM-DD."), date_text);

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  items = sila_store_list_outreach (store, actor, date_text != NULL ? &day : NULL, &error);
  if (items == NULL)
    return sila_cli_fail (cli, error);

  if (sila_cli_args_has (&args, "--json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < items->len; i++)
        {
          const SilaOutreachItem *item = g_ptr_array_index (items, i);
          g_autofree char *since = sila_date_to_iso (&item->since);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "file_number");
          json_builder_add_int_value (builder, item->file_number);
          sila_cli_json_string_or_null (builder, "national_id", item->national_id);
          sila_cli_json_string_or_null (builder, "reason",
                                        sila_outreach_reason_to_code (item->reason));
          sila_cli_json_string_or_null (builder, "request", item->request_number);
          sila_cli_json_string_or_null (builder, "since", since);
          sila_cli_json_string_or_null (builder, "phone", item->phone);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      return sila_cli_print_json (builder);
    }

  for (guint i = 0; i < items->len; i++)
    {
      const SilaOutreachItem *item = g_ptr_array_index (items, i);
      g_autofree char *since = sila_date_to_iso (&item->since);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", item->file_number, item->name,
              sila_outreach_reason_to_display (item->reason),
              item->request_number != NULL ? item->request_number : "",
              since, item->phone != NULL ? item->phone : "");
    }
  return SILA_EXIT_OK;
}

/* sila outreach dismiss FILE_NUMBER REASON [--request NUMBER] --why TEXT */
int
sila_cli_outreach_dismiss (SilaCli  *cli,
                           int       argc,
                           char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--request", TRUE },
    { "--why", TRUE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  const char *request;
  SilaOutreachReason reason;
  const SilaActor *actor;
  SilaStore *store;
  gint64 file_number;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 2 || sila_cli_args_get (&args, "--why") == NULL ||
      !parse_file_number (g_ptr_array_index (args.positional, 0), &file_number) ||
      !sila_outreach_reason_from_code (g_ptr_array_index (args.positional, 1), &reason))
    return sila_cli_usage_error (cli, _("Usage: %s"), DISMISS_USAGE);

  request = sila_cli_args_get (&args, "--request");
  if ((reason == SILA_OUTREACH_NO_CONTACT) != (request == NULL))
    return sila_cli_usage_error (cli, "%s",
                                 reason == SILA_OUTREACH_NO_CONTACT
                                 ? _("A long silence concerns the file, not a request: leave "
                                     "out --request.")
                                 : _("Name the request with --request NUMBER."));

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  if (!sila_store_dismiss_outreach (store, actor, file_number, reason, request,
                                    sila_cli_args_get (&args, "--why"), &error))
    return sila_cli_fail (cli, error);

  return SILA_EXIT_OK;
}
