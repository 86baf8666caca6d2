/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Draws the screens of support requests and the contacts log into PNG
 * files, on a database of realistic sample data, for README.md and for
 * looking at:
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" \
 *     _build-tests/tests/sila-request-screenshots ar data/screenshots
 *
 * (with GSETTINGS_SCHEMA_DIR, GSETTINGS_BACKEND=memory and SILA_LOCALEDIR
 * pointing into the build tree, as tests/meson.build sets them). */
#include "sila-config.h"

#include <adwaita.h>

#include "sila-clock.h"
#include "sila-contact-row.h"
#include "sila-contacts-page.h"
#include "sila-i18n.h"
#include "sila-new-request-window.h"
#include "sila-request-view-private.h"
#include "sila-requests-page.h"
#include "sila-signature-pad.h"
#include "sila-store-contacts.h"
#include "sila-store-private.h"
#include "sila-store-staff.h"
#include "sila-test-requests.h"
#include "sila-test-shots.h"
#include "sila-test-util.h"
#include "sila-window.h"

static const char *out_dir;
static const char *lang;

static void
at (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, utc);

  sila_clock_set_fixed (now);
}

static void
move (SilaStore         *store,
      const SilaActor   *actor,
      const char        *id,
      SilaRequestStatus  to,
      SilaStepInput     *input)
{
  g_autoptr(GError) error = NULL;

  sila_store_move_request (store, actor, id, 0, to, input, &error);
  g_assert_no_error (error);
}

static void
verify (SilaStore       *store,
        const SilaActor *actor,
        const char      *id,
        const char      *type,
        const char      *expires)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  if (expires != NULL)
    sila_date_from_iso (expires, &date);
  sila_store_set_request_document (store, actor, id, type, SILA_DOCUMENT_VERIFIED,
                                   expires != NULL ? &date : NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
contact (SilaStore       *store,
         const SilaActor *actor,
         const char      *beneficiary_id,
         SilaChannel      channel,
         const char      *question,
         const char      *answer,
         const char      *referred_to,
         const char      *asked,
         const char      *recorded)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaContact) c = sila_contact_new ();

  at (recorded);
  c->beneficiary_id = g_strdup (beneficiary_id);
  c->caller = beneficiary_id == NULL ? g_strdup ("0551234567") : NULL;
  c->channel = channel;
  c->question = g_strdup (question);
  c->answer = g_strdup (answer);
  c->asked_at = g_strdup (asked);
  if (referred_to != NULL)
    {
      c->kind = SILA_CONTACT_REFERRAL;
      c->status = SILA_CONTACT_REFERRED;
      c->referred_to = g_strdup (referred_to);
    }
  else
    c->status = answer != NULL ? SILA_CONTACT_ANSWERED : SILA_CONTACT_OPEN;
  sila_store_add_contact (store, actor, c, &error);
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(SilaSession) session = NULL;
  g_autoptr(SilaActor) admin = NULL;
  g_autoptr(SilaActor) huda = NULL;
  g_autoptr(SilaActor) noura = NULL;
  g_autoptr(SilaActor) khalid = NULL;
  g_autoptr(SilaRequest) shown = NULL;
  g_autofree char *b1 = NULL, *b2 = NULL, *b3 = NULL, *b4 = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  SilaRequestsPage *page;
  SilaWindow *window;
  SilaTestDir dir;
  gboolean arabic;

  if (argc != 3)
    {
      g_printerr ("usage: %s ar|en OUTPUT-FOLDER\n", argv[0]);
      return 2;
    }
  lang = argv[1];
  out_dir = argv[2];
  arabic = g_str_equal (lang, "ar");

  gtk_init ();
  adw_init ();
  sila_i18n_init (arabic ? SILA_LANGUAGE_ARABIC : SILA_LANGUAGE_ENGLISH);
  gtk_widget_set_default_direction (arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  sila_store_set_cheap_hashes_for_testing (TRUE);
  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  /* An office in its second week of Ramadan 1447 (March 2026). */
  sila_test_dir_setup (&dir, NULL);
  store = sila_store_open (dir.db_path, 0, &error);
  g_assert_no_error (error);
  sila_store_set_unsynced_for_testing (store);
  {
    g_autoptr(SilaStaff) first = sila_store_create_first_admin (store,
                                                                "جمعية صلة للخدمات الإنسانية بغرب مكة",
                                                                "sami", "سامي العتيبي",
                                                                "sample passphrase", &error);
    g_assert_no_error (error);
    admin = sila_staff_to_actor (first);
  }
  huda = sila_test_add_sample_staff (store, admin, "huda",
                                     arabic ? "هدى الحربي" : "Huda Alharbi", SILA_ROLE_OFFICER);
  noura = sila_test_add_sample_staff (store, admin, "noura",
                                      arabic ? "نورة القحطاني" : "Noura Alqahtani",
                                      SILA_ROLE_RESEARCHER);
  khalid = sila_test_add_sample_staff (store, admin, "khalid",
                                       arabic ? "خالد الزهراني" : "Khalid Alzahrani",
                                       SILA_ROLE_COMMITTEE);

  at ("2026-02-20T07:30:00Z");
  b1 = sila_test_add_beneficiary (store, huda, "108765432", "مريم");
  b2 = sila_test_add_beneficiary (store, huda, "112233445", "سعاد");
  b3 = sila_test_add_beneficiary (store, huda, "109988776", "فاطمة");
  b4 = sila_test_add_beneficiary (store, huda, "110022334", "عائشة");

  /* The request the screen shows: researched and with the committee. */
  at ("2026-03-01T08:15:00Z");
  shown = sila_test_open_request (store, huda, b1, "rent", NULL);
  at ("2026-03-01T08:40:00Z");
  verify (store, huda, shown->id, "national_id_copy", "2029-06-30");
  verify (store, huda, shown->id, "lease", "2026-12-31");
  verify (store, huda, shown->id, "income_proof", NULL);
  sila_store_set_request_document (store, huda, shown->id, "iban_letter",
                                   SILA_DOCUMENT_PROVIDED, NULL, NULL, NULL, NULL);
  sila_store_sign_request (store, huda, shown->id, SILA_DECLARATION_DRAWN,
                           "900,6200 1400,3600 1900,6500 2500,3200 3100,6000 3600,4400 "
                           "4300,5600 5000,3900 5800,5400 6600,3600 7400,5000;"
                           "1200,7300 8200,7000", NULL);
  at ("2026-03-01T09:05:00Z");
  move (store, huda, shown->id, SILA_REQUEST_DOCUMENTS_COMPLETE, NULL);
  at ("2026-03-02T10:00:00Z");
  {
    SilaStepInput input = { .researcher = "noura" };

    move (store, huda, shown->id, SILA_REQUEST_IN_RESEARCH, &input);
  }
  at ("2026-03-05T12:20:00Z");
  {
    SilaStepInput input = { 0 };
    GDate visit;

    sila_date_from_iso ("2026-03-04", &visit);
    input.visit_date = &visit;
    input.findings = "أرملة تعول أربعة أبناء، الإيجار متأخر ثلاثة أشهر، ودخل الأسرة من الضمان "
                     "الاجتماعي لا يغطي الإيجار.";
    input.recommendation = "نوصي بسداد إيجار ستة أشهر";
    move (store, noura, shown->id, SILA_REQUEST_RESEARCH_DONE, &input);
  }
  at ("2026-03-05T13:00:00Z");
  move (store, huda, shown->id, SILA_REQUEST_WITH_COMMITTEE, NULL);

  /* Others waiting for the committee, one of them late. */
  {
    const struct { const char *b; const char *type; const char *received; } more[] = {
      { NULL, "financial_aid", "2026-02-16T08:00:00Z" },
      { NULL, "medical", "2026-02-26T09:00:00Z" },
      { NULL, "food_basket", "2026-03-03T09:00:00Z" },
    };
    const char *who[] = { b2, b3, b4 };

    for (guint i = 0; i < G_N_ELEMENTS (more); i++)
      {
        g_autoptr(SilaRequest) r = NULL;
        g_autofree char *day = g_strndup (more[i].received, 10);

        at (more[i].received);
        r = sila_test_open_request (store, huda, who[i], more[i].type, day);
        sila_test_walk_request (store, huda, r->id, SILA_REQUEST_DOCUMENTS_COMPLETE);
        {
          SilaStepInput input = { .researcher = "noura" };

          move (store, huda, r->id, SILA_REQUEST_IN_RESEARCH, &input);
        }
        {
          SilaStepInput input = { .findings = "الأسرة محتاجة", .recommendation = "نوصي بالقبول" };

          move (store, noura, r->id, SILA_REQUEST_RESEARCH_DONE, &input);
        }
        move (store, huda, r->id, SILA_REQUEST_WITH_COMMITTEE, NULL);
      }
  }

  /* The contacts log. */
  contact (store, huda, b4, SILA_CHANNEL_LETTER, "خطاب شكر من الأسرة بعد استلام السلة",
           "شكرناها واتصلنا بها للمتابعة.", NULL, "2026-03-07T08:00:00Z",
           "2026-03-08T07:30:00Z");
  contact (store, huda, b1, SILA_CHANNEL_PHONE, "هل وصل طلب سداد الإيجار إلى اللجنة؟",
           "نعم، وسيصلك الرد قبل نهاية المدة.", NULL, "2026-03-08T07:50:00Z",
           "2026-03-08T07:58:00Z");
  contact (store, huda, NULL, SILA_CHANNEL_SOCIAL_MEDIA, "ما المستندات المطلوبة لطلب السلة الغذائية؟",
           "صورة الهوية الوطنية، وسجل الأسرة إن وجد.", NULL, "2026-03-08T09:10:00Z",
           "2026-03-08T10:45:00Z");
  contact (store, huda, b2, SILA_CHANNEL_INTERVIEW, "لم تتضح لها شروط المساعدة العلاجية",
           NULL, "noura", "2026-03-08T10:30:00Z", "2026-03-08T10:35:00Z");
  contact (store, huda, b3, SILA_CHANNEL_WEBSITE, "طلب تحديث رقم الجوال في الملف", NULL, NULL,
           "2026-03-08T11:00:00Z", "2026-03-08T11:00:00Z");

  at ("2026-03-08T12:00:00Z");

  /* The request screen, as the officer sees it. */
  session = sila_session_new (store, sila_actor_copy (huda));
  window = sila_window_new (NULL, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 2000);
  gtk_window_present (GTK_WINDOW (window));
  sila_test_settle (GTK_WIDGET (window));
  sila_window_show_request (window, shown->id);
  sila_test_shoot (GTK_WIDGET (window), out_dir, "request", lang);

  /* Every request, the late ones standing out. */
  sila_requests_page_show_list (SILA_REQUESTS_PAGE (sila_window_get_section_page (window,
                                                                                 "requests")),
                                "all");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  sila_test_shoot (GTK_WIDGET (window), out_dir, "requests", lang);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&session);

  /* The committee's queue, as a member of the committee sees it. */
  session = sila_session_new (store, sila_actor_copy (khalid));
  window = sila_window_new (NULL, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  sila_window_show_section (window, "requests");
  page = SILA_REQUESTS_PAGE (sila_window_get_section_page (window, "requests"));
  sila_test_shoot (GTK_WIDGET (window), out_dir, "committee-queue", lang);

  /* The committee's decision, on the request's screen. */
  sila_window_show_request (window, shown->id);
  {
    SilaRequestView *view = sila_requests_page_get_view (page);

    gtk_editable_set_text (GTK_EDITABLE (view->members_row), "خالد الزهراني، سارة العمري، عمر الغامدي");
    gtk_widget_activate_action (GTK_WIDGET (view), "request.move", "s", "rejected");
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 1500);
  sila_test_shoot (GTK_WIDGET (window), out_dir, "request-decision", lang);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&session);

  /* The research report without its recommendation, refused beside it by
   * the core's words; a lease marked verified without its expiry date. */
  {
    g_autoptr(SilaRequest) researched = sila_test_open_request (store, huda, b3, "rent", NULL);
    SilaStepInput refer = { .researcher = "noura" };
    SilaRequestView *view;

    verify (store, huda, researched->id, "national_id_copy", "2030-01-31");
    verify (store, huda, researched->id, "lease", "2027-02-28");
    sila_test_verify_documents (store, huda, researched->id);
    move (store, huda, researched->id, SILA_REQUEST_DOCUMENTS_COMPLETE, NULL);
    move (store, huda, researched->id, SILA_REQUEST_IN_RESEARCH, &refer);

    session = sila_session_new (store, sila_actor_copy (noura));
    window = sila_window_new (NULL, session);
    gtk_window_present (GTK_WINDOW (window));
    sila_window_show_section (window, "requests");
    page = SILA_REQUESTS_PAGE (sila_window_get_section_page (window, "requests"));
    sila_window_show_request (window, researched->id);
    view = sila_requests_page_get_view (page);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view->findings_view),
                              "زيارة منزلية: الإيجار متأخر شهرين، ودخل الأسرة لا يكفيه.", -1);
    gtk_widget_activate_action (GTK_WIDGET (view), "request.move", "s", "research_done");
    gtk_window_set_default_size (GTK_WINDOW (window), 1280, 1700);
    sila_test_shoot (GTK_WIDGET (window), out_dir, "request-research", lang);
    gtk_window_destroy (GTK_WINDOW (window));
    g_clear_object (&session);

    session = sila_session_new (store, sila_actor_copy (huda));
    window = sila_window_new (NULL, session);
    gtk_window_present (GTK_WINDOW (window));
    sila_window_show_section (window, "requests");
    page = SILA_REQUESTS_PAGE (sila_window_get_section_page (window, "requests"));
    {
      g_autoptr(SilaRequest) fresh = sila_test_open_request (store, huda, b4, "rent", NULL);

      sila_window_show_request (window, fresh->id);
    }
    view = sila_requests_page_get_view (page);
    gtk_widget_activate_action (GTK_WIDGET (view), "request.document", "(ss)", "lease",
                                "verified");
    gtk_window_set_default_size (GTK_WINDOW (window), 1280, 1100);
    sila_test_shoot (GTK_WIDGET (window), out_dir, "request-expiry", lang);
    gtk_window_destroy (GTK_WINDOW (window));
    g_clear_object (&session);
  }

  /* The contacts log, the referral open. */
  session = sila_session_new (store, sila_actor_copy (huda));
  window = sila_window_new (NULL, session);
  gtk_window_present (GTK_WINDOW (window));
  sila_window_show_section (window, "contacts");
  sila_session_notify_changed (session, "contacts");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  {
    GObject *list = gtk_widget_get_template_child (sila_window_get_section_page (window,
                                                                                  "contacts"),
                                                     SILA_TYPE_CONTACTS_PAGE, "contact_list");
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);

    if (ADW_IS_EXPANDER_ROW (row))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  }
  sila_test_shoot (GTK_WIDGET (window), out_dir, "contacts", lang);

  /* A new request, the applicant signing on the screen. */
  {
    static const double stroke[] = { 0.12, 0.62, 0.2, 0.35, 0.27, 0.66, 0.36, 0.3, 0.44, 0.6,
                                     0.52, 0.42, 0.61, 0.55, 0.72, 0.38, 0.85, 0.5 };
    SilaNewRequestWindow *dialog = sila_new_request_window_new (GTK_WINDOW (window), session, b2);

    sila_new_request_window_choose (dialog, "utility_bills", SILA_CHANNEL_INTERVIEW);
    sila_signature_pad_add_stroke (SILA_SIGNATURE_PAD (sila_new_request_window_get_pad (dialog)),
                                   stroke, G_N_ELEMENTS (stroke) / 2);
    gtk_window_set_default_size (GTK_WINDOW (dialog), 720, 1180);
    sila_test_shoot (GTK_WIDGET (dialog), out_dir, "new-request", lang);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&session);
  g_clear_object (&store);
  sila_test_dir_teardown (&dir, NULL);
  return 0;
}
