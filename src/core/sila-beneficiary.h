/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A beneficiary's file (ملف المستفيد): what it holds, and how what an
 * officer typed (or an imported row held) becomes one.
 *
 * SilaBeneficiaryInput is the form as typed: text per field, household
 * members and incomes as rows of text. It is what a draft keeps (to and
 * from JSON), so nothing typed is ever lost, even text that is not valid
 * yet. sila_beneficiary_input_parse() checks every field and returns the
 * normalized SilaBeneficiary, or fills a SilaFieldErrors with a message in
 * the UI language for each field refused, to be shown beside it.
 *
 * Field keys ("id_number", "members.0.name", "incomes.1.amount") name the
 * same thing in forms, drafts, errors, the audit trail's JSON and imports. */
#pragma once

#include <glib-object.h>

#include "sila-date.h"
#include "sila-field-errors.h"
#include "sila-national-id.h"
#include "sila-person-name.h"

G_BEGIN_DECLS

typedef enum {
  SILA_BF_ID_TYPE,
  SILA_BF_ID_NUMBER,
  SILA_BF_ID_NONE_REASON,
  SILA_BF_FIRST_NAME,
  SILA_BF_FATHER_NAME,
  SILA_BF_GRANDFATHER_NAME,
  SILA_BF_FAMILY_NAME,
  SILA_BF_GENDER,
  SILA_BF_BIRTH_DATE,
  SILA_BF_BIRTH_CALENDAR,
  SILA_BF_NATIONALITY,
  SILA_BF_MARITAL_STATUS,
  SILA_BF_MOBILE,
  SILA_BF_ALT_PHONES,
  SILA_BF_DISTRICT,
  SILA_BF_ADDRESS,
  SILA_BF_PREFERRED_CHANNEL,
  SILA_BF_SEGMENT,
  SILA_BF_HOUSING_TYPE,
  SILA_BF_RENT,
  SILA_BF_HEALTH_NOTES,
  SILA_BF_NOTES,
  SILA_BF_CONSENT,
  SILA_BF_STATUS,
  SILA_N_BF_FIELDS
} SilaBeneficiaryField;

typedef enum {
  SILA_MEMBER_NAME,
  SILA_MEMBER_RELATION,
  SILA_MEMBER_ID_NUMBER,
  SILA_MEMBER_BIRTH_DATE,
  SILA_MEMBER_GENDER,
  SILA_MEMBER_OCCUPATION,
  SILA_MEMBER_HEALTH,
  SILA_N_MEMBER_FIELDS
} SilaMemberField;

#define SILA_BENEFICIARY_TEXT_MAX   200   /* address, reasons, a member's health */
#define SILA_BENEFICIARY_NOTES_MAX  4000  /* health notes, free notes */
#define SILA_BENEFICIARY_MAX_ROWS   40    /* household members, incomes */
#define SILA_BENEFICIARY_MAX_PHONES 4     /* alternative phones */

const char *sila_beneficiary_field_to_key      (SilaBeneficiaryField  field);
gboolean    sila_beneficiary_field_from_key    (const char           *key,
                                                SilaBeneficiaryField *field);
/* The field's label in the UI language ("Mobile" / "الجوال"). */
const char *sila_beneficiary_field_to_display  (SilaBeneficiaryField  field);
const char *sila_member_field_to_key           (SilaMemberField       field);
const char *sila_member_field_to_display       (SilaMemberField       field);
/* The label of any key of the audit JSON ("mobile", "members",
 * "consent_at"…), or NULL. */
const char *sila_beneficiary_key_to_display    (const char           *key);

/* A segment (شريحة) of the office's editable list. */
typedef struct {
  char     *code;
  char     *name_ar;
  char     *name_en;
  gboolean  retired;   /* kept for old files, not offered for new ones */
} SilaSegment;

SilaSegment *sila_segment_new         (const char *code,
                                       const char *name_ar,
                                       const char *name_en,
                                       gboolean    retired);
void         sila_segment_free        (SilaSegment *segment);
/* The name in the UI language. */
const char  *sila_segment_get_display (const SilaSegment *segment);
/* The code of the segment @text names (code, Arabic or English name, after
 * normalization) among @segments; retired ones are not offered. NULL with
 * a SILA_VALIDATION_ERROR otherwise. */
const char  *sila_segment_parse       (GPtrArray  *segments,
                                       const char *text,
                                       GError    **error);

typedef struct {
  char       *id;          /* UUID, NULL until saved */
  char       *name;
  char       *relation;    /* SILA_CHOICES_RELATION */
  SilaIdType  id_type;
  char       *id_number;   /* NULL when not given */
  GDate       birth_date;  /* invalid when not given */
  char       *gender;      /* SILA_CHOICES_GENDER, or NULL */
  char       *occupation;  /* SILA_CHOICES_OCCUPATION, or NULL */
  char       *health;      /* a line, or NULL */
} SilaHouseholdMember;

typedef struct {
  char   *id;              /* UUID, NULL until saved */
  char   *source;          /* SILA_CHOICES_INCOME_SOURCE */
  gint64  monthly_halalas;
} SilaIncome;

typedef struct _SilaBeneficiary SilaBeneficiary;

struct _SilaBeneficiary
{
  /* Set by the store. */
  char         *id;              /* UUID */
  gint64        file_number;     /* رقم الملف; 0 until saved */
  gint64        rev;             /* for optimistic locking; 0 until saved */
  char         *created_at;
  char         *updated_at;
  char         *created_by;
  char         *updated_by;

  /* Identity */
  SilaIdType    id_type;
  char         *id_number;       /* NULL for SILA_ID_TYPE_NONE */
  char         *id_none_reason;  /* why there is no document, or NULL */
  char         *name[SILA_N_NAME_PARTS]; /* as typed, cleaned; "" for a missing part */
  char         *gender;          /* SILA_CHOICES_GENDER; NULL only when imported without */
  GDate         birth_date;      /* invalid when not known */
  SilaCalendar  birth_calendar;  /* the calendar it was given in */
  char         *nationality;     /* SILA_CHOICES_NATIONALITY, or NULL */
  char         *marital_status;  /* SILA_CHOICES_MARITAL_STATUS, or NULL */

  /* Contact */
  char         *mobile;          /* +9665XXXXXXXX, or NULL */
  GStrv         alt_phones;      /* the same form; never NULL */
  char         *district;        /* a known district's code, or as typed; or NULL */
  char         *address;
  char         *preferred_channel; /* a channel code, or NULL */

  /* Situation */
  char         *segment;         /* a segment code, or NULL */
  GPtrArray    *members;         /* SilaHouseholdMember */
  GPtrArray    *incomes;         /* SilaIncome */
  char         *housing_type;    /* SILA_CHOICES_HOUSING, or NULL */
  gint64        rent_halalas;    /* yearly rent; -1 when not given */
  char         *health_notes;
  char         *notes;

  /* Consent to processing (PDPL) */
  char         *consent;         /* SILA_CONSENT_GIVEN or SILA_CONSENT_PENDING */
  char         *consent_at;      /* the date it was recorded (YYYY-MM-DD), or NULL */
  char         *consent_by;      /* the staff member who recorded it, or NULL */

  char         *status;          /* SILA_CHOICES_FILE_STATUS */
};

#define SILA_TYPE_BENEFICIARY (sila_beneficiary_get_type ())

GType            sila_beneficiary_get_type         (void) G_GNUC_CONST;
SilaBeneficiary *sila_beneficiary_new              (void);
SilaBeneficiary *sila_beneficiary_copy             (const SilaBeneficiary *self);
void             sila_beneficiary_free             (SilaBeneficiary       *self);

/* The four parts joined ("محمد عبد الله أحمد الغامدي"). */
char            *sila_beneficiary_get_full_name    (const SilaBeneficiary *self);
/* The total of the monthly incomes, in halalas. */
gint64           sila_beneficiary_get_total_income (const SilaBeneficiary *self);
/* Whether two names, as sila_person_name_match_key() keys, may be the same
 * person's: the same key, or the same first and family names with the
 * words of the shorter all in the longer, in order (a grandfather's name
 * given in one and not the other). */
gboolean         sila_beneficiary_names_similar    (const char            *key_a,
                                                    const char            *key_b);
/* Everything the file says (not the store's timestamps), as a JSON object
 * with the field keys: what the audit trail keeps as before and after. */
char            *sila_beneficiary_to_json          (const SilaBeneficiary *self);

SilaHouseholdMember *sila_household_member_new     (void);
void                 sila_household_member_free    (SilaHouseholdMember *member);
SilaIncome          *sila_income_new               (const char *source,
                                                    gint64      monthly_halalas);
void                 sila_income_free              (SilaIncome *income);

/* The form as typed. */
typedef struct {
  char *id;                          /* the member's UUID when editing, or NULL */
  char *id_type;                     /* the saved file's type of the member's ID
                                      * (a code), kept while its number is; NULL:
                                      * a national ID or iqama */
  char *fields[SILA_N_MEMBER_FIELDS];
} SilaMemberInput;

typedef struct {
  char *id;
  char *source;
  char *amount;
} SilaIncomeInput;

typedef struct {
  char      *fields[SILA_N_BF_FIELDS];
  GPtrArray *members;                /* SilaMemberInput */
  GPtrArray *incomes;                /* SilaIncomeInput */
} SilaBeneficiaryInput;

SilaBeneficiaryInput *sila_beneficiary_input_new        (void);
void                  sila_beneficiary_input_free       (SilaBeneficiaryInput *self);
void                  sila_beneficiary_input_set        (SilaBeneficiaryInput *self,
                                                         SilaBeneficiaryField  field,
                                                         const char           *text);
const char           *sila_beneficiary_input_get        (const SilaBeneficiaryInput *self,
                                                         SilaBeneficiaryField  field);
SilaMemberInput      *sila_beneficiary_input_add_member (SilaBeneficiaryInput *self);
SilaIncomeInput      *sila_beneficiary_input_add_income (SilaBeneficiaryInput *self,
                                                         const char           *source,
                                                         const char           *amount);
void                  sila_member_input_set             (SilaMemberInput      *member,
                                                         SilaMemberField       field,
                                                         const char           *text);
/* TRUE when nothing at all was typed (an untouched form needs no draft). */
gboolean              sila_beneficiary_input_is_empty   (const SilaBeneficiaryInput *self);

/* The form filled from a saved file, for editing: dates in the calendar
 * they were given in, amounts as "1234.50". */
SilaBeneficiaryInput *sila_beneficiary_input_new_from   (const SilaBeneficiary *file);

/* Drafts: every text kept exactly, valid or not. from_json() returns NULL
 * for text that is not a draft (a damaged row is then ignored). */
char                 *sila_beneficiary_input_to_json    (const SilaBeneficiaryInput *self);
SilaBeneficiaryInput *sila_beneficiary_input_from_json  (const char           *json);

typedef enum {
  SILA_PARSE_DEFAULT = 0,
  /* A row of an existing register: the gender may be missing (old
   * registers often lack it); everything else is checked as in a form. */
  SILA_PARSE_IMPORT  = 1 << 0,
} SilaParseFlags;

/* Checks every field. @segments (SilaSegment, may be NULL to skip the
 * check) is the office's list. Returns the file (without the store's
 * members: id, file number, rev, consent date and officer), or NULL with
 * every refusal in @errors. */
SilaBeneficiary      *sila_beneficiary_input_parse      (const SilaBeneficiaryInput *self,
                                                         GPtrArray            *segments,
                                                         SilaParseFlags        flags,
                                                         SilaFieldErrors      *errors);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaBeneficiary, sila_beneficiary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaBeneficiaryInput, sila_beneficiary_input_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaSegment, sila_segment_free)

G_END_DECLS
