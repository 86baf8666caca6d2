/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Support requests from the command line, for scripts and for checking
 * that the core enforces the policy (SPEC.md): open, document, move, show.
 * A step the policy or the acting role forbids changes nothing and exits 1
 * with the reason on stderr. */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "sila-audit.h"
#include "sila-cli-private.h"
#include "sila-clock.h"
#include "sila-date.h"
#include "sila-money.h"
#include "sila-request-form.h"
#include "sila-request-workflow.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-requests.h"

/* Prints each refused field on its own line. */
/* A request of a type the person already has open, or had decided in the
 * last days the core counts, is opened all the same (the officer meant it),
 * with a warning on stderr. */
static void
warn_if_repeat (SilaCli           *cli,
                SilaStore         *store,
                const SilaActor   *actor,
                const SilaRequest *request)
{
  g_autoptr(GPtrArray) held = sila_store_list_request_briefs (store, actor,
                                                              request->beneficiary_id,
                                                              request->type, NULL);
  const SilaRequestBrief *repeat;
  g_autofree char *text = NULL;
  GDate today;

  sila_clock_today (&today);
  repeat = sila_request_find_repeat (held, &today);
  if (repeat == NULL)
    return;
  text = sila_request_describe_repeat (repeat);
  sila_cli_message (cli, _("Warning: %s The new request is opened all the same."), text);
}

static int
report_field_errors (SilaCli         *cli,
                     SilaFieldErrors *errors)
{
  const char * const *fields = sila_field_errors_get_fields (errors);

  for (guint i = 0; fields[i] != NULL; i++)
    sila_cli_message (cli, "--%s: %s", fields[i],
                      sila_field_errors_get (errors, fields[i])->message);

  return SILA_EXIT_REFUSED;
}

static gboolean
parse_date_option (SilaCli     *cli,
                   const char  *option,
                   const char  *text,
                   GDate       *date)
{
  g_autoptr(GError) error = NULL;

  if (!sila_date_parse_guess (text, date, NULL, &error))
    {
      sila_cli_message (cli, "%s: %s", option, error->message);
      return FALSE;
    }
  return TRUE;
}

/* sila request open --national-id ID --type TYPE --channel CODE [--received DATE]
 *                   [--description TEXT] [--amount SAR] */
int
sila_cli_request_open (SilaCli  *cli,
                       int       argc,
                       char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--national-id", TRUE },
    { "--type", TRUE },
    { "--channel", TRUE },
    { "--received", TRUE },
    { "--description", TRUE },
    { "--amount", TRUE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiary) file = NULL;
  g_autoptr(SilaRequestInput) input = NULL;
  g_autoptr(SilaFieldErrors) errors = NULL;
  g_autoptr(SilaRequest) request = NULL;
  g_autoptr(GPtrArray) types = NULL;
  const char *id_number;
  const SilaActor *actor;
  SilaStore *store;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  id_number = sila_cli_args_get (&args, "--national-id");
  if (args.positional->len != 0 || id_number == NULL ||
      sila_cli_args_get (&args, "--type") == NULL || sila_cli_args_get (&args, "--channel") == NULL)
    return sila_cli_usage_error (cli, _("Usage: %s"),
                                 "sila request open --national-id ID --type TYPE --channel CODE "
                                 "[--received DATE]");

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  if (!sila_store_find_beneficiary_by_id_number (store, actor, id_number, &file, &error))
    return sila_cli_fail (cli, error);
  if (file == NULL)
    {
      sila_cli_message (cli, _("No beneficiary file has the ID number %s: open the file first."),
                        id_number);
      return SILA_EXIT_REFUSED;
    }

  types = sila_store_list_request_types (store, FALSE, &error);
  if (types == NULL)
    return sila_cli_fail (cli, error);

  input = sila_request_input_new ();
  input->beneficiary_id = g_strdup (file->id);
  sila_request_input_set (input, SILA_RF_TYPE, sila_cli_args_get (&args, "--type"));
  sila_request_input_set (input, SILA_RF_CHANNEL, sila_cli_args_get (&args, "--channel"));
  sila_request_input_set (input, SILA_RF_RECEIVED, sila_cli_args_get (&args, "--received"));
  sila_request_input_set (input, SILA_RF_DESCRIPTION, sila_cli_args_get (&args, "--description"));
  sila_request_input_set (input, SILA_RF_AMOUNT, sila_cli_args_get (&args, "--amount"));

  errors = sila_field_errors_new ();
  request = sila_request_input_parse (input, types, SILA_REQUEST_PARSE_DEFAULT, errors);
  if (request == NULL)
    return report_field_errors (cli, errors);

  warn_if_repeat (cli, store, actor, request);
  if (!sila_store_open_request (store, actor, request, &error))
    return sila_cli_fail (cli, error);

  printf ("%s\n", request->number);
  return SILA_EXIT_OK;
}

static SilaRequest *
find_request (SilaCli          *cli,
              SilaStore        *store,
              const SilaActor  *actor,
              const char       *number,
              int              *status)
{
  g_autoptr(GError) error = NULL;
  SilaRequest *request = sila_store_find_request (store, actor, number, &error);

  if (request == NULL)
    *status = sila_cli_fail (cli, error);
  return request;
}

/* sila request document NUMBER DOCTYPE (provided|verified|rejected|missing)
 *                       [--expires DATE] [--note TEXT] */
int
sila_cli_request_document (SilaCli  *cli,
                           int       argc,
                           char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--expires", TRUE },
    { "--note", TRUE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequest) request = NULL;
  SilaDocumentStatus status, recorded;
  const char *expires_text;
  const SilaActor *actor;
  SilaStore *store;
  GDate expires;
  int exit_status = SILA_EXIT_REFUSED;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 3)
    return sila_cli_usage_error (cli, _("Usage: %s"),
                                 "sila request document NUMBER DOCTYPE "
                                 "(provided|verified|rejected|missing) [--expires DATE]");

  /* "expired" is not among the choices: it is found from --expires. */
  if (!sila_document_status_parse (g_ptr_array_index (args.positional, 2), &status, &error) ||
      !sila_document_status_check_chosen (status, &error))
    return sila_cli_usage_error (cli, "%s", error->message);

  expires_text = sila_cli_args_get (&args, "--expires");
  if (expires_text != NULL && !parse_date_option (cli, "--expires", expires_text, &expires))
    return SILA_EXIT_REFUSED;

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;
  request = find_request (cli, store, actor, g_ptr_array_index (args.positional, 0),
                          &exit_status);
  if (request == NULL)
    return exit_status;

  if (!sila_store_set_request_document (store, actor, request->id,
                                        g_ptr_array_index (args.positional, 1), status,
                                        expires_text != NULL ? &expires : NULL,
                                        sila_cli_args_get (&args, "--note"), &recorded, &error))
    return sila_cli_fail (cli, error);

  if (recorded != status)
    {
      g_autoptr(SilaRequest) now = find_request (cli, store, actor, request->number, &exit_status);
      g_autoptr(GPtrArray) types = sila_store_list_document_types (store, TRUE, &error);
      const SilaTypeEntry *type = NULL;
      g_autofree char *why = NULL;

      if (now == NULL)
        return exit_status;
      if (types == NULL)
        return sila_cli_fail (cli, error);
      type = sila_type_entry_parse (types, g_ptr_array_index (args.positional, 1), TRUE, NULL);
      if (type == NULL)
        return SILA_EXIT_REFUSED;
      why = sila_request_document_describe_expired (sila_request_find_document (now, type->code),
                                                    status);
      sila_cli_message (cli, "%s", why);
      return SILA_EXIT_REFUSED;
    }

  return SILA_EXIT_OK;
}

/* The option of `request move` that gives each part of a step's input. */
static const char *
step_field_option (const char *field)
{
  static const struct { const char *field; const char *option; } options[] = {
    { SILA_STEP_FIELD_REASON, "--reason" },
    { SILA_STEP_FIELD_FINDINGS, "--note" },
    { SILA_STEP_FIELD_RECOMMENDATION, "--recommendation" },
    { SILA_STEP_FIELD_VISIT_DATE, "--visit" },
    { SILA_STEP_FIELD_DECIDED_ON, "--decided" },
    { SILA_STEP_FIELD_AMOUNT, "--amount" },
    { SILA_STEP_FIELD_KIND, "--kind" },
    { SILA_STEP_FIELD_DELIVERED_ON, "--delivered" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (g_str_equal (field, options[i].field))
      return options[i].option;

  return NULL;
}

/* A step the core refused: each of its refusals, under the option that
 * gives that part (the window shows the same words beside its fields). */
static int
report_step_errors (SilaCli         *cli,
                    SilaFieldErrors *errors,
                    gboolean         findings_apart)
{
  const char * const *fields = sila_field_errors_get_fields (errors);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *option = step_field_option (fields[i]);
      const GError *error = sila_field_errors_get (errors, fields[i]);

      if (findings_apart && g_str_equal (fields[i], SILA_STEP_FIELD_FINDINGS))
        option = "--findings";
      if (option != NULL)
        sila_cli_message (cli, "%s: %s", option, error->message);
      else
        sila_cli_message (cli, "%s", error->message);
    }

  return SILA_EXIT_REFUSED;
}

/* sila request move NUMBER STATUS [--reason TEXT] [--note TEXT] [--amount SAR]
 *                   [--researcher NAME] [--kind KIND] [--members TEXT]
 *                   [--recommendation TEXT] [--visit DATE] [--decided DATE]
 *                   [--delivered DATE]
 * research_done takes the findings as its note (or --findings), and the
 * recommendation with --recommendation. */
int
sila_cli_request_move (SilaCli  *cli,
                       int       argc,
                       char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--reason", TRUE },
    { "--note", TRUE },
    { "--findings", TRUE },
    { "--recommendation", TRUE },
    { "--visit", TRUE },
    { "--decided", TRUE },
    { "--delivered", TRUE },
    { "--amount", TRUE },
    { "--researcher", TRUE },
    { "--kind", TRUE },
    { "--members", TRUE },
    { NULL }
  };
  static const struct { const char *option; gsize offset; } dates[] = {
    { "--visit", G_STRUCT_OFFSET (SilaStepInput, visit_date) },
    { "--decided", G_STRUCT_OFFSET (SilaStepInput, decided_on) },
    { "--delivered", G_STRUCT_OFFSET (SilaStepInput, delivered_on) },
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequest) request = NULL;
  SilaStepInput input = { 0 };
  SilaRequestStatus to;
  GDate days[G_N_ELEMENTS (dates)];
  const char *amount;
  const SilaActor *actor;
  SilaStore *store;
  int exit_status = SILA_EXIT_REFUSED;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 2)
    return sila_cli_usage_error (cli, _("Usage: %s"),
                                 "sila request move NUMBER STATUS [--reason TEXT] [--note TEXT] "
                                 "[--recommendation TEXT] [--amount SAR]");
  if (!sila_request_status_parse (g_ptr_array_index (args.positional, 1), &to, &error))
    return sila_cli_usage_error (cli, "%s", error->message);

  input.reason = sila_cli_args_get (&args, "--reason");
  input.note = sila_cli_args_get (&args, "--note");
  /* The research report: its findings are the note, unless given apart. */
  input.findings = sila_cli_args_get (&args, "--findings");
  if (input.findings == NULL && to == SILA_REQUEST_RESEARCH_DONE)
    input.findings = input.note;
  input.recommendation = sila_cli_args_get (&args, "--recommendation");
  input.researcher = sila_cli_args_get (&args, "--researcher");
  input.delivery_kind = sila_cli_args_get (&args, "--kind");
  input.members = sila_cli_args_get (&args, "--members");
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      const char *text = sila_cli_args_get (&args, dates[i].option);

      if (text == NULL)
        continue;
      if (!parse_date_option (cli, dates[i].option, text, &days[i]))
        return SILA_EXIT_REFUSED;
      G_STRUCT_MEMBER (const GDate *, &input, dates[i].offset) = &days[i];
    }
  amount = sila_cli_args_get (&args, "--amount");
  if (amount != NULL)
    {
      if (!sila_money_parse (amount, 0, &input.amount_halalas, &error))
        {
          sila_cli_message (cli, "--amount: %s", error->message);
          return SILA_EXIT_REFUSED;
        }
      input.has_amount = TRUE;
    }

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;
  request = find_request (cli, store, actor, g_ptr_array_index (args.positional, 0),
                          &exit_status);
  if (request == NULL)
    return exit_status;

  if (!sila_store_move_request (store, actor, request->id, request->rev, to, &input, &error))
    {
      g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();

      /* The core's refusal: every part it refused, each under its option. */
      if (g_error_matches (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID) &&
          !sila_request_check_step_fields (request, to, &input, errors))
        return report_step_errors (cli, errors, sila_cli_args_has (&args, "--findings"));
      return sila_cli_fail (cli, error);
    }

  return SILA_EXIT_OK;
}

static void
add_date_member (JsonBuilder *builder,
                 const char  *name,
                 const GDate *date)
{
  json_builder_set_member_name (builder, name);
  if (date != NULL && g_date_valid (date))
    {
      g_autofree char *iso = sila_date_to_iso (date);

      json_builder_add_string_value (builder, iso);
    }
  else
    json_builder_add_null_value (builder);
}

static char *
request_to_json (const SilaRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, request->number);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, sila_request_status_to_code (request->status));
  add_date_member (builder, "received", &request->received);
  add_date_member (builder, "due", &request->due);
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, sila_request_is_overdue_today (request));

  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < request->documents->len; i++)
    {
      const SilaRequestDocument *d = g_ptr_array_index (request->documents, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, d->type);
      json_builder_set_member_name (builder, "required");
      json_builder_add_boolean_value (builder, d->required);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, sila_document_status_to_code (d->status));
      add_date_member (builder, "expires", &d->expires);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "timeline");
  json_builder_begin_array (builder);
  for (guint i = 0; i < request->events->len; i++)
    {
      const SilaRequestEvent *e = g_ptr_array_index (request->events, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, sila_request_status_to_code (e->status));
      json_builder_set_member_name (builder, "by");
      json_builder_add_string_value (builder, e->by);
      json_builder_set_member_name (builder, "at");
      json_builder_add_string_value (builder, e->at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static void
print_request (const SilaRequest *request)
{
  g_autofree char *received = sila_date_format (&request->received, SILA_CALENDAR_GREGORIAN);
  g_autofree char *due = sila_date_format (&request->due, SILA_CALENDAR_GREGORIAN);
  g_autofree char *next = sila_request_describe_next (request);

  printf ("%s\t%s\n", _("Request"), request->number);
  printf ("%s\t%s (%" G_GINT64_FORMAT ")\n", _("Beneficiary"), request->beneficiary_name,
          request->file_number);
  printf ("%s\t%s\n", _("Type"), sila_request_get_type_display (request));
  printf ("%s\t%s\n", _("Channel"), sila_channel_to_display (request->channel));
  printf ("%s\t%s\n", _("Status"), sila_request_status_to_display (request->status));
  printf ("%s\t%s\n", _("Received"), received);
  printf ("%s\t%s%s\n", _("Due"), due,
          sila_request_is_overdue_today (request) ? _(" (overdue)") : "");
  printf ("%s\n", next);
  for (guint i = 0; i < request->documents->len; i++)
    {
      const SilaRequestDocument *d = g_ptr_array_index (request->documents, i);

      printf ("  %s %s: %s\n", d->required ? "*" : " ", sila_request_document_get_display (d),
              sila_document_status_to_display (d->status));
    }
  for (guint i = 0; i < request->events->len; i++)
    {
      const SilaRequestEvent *e = g_ptr_array_index (request->events, i);

      printf ("  %s\t%s\t%s\n", e->at, sila_request_status_to_display (e->status),
              e->by_name != NULL ? e->by_name : e->by);
    }
}

/* sila request show NUMBER [--json] */
int
sila_cli_request_show (SilaCli  *cli,
                       int       argc,
                       char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--json", FALSE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequest) request = NULL;
  const SilaActor *actor;
  SilaStore *store;
  int exit_status = SILA_EXIT_REFUSED;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 1)
    return sila_cli_usage_error (cli, _("Usage: %s"), "sila request show NUMBER [--json]");

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;
  request = find_request (cli, store, actor, g_ptr_array_index (args.positional, 0),
                          &exit_status);
  if (request == NULL)
    return exit_status;

  /* Who saw whose request is audited, as in the window; a database that
   * cannot record it shows nothing. */
  if (!sila_store_record_access (store, actor, SILA_PERM_REQUEST_VIEW, SILA_AUDIT_VIEW,
                                 SILA_AUDIT_ENTITY_REQUEST, request->id, request->number, &error))
    return sila_cli_fail (cli, error);

  if (sila_cli_args_has (&args, "--json"))
    {
      g_autofree char *json = request_to_json (request);

      printf ("%s\n", json);
    }
  else
    print_request (request);

  return SILA_EXIT_OK;
}

/* sila request print (NUMBER | --blank) --pdf FILE */
int
sila_cli_request_print (SilaCli  *cli,
                        int       argc,
                        char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--pdf", TRUE },
    { "--blank", FALSE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequest) request = NULL;
  gboolean blank;
  const char *path;
  const SilaActor *actor;
  SilaStore *store;
  int exit_status = SILA_EXIT_REFUSED;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  path = sila_cli_args_get (&args, "--pdf");
  blank = sila_cli_args_has (&args, "--blank");
  if (path == NULL || *path == '\0' || args.positional->len != (blank ? 0 : 1))
    return sila_cli_usage_error (cli, _("Usage: %s"),
                                 "sila request print (NUMBER | --blank) --pdf FILE");

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;
  if (!blank)
    {
      request = find_request (cli, store, actor, g_ptr_array_index (args.positional, 0),
                              &exit_status);
      if (request == NULL)
        return exit_status;
    }

  if (!sila_request_form_write_pdf (store, actor, request, path, &error))
    {
      if (error->domain == G_IO_ERROR)
        {
          sila_cli_message (cli, "%s", error->message);
          return SILA_EXIT_USAGE;
        }
      return sila_cli_fail (cli, error);
    }

  return SILA_EXIT_OK;
}
