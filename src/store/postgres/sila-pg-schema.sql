-- SPDX-License-Identifier: GPL-3.0-or-later
-- The store's schema on PostgreSQL, as the SQLite migrations of
-- src/store/sila-store-schema*.c leave it at the base version that
-- sila_pg_schema_base_version() names. `db init` runs this on an empty
-- database, then the seed rows (sila_store_seed_database()), then every
-- migration after the base version: those are portable and shared by both
-- engines (see docs/store.md).
--
-- Types: SQLite's INTEGER is bigint, TEXT text, BLOB bytea; flags stay
-- 0/1 integers, as the shared SQL compares them with numbers. Every text
-- column has the collation "C": text sorts and compares by code point, as
-- SQLite's BINARY does, whatever locale the office's server was made with,
-- and lower() folds ASCII only, as SQLite's lower() and NOCASE do. Tables, and
-- columns in each, are in the order SQLite has them (columns added by a
-- later migration at the end), so that the two can be compared one by
-- one. The version itself lives in sila_meta, which the driver keeps.

-- Step 1: the database's identity, office settings, counters, the audit trail.
CREATE TABLE meta (
  key   text COLLATE "C" PRIMARY KEY,
  value text COLLATE "C" NOT NULL
);

CREATE TABLE office_settings (
  key        text COLLATE "C" PRIMARY KEY,
  value      text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  updated_by text COLLATE "C",
  device_id  text COLLATE "C" NOT NULL
);

CREATE TABLE counters (
  name text COLLATE "C" PRIMARY KEY,
  next bigint NOT NULL
);

-- seq is numbered by a trigger from the counter 'audit_log.seq', inside the
-- inserting transaction: a sequence (an identity column) would leave a gap
-- wherever a transaction rolls back, and the audit check reads every gap
-- as deleted entries. The counter also remembers the highest entry ever
-- written, as SQLite's AUTOINCREMENT does in sqlite_sequence.
CREATE TABLE audit_log (
  seq         bigint PRIMARY KEY,
  id          text COLLATE "C" NOT NULL UNIQUE,
  at          text COLLATE "C" NOT NULL,
  actor_id    text COLLATE "C",
  actor_name  text COLLATE "C" NOT NULL,
  device_id   text COLLATE "C" NOT NULL,
  action      text COLLATE "C" NOT NULL,
  entity      text COLLATE "C" NOT NULL,
  entity_id   text COLLATE "C",
  summary     text COLLATE "C",
  before_json text COLLATE "C",
  after_json  text COLLATE "C",
  body_hash   text COLLATE "C",
  chain_hash  text COLLATE "C"
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_name, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);

CREATE FUNCTION sila_audit_log_number () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.seq IS NULL THEN
    INSERT INTO counters (name, next) VALUES ('audit_log.seq', 2)
      ON CONFLICT (name) DO UPDATE SET next = counters.next + 1
      RETURNING next - 1 INTO NEW.seq;
  ELSE
    -- An entry copied with its number (db copy-to) keeps it.
    INSERT INTO counters (name, next) VALUES ('audit_log.seq', NEW.seq + 1)
      ON CONFLICT (name) DO UPDATE SET next = greatest (counters.next, NEW.seq + 1);
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER audit_log_number BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION sila_audit_log_number ();

-- Append-only: nothing in an entry may change but the retention redaction
-- of its texts, and that only for a file that was anonymized after its
-- retention period (closed more than retention_years before it was
-- anonymized). The same rule as SQLite's trigger audit_log_no_update.
CREATE FUNCTION sila_audit_log_no_update () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.seq = OLD.seq AND NEW.id = OLD.id AND NEW.at = OLD.at
     AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id AND NEW.actor_name = OLD.actor_name
     AND NEW.device_id = OLD.device_id AND NEW.action = OLD.action
     AND NEW.entity = OLD.entity AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id
     AND NEW.body_hash IS NOT DISTINCT FROM OLD.body_hash
     AND NEW.chain_hash IS NOT DISTINCT FROM OLD.chain_hash
     AND ((NEW.summary IS NOT DISTINCT FROM OLD.summary
           AND NEW.before_json IS NOT DISTINCT FROM OLD.before_json
           AND NEW.after_json IS NOT DISTINCT FROM OLD.after_json)
       OR ((NEW.summary IS NOT DISTINCT FROM OLD.summary OR NEW.summary IS NULL)
         AND (NEW.before_json IS NOT DISTINCT FROM OLD.before_json
              OR NEW.before_json = '{"redacted":"retention"}')
         AND (NEW.after_json IS NOT DISTINCT FROM OLD.after_json
              OR NEW.after_json = '{"redacted":"retention"}')
         AND EXISTS (SELECT 1 FROM beneficiaries b
           WHERE b.anonymized_at IS NOT NULL AND b.status = 'closed'
           AND b.closed_at IS NOT NULL
           AND substr (b.closed_at, 1, 10) < to_char (
             CAST (substr (b.anonymized_at, 1, 10) AS date)
               - make_interval (years => CAST (greatest (coalesce (
                   (SELECT CAST (value AS bigint) FROM office_settings
                    WHERE key = 'retention_years'), 10), 1) AS integer)),
             'YYYY-MM-DD')
           AND b.id = CASE OLD.entity
             WHEN 'beneficiary' THEN OLD.entity_id
             WHEN 'request' THEN (SELECT beneficiary_id FROM requests
                                  WHERE id = OLD.entity_id)
             WHEN 'contact' THEN (SELECT beneficiary_id FROM contacts
                                  WHERE id = OLD.entity_id) END))) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION sila_audit_log_no_update ();

CREATE FUNCTION sila_refuse () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION sila_refuse ('the audit trail is append-only');
-- TRUNCATE fires no row trigger: it has its own.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION sila_refuse ('the audit trail is append-only');
-- A role that is not the tables' owner (the desks' role, where the office
-- set one up) cannot delete or truncate, whatever it is granted later
-- through PUBLIC; UPDATE stays, for the redaction the trigger allows.
REVOKE DELETE, TRUNCATE ON audit_log FROM PUBLIC;

-- Step 2: staff accounts; step 3: signing in. NOCASE is a unique index on
-- lower(); the store compares user names as sila_account_normalize_username()
-- writes them.
CREATE TABLE staff (
  id                   text COLLATE "C" PRIMARY KEY,
  username             text COLLATE "C" NOT NULL,
  display_name         text COLLATE "C" NOT NULL,
  roles                bigint NOT NULL CHECK (roles > 0),
  password_hash        text COLLATE "C",
  active               bigint NOT NULL DEFAULT 1,
  created_at           text COLLATE "C" NOT NULL,
  updated_at           text COLLATE "C" NOT NULL,
  device_id            text COLLATE "C" NOT NULL,
  rev                  bigint NOT NULL DEFAULT 1,
  deleted_at           text COLLATE "C",
  failed_logins        bigint NOT NULL DEFAULT 0,
  locked_until         text COLLATE "C",
  last_login_at        text COLLATE "C",
  password_changed_at  text COLLATE "C",
  must_change_password bigint NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX staff_username ON staff (lower (username));
-- The joins on staff.username (display names beside a user name).
CREATE INDEX staff_username_exact ON staff (username);

-- Step 4: the library.
CREATE TABLE library_documents (
  code       text COLLATE "C" PRIMARY KEY,
  filename   text COLLATE "C" NOT NULL,
  mime_type  text COLLATE "C" NOT NULL,
  size       bigint NOT NULL,
  sha256     text COLLATE "C" NOT NULL,
  content    bytea NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  updated_by text COLLATE "C" NOT NULL,
  device_id  text COLLATE "C" NOT NULL
);

-- Step 5: surveys and the feedback register.
CREATE TABLE survey_templates (
  id         text COLLATE "C" PRIMARY KEY,
  code       text COLLATE "C" NOT NULL UNIQUE,
  name_ar    text COLLATE "C" NOT NULL,
  name_en    text COLLATE "C" NOT NULL,
  is_default bigint NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  retired_at text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  device_id  text COLLATE "C" NOT NULL,
  rev        bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C",
  CHECK (is_default = 0 OR retired_at IS NULL)
);
CREATE UNIQUE INDEX survey_templates_one_default ON survey_templates (is_default)
  WHERE is_default = 1;

CREATE TABLE survey_questions (
  id          text COLLATE "C" PRIMARY KEY,
  template_id text COLLATE "C" NOT NULL REFERENCES survey_templates (id),
  position    bigint NOT NULL,
  code        text COLLATE "C" NOT NULL,
  kind        text COLLATE "C" NOT NULL
              CHECK (kind IN ('likert', 'recommend', 'yes_no', 'choice', 'text')),
  text_ar     text COLLATE "C" NOT NULL,
  text_en     text COLLATE "C" NOT NULL,
  required    bigint NOT NULL CHECK (required IN (0, 1)),
  choices     text COLLATE "C",
  created_at  text COLLATE "C" NOT NULL,
  updated_at  text COLLATE "C" NOT NULL,
  device_id   text COLLATE "C" NOT NULL,
  rev         bigint NOT NULL DEFAULT 1,
  deleted_at  text COLLATE "C"
);
CREATE UNIQUE INDEX survey_questions_code ON survey_questions (template_id, code)
  WHERE deleted_at IS NULL;

-- Anonymity: an anonymous response has no links and no staff member, is
-- dated to the day only, and is keyed by a random UUID (PostgreSQL tables
-- have no rowid to betray the order of insertion).
CREATE TABLE survey_responses (
  id             text COLLATE "C" PRIMARY KEY,
  template_id    text COLLATE "C" NOT NULL REFERENCES survey_templates (id),
  answered_on    text COLLATE "C" NOT NULL,
  channel        text COLLATE "C",
  mode           text COLLATE "C" NOT NULL CHECK (mode IN ('officer', 'kiosk', 'paper', 'online')),
  anonymous      bigint NOT NULL CHECK (anonymous IN (0, 1)),
  request_type   text COLLATE "C",
  beneficiary_id text COLLATE "C",
  request_id     text COLLATE "C",
  contact_id     text COLLATE "C",
  taken_by       text COLLATE "C",
  created_at     text COLLATE "C" NOT NULL,
  updated_at     text COLLATE "C" NOT NULL,
  device_id      text COLLATE "C" NOT NULL,
  CHECK (anonymous = 0 OR (beneficiary_id IS NULL AND request_id IS NULL AND
         contact_id IS NULL AND taken_by IS NULL)),
  CHECK (mode = 'officer' OR anonymous = 1)
);
CREATE INDEX survey_responses_day ON survey_responses (answered_on);
CREATE INDEX survey_responses_template ON survey_responses (template_id, answered_on);
CREATE INDEX survey_responses_beneficiary ON survey_responses (beneficiary_id)
  WHERE beneficiary_id IS NOT NULL;
CREATE INDEX survey_responses_request ON survey_responses (request_id)
  WHERE request_id IS NOT NULL;
CREATE INDEX survey_responses_contact ON survey_responses (contact_id)
  WHERE contact_id IS NOT NULL;

CREATE TABLE survey_answers (
  response_id text COLLATE "C" NOT NULL REFERENCES survey_responses (id),
  question_id text COLLATE "C" NOT NULL REFERENCES survey_questions (id),
  answered_on text COLLATE "C" NOT NULL,
  value       bigint,
  choice      text COLLATE "C",
  text        text COLLATE "C",
  PRIMARY KEY (response_id, question_id),
  CHECK (num_nonnulls (value, choice, text) = 1)
);
CREATE INDEX survey_answers_texts ON survey_answers (answered_on)
  WHERE text IS NOT NULL;

CREATE TABLE survey_stats (
  dim       text COLLATE "C" NOT NULL,
  grain     text COLLATE "C" NOT NULL,
  period    text COLLATE "C" NOT NULL,
  dim_value text COLLATE "C" NOT NULL,
  code      text COLLATE "C" NOT NULL,
  value     text COLLATE "C" NOT NULL,
  n         bigint NOT NULL,
  PRIMARY KEY (dim, grain, period, dim_value, code, value)
);

-- Running counts per day and per month, for everything, per channel and
-- per request type.
CREATE FUNCTION sila_survey_responses_counted () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO survey_stats AS s (dim, grain, period, dim_value, code, value, n)
  SELECT d.dim, g.grain,
         CASE g.grain WHEN 'd' THEN NEW.answered_on ELSE substr (NEW.answered_on, 1, 7) END,
         CASE d.dim WHEN 'all' THEN '' WHEN 'channel' THEN coalesce (NEW.channel, '')
                    ELSE coalesce (NEW.request_type, '') END,
         '', '', 1
  FROM (VALUES ('all'), ('channel'), ('type')) AS d (dim),
       (VALUES ('d'), ('m')) AS g (grain)
  ON CONFLICT (dim, grain, period, dim_value, code, value) DO UPDATE SET n = s.n + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER survey_responses_counted AFTER INSERT ON survey_responses
  FOR EACH ROW EXECUTE FUNCTION sila_survey_responses_counted ();

CREATE FUNCTION sila_survey_answers_counted () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO survey_stats AS s (dim, grain, period, dim_value, code, value, n)
  SELECT d.dim, g.grain,
         CASE g.grain WHEN 'd' THEN r.answered_on ELSE substr (r.answered_on, 1, 7) END,
         CASE d.dim WHEN 'all' THEN '' WHEN 'channel' THEN coalesce (r.channel, '')
                    ELSE coalesce (r.request_type, '') END,
         q.code,
         CASE WHEN NEW.value IS NOT NULL THEN CAST (NEW.value AS text)
              ELSE coalesce (NEW.choice, '') END,
         1
  FROM survey_responses AS r, survey_questions AS q,
       (VALUES ('all'), ('channel'), ('type')) AS d (dim),
       (VALUES ('d'), ('m')) AS g (grain)
  WHERE r.id = NEW.response_id AND q.id = NEW.question_id
  ON CONFLICT (dim, grain, period, dim_value, code, value) DO UPDATE SET n = s.n + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER survey_answers_counted AFTER INSERT ON survey_answers
  FOR EACH ROW EXECUTE FUNCTION sila_survey_answers_counted ();

-- Evaluation is the beneficiary's right: responses and answers can be
-- neither changed nor deleted, by anyone.
CREATE TRIGGER survey_responses_kept_u BEFORE UPDATE ON survey_responses
  FOR EACH ROW EXECUTE FUNCTION sila_refuse ('survey responses cannot be changed');
CREATE TRIGGER survey_responses_kept_d BEFORE DELETE ON survey_responses
  FOR EACH ROW EXECUTE FUNCTION sila_refuse ('survey responses cannot be deleted');
CREATE TRIGGER survey_responses_kept_t BEFORE TRUNCATE ON survey_responses
  FOR EACH STATEMENT EXECUTE FUNCTION sila_refuse ('survey responses cannot be deleted');
CREATE TRIGGER survey_answers_kept_u BEFORE UPDATE ON survey_answers
  FOR EACH ROW EXECUTE FUNCTION sila_refuse ('survey answers cannot be changed');
CREATE TRIGGER survey_answers_kept_d BEFORE DELETE ON survey_answers
  FOR EACH ROW EXECUTE FUNCTION sila_refuse ('survey answers cannot be deleted');
CREATE TRIGGER survey_answers_kept_t BEFORE TRUNCATE ON survey_answers
  FOR EACH STATEMENT EXECUTE FUNCTION sila_refuse ('survey answers cannot be deleted');

CREATE TABLE survey_imports (
  id          text COLLATE "C" PRIMARY KEY,
  file_sha256 text COLLATE "C" NOT NULL UNIQUE,
  file_name   text COLLATE "C" NOT NULL,
  template_id text COLLATE "C" NOT NULL REFERENCES survey_templates (id),
  imported    bigint NOT NULL,
  rejected    bigint NOT NULL,
  created_by  text COLLATE "C" NOT NULL,
  created_at  text COLLATE "C" NOT NULL,
  updated_at  text COLLATE "C" NOT NULL,
  device_id   text COLLATE "C" NOT NULL
);

CREATE TABLE feedback_items (
  id             text COLLATE "C" PRIMARY KEY,
  number         bigint NOT NULL UNIQUE,
  kind           text COLLATE "C" NOT NULL CHECK (kind IN ('suggestion', 'complaint')),
  status         text COLLATE "C" NOT NULL
                 CHECK (status IN ('new', 'in_progress', 'answered', 'closed')),
  origin         text COLLATE "C" NOT NULL DEFAULT 'direct' CHECK (origin IN ('direct', 'survey')),
  channel        text COLLATE "C",
  received_on    text COLLATE "C" NOT NULL,
  due_on         text COLLATE "C" NOT NULL,
  description    text COLLATE "C" NOT NULL,
  submitter      text COLLATE "C",
  responsible    text COLLATE "C",
  answer         text COLLATE "C",
  answered_on    text COLLATE "C",
  closed_on      text COLLATE "C",
  anonymous      bigint NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
  beneficiary_id text COLLATE "C",
  request_id     text COLLATE "C",
  contact_id     text COLLATE "C",
  created_by     text COLLATE "C" NOT NULL,
  created_at     text COLLATE "C" NOT NULL,
  updated_at     text COLLATE "C" NOT NULL,
  device_id      text COLLATE "C" NOT NULL,
  rev            bigint NOT NULL DEFAULT 1,
  deleted_at     text COLLATE "C",
  CHECK (anonymous = 0 OR (submitter IS NULL AND beneficiary_id IS NULL AND
         request_id IS NULL AND contact_id IS NULL))
);
CREATE INDEX feedback_items_open ON feedback_items (status, due_on)
  WHERE deleted_at IS NULL;
CREATE INDEX feedback_items_received ON feedback_items (received_on);
CREATE INDEX feedback_items_answered ON feedback_items (answered_on)
  WHERE answered_on IS NOT NULL;

-- Step 6: beneficiary files; step 9: retention (anonymized_at).
CREATE TABLE segments (
  id         text COLLATE "C" PRIMARY KEY,
  code       text COLLATE "C" NOT NULL UNIQUE,
  name_ar    text COLLATE "C" NOT NULL,
  name_en    text COLLATE "C" NOT NULL,
  position   bigint NOT NULL,
  retired_at text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  device_id  text COLLATE "C" NOT NULL,
  rev        bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);

CREATE TABLE beneficiaries (
  id                text COLLATE "C" PRIMARY KEY,
  file_number       bigint NOT NULL UNIQUE CHECK (file_number > 0),
  id_type           text COLLATE "C" NOT NULL CHECK (id_type IN ('none', 'national_id', 'iqama',
                    'passport', 'border_number')),
  id_number         text COLLATE "C",
  id_none_reason    text COLLATE "C",
  first_name        text COLLATE "C" NOT NULL,
  father_name       text COLLATE "C" NOT NULL DEFAULT '',
  grandfather_name  text COLLATE "C" NOT NULL DEFAULT '',
  family_name       text COLLATE "C" NOT NULL DEFAULT '',
  name_folded       text COLLATE "C" NOT NULL,
  name_key          text COLLATE "C" NOT NULL,
  gender            text COLLATE "C" CHECK (gender IN ('male', 'female')),
  birth_date        text COLLATE "C",
  birth_calendar    text COLLATE "C" CHECK (birth_calendar IN ('gregorian', 'hijri')),
  nationality       text COLLATE "C",
  marital_status    text COLLATE "C",
  mobile            text COLLATE "C",
  alt_phones        text COLLATE "C",
  district          text COLLATE "C",
  address           text COLLATE "C",
  preferred_channel text COLLATE "C",
  segment           text COLLATE "C" REFERENCES segments (code),
  housing_type      text COLLATE "C",
  rent_halalas      bigint CHECK (rent_halalas IS NULL OR rent_halalas >= 0),
  health_notes      text COLLATE "C",
  notes             text COLLATE "C",
  consent           text COLLATE "C" NOT NULL CHECK (consent IN ('given', 'pending')),
  consent_at        text COLLATE "C",
  consent_by        text COLLATE "C",
  status            text COLLATE "C" NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  closed_at         text COLLATE "C",
  created_at        text COLLATE "C" NOT NULL,
  updated_at        text COLLATE "C" NOT NULL,
  created_by        text COLLATE "C" NOT NULL,
  updated_by        text COLLATE "C" NOT NULL,
  device_id         text COLLATE "C" NOT NULL,
  rev               bigint NOT NULL DEFAULT 1,
  deleted_at        text COLLATE "C",
  anonymized_at     text COLLATE "C",
  CHECK ((id_type = 'none') = (id_number IS NULL))
);
CREATE UNIQUE INDEX beneficiaries_id_number ON beneficiaries (id_number)
  WHERE id_number IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX beneficiaries_live ON beneficiaries (file_number) WHERE deleted_at IS NULL;
CREATE INDEX beneficiaries_mobile ON beneficiaries (mobile) WHERE mobile IS NOT NULL;
CREATE INDEX beneficiaries_birth_date ON beneficiaries (birth_date)
  WHERE birth_date IS NOT NULL;
CREATE INDEX beneficiaries_name_key ON beneficiaries (name_key);
CREATE INDEX beneficiaries_segment ON beneficiaries (segment, file_number);
CREATE INDEX beneficiaries_district ON beneficiaries (district, file_number);
CREATE INDEX beneficiaries_status ON beneficiaries (status, consent, file_number);
CREATE INDEX beneficiaries_created ON beneficiaries (created_at, deleted_at);
CREATE INDEX beneficiaries_report ON beneficiaries (id, file_number, segment);

CREATE TABLE household_members (
  id             text COLLATE "C" PRIMARY KEY,
  beneficiary_id text COLLATE "C" NOT NULL REFERENCES beneficiaries (id),
  position       bigint NOT NULL,
  name           text COLLATE "C" NOT NULL,
  relation       text COLLATE "C" NOT NULL,
  id_type        text COLLATE "C",
  id_number      text COLLATE "C",
  birth_date     text COLLATE "C",
  gender         text COLLATE "C",
  occupation     text COLLATE "C",
  health         text COLLATE "C",
  created_at     text COLLATE "C" NOT NULL,
  updated_at     text COLLATE "C" NOT NULL,
  device_id      text COLLATE "C" NOT NULL,
  rev            bigint NOT NULL DEFAULT 1,
  deleted_at     text COLLATE "C"
);
CREATE INDEX household_members_beneficiary ON household_members (beneficiary_id, position);

CREATE TABLE beneficiary_incomes (
  id              text COLLATE "C" PRIMARY KEY,
  beneficiary_id  text COLLATE "C" NOT NULL REFERENCES beneficiaries (id),
  position        bigint NOT NULL,
  source          text COLLATE "C" NOT NULL,
  monthly_halalas bigint NOT NULL CHECK (monthly_halalas >= 0),
  created_at      text COLLATE "C" NOT NULL,
  updated_at      text COLLATE "C" NOT NULL,
  device_id       text COLLATE "C" NOT NULL,
  rev             bigint NOT NULL DEFAULT 1,
  deleted_at      text COLLATE "C"
);
CREATE INDEX beneficiary_incomes_beneficiary
  ON beneficiary_incomes (beneficiary_id, position);

-- The search index: the same folded tokens as SQLite's FTS5 table, made in
-- C (sila-arabic.h), kept as lexemes exactly (array_to_tsvector: no parser,
-- no stemming, no stop words), one row per live file. Prefix queries
-- (tsquery 'token':*) are answered from the GIN index.
CREATE TABLE beneficiary_search (
  file_number bigint PRIMARY KEY,
  tokens      tsvector NOT NULL
);
CREATE INDEX beneficiary_search_tokens ON beneficiary_search USING gin (tokens);

CREATE TABLE drafts (
  id         text COLLATE "C" PRIMARY KEY,
  kind       text COLLATE "C" NOT NULL,
  entity_id  text COLLATE "C",
  actor_name text COLLATE "C" NOT NULL,
  device_id  text COLLATE "C" NOT NULL,
  summary    text COLLATE "C",
  content    text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL
);
CREATE INDEX drafts_actor ON drafts (actor_name, kind, updated_at);

-- Step 7: support requests.
CREATE TABLE request_types (
  id         text COLLATE "C" PRIMARY KEY,
  code       text COLLATE "C" NOT NULL UNIQUE,
  name_ar    text COLLATE "C" NOT NULL,
  name_en    text COLLATE "C" NOT NULL,
  position   bigint NOT NULL,
  retired_at text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  device_id  text COLLATE "C" NOT NULL,
  rev        bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);

CREATE TABLE document_types (
  id         text COLLATE "C" PRIMARY KEY,
  code       text COLLATE "C" NOT NULL UNIQUE,
  name_ar    text COLLATE "C" NOT NULL,
  name_en    text COLLATE "C" NOT NULL,
  expires    bigint NOT NULL DEFAULT 0,
  position   bigint NOT NULL,
  retired_at text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  device_id  text COLLATE "C" NOT NULL,
  rev        bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);

CREATE TABLE request_type_documents (
  id            text COLLATE "C" PRIMARY KEY,
  request_type  text COLLATE "C" NOT NULL REFERENCES request_types (code),
  document_type text COLLATE "C" NOT NULL REFERENCES document_types (code),
  required      bigint NOT NULL,
  position      bigint NOT NULL,
  created_at    text COLLATE "C" NOT NULL,
  updated_at    text COLLATE "C" NOT NULL,
  device_id     text COLLATE "C" NOT NULL,
  rev           bigint NOT NULL DEFAULT 1,
  deleted_at    text COLLATE "C",
  UNIQUE (request_type, document_type)
);

CREATE TABLE requests (
  id             text COLLATE "C" PRIMARY KEY,
  seq            bigint NOT NULL UNIQUE,
  number         text COLLATE "C" NOT NULL UNIQUE,
  beneficiary_id text COLLATE "C" NOT NULL REFERENCES beneficiaries (id),
  request_type   text COLLATE "C" NOT NULL REFERENCES request_types (code),
  channel        text COLLATE "C" NOT NULL,
  status         text COLLATE "C" NOT NULL CHECK (status IN ('received', 'documents_complete',
                 'in_research', 'research_done', 'with_committee', 'accepted', 'rejected',
                 'registered', 'delivered', 'closed', 'withdrawn')),
  received_on    text COLLATE "C" NOT NULL,
  due_on         text COLLATE "C" NOT NULL,
  received_by    text COLLATE "C" NOT NULL,
  description    text COLLATE "C",
  amount_asked   bigint CHECK (amount_asked IS NULL OR amount_asked >= 0),
  declaration    text COLLATE "C" NOT NULL CHECK (declaration IN ('pending', 'drawn', 'paper')),
  signature      text COLLATE "C",
  signed_at      text COLLATE "C",
  researcher     text COLLATE "C",
  status_at      text COLLATE "C" NOT NULL,
  decided_on     text COLLATE "C",
  created_at     text COLLATE "C" NOT NULL,
  updated_at     text COLLATE "C" NOT NULL,
  created_by     text COLLATE "C" NOT NULL,
  updated_by     text COLLATE "C" NOT NULL,
  device_id      text COLLATE "C" NOT NULL,
  rev            bigint NOT NULL DEFAULT 1,
  deleted_at     text COLLATE "C"
);
CREATE INDEX requests_beneficiary ON requests (beneficiary_id, received_on);
CREATE INDEX requests_status ON requests (status, due_on, seq);
CREATE INDEX requests_type ON requests (request_type, seq);
CREATE INDEX requests_channel ON requests (channel, seq);
CREATE INDEX requests_received ON requests (received_on, seq);
CREATE INDEX requests_researcher ON requests (researcher, status)
  WHERE researcher IS NOT NULL;
CREATE INDEX requests_report ON requests (received_on, seq, id, number, status,
  request_type, channel, beneficiary_id, due_on, deleted_at);
CREATE INDEX requests_report_id ON requests (id, number, seq, status, request_type,
  channel, beneficiary_id, received_on, due_on, deleted_at);

CREATE TABLE request_documents (
  id            text COLLATE "C" PRIMARY KEY,
  request_id    text COLLATE "C" NOT NULL REFERENCES requests (id),
  document_type text COLLATE "C" NOT NULL REFERENCES document_types (code),
  required      bigint NOT NULL,
  position      bigint NOT NULL,
  status        text COLLATE "C" NOT NULL CHECK (status IN ('missing', 'provided', 'verified',
                'expired', 'rejected')),
  expires_on    text COLLATE "C",
  submitted_on  text COLLATE "C",
  verified_by   text COLLATE "C",
  verified_at   text COLLATE "C",
  note          text COLLATE "C",
  file_name     text COLLATE "C",
  file_mime     text COLLATE "C",
  file_size     bigint,
  file_sha256   text COLLATE "C",
  created_at    text COLLATE "C" NOT NULL,
  updated_at    text COLLATE "C" NOT NULL,
  updated_by    text COLLATE "C" NOT NULL,
  device_id     text COLLATE "C" NOT NULL,
  rev           bigint NOT NULL DEFAULT 1,
  deleted_at    text COLLATE "C",
  UNIQUE (request_id, document_type)
);

CREATE TABLE request_document_files (
  document_id text COLLATE "C" PRIMARY KEY REFERENCES request_documents (id),
  content     bytea NOT NULL
);

CREATE TABLE request_events (
  id              text COLLATE "C" PRIMARY KEY,
  request_id      text COLLATE "C" NOT NULL REFERENCES requests (id),
  step            bigint NOT NULL,
  from_status     text COLLATE "C",
  status          text COLLATE "C" NOT NULL,
  at              text COLLATE "C" NOT NULL,
  actor           text COLLATE "C" NOT NULL,
  elapsed_seconds bigint,
  reason          text COLLATE "C",
  note            text COLLATE "C",
  created_at      text COLLATE "C" NOT NULL,
  device_id       text COLLATE "C" NOT NULL,
  UNIQUE (request_id, step)
);
CREATE INDEX request_events_status ON request_events (status, at);

CREATE TABLE research_reports (
  id             text COLLATE "C" PRIMARY KEY,
  request_id     text COLLATE "C" NOT NULL UNIQUE REFERENCES requests (id),
  researcher     text COLLATE "C" NOT NULL,
  visit_on       text COLLATE "C",
  findings       text COLLATE "C" NOT NULL,
  recommendation text COLLATE "C",
  created_at     text COLLATE "C" NOT NULL,
  updated_at     text COLLATE "C" NOT NULL,
  device_id      text COLLATE "C" NOT NULL,
  rev            bigint NOT NULL DEFAULT 1,
  deleted_at     text COLLATE "C"
);

CREATE TABLE committee_decisions (
  id          text COLLATE "C" PRIMARY KEY,
  request_id  text COLLATE "C" NOT NULL UNIQUE REFERENCES requests (id),
  decision    text COLLATE "C" NOT NULL CHECK (decision IN ('accepted', 'rejected')),
  reason      text COLLATE "C",
  decided_on  text COLLATE "C" NOT NULL,
  members     text COLLATE "C",
  recorded_by text COLLATE "C" NOT NULL,
  created_at  text COLLATE "C" NOT NULL,
  updated_at  text COLLATE "C" NOT NULL,
  device_id   text COLLATE "C" NOT NULL,
  rev         bigint NOT NULL DEFAULT 1,
  deleted_at  text COLLATE "C",
  CHECK (decision = 'accepted' OR reason IS NOT NULL)
);
CREATE INDEX committee_decisions_on ON committee_decisions (decided_on, request_id,
  decision, deleted_at);
CREATE INDEX committee_decisions_report ON committee_decisions (request_id, decided_on,
  decision, deleted_at);

CREATE TABLE deliveries (
  id             text COLLATE "C" PRIMARY KEY,
  request_id     text COLLATE "C" NOT NULL REFERENCES requests (id),
  kind           text COLLATE "C" NOT NULL,
  description    text COLLATE "C",
  amount_halalas bigint NOT NULL CHECK (amount_halalas >= 0),
  delivered_on   text COLLATE "C" NOT NULL,
  delivered_by   text COLLATE "C" NOT NULL,
  created_at     text COLLATE "C" NOT NULL,
  updated_at     text COLLATE "C" NOT NULL,
  device_id      text COLLATE "C" NOT NULL,
  rev            bigint NOT NULL DEFAULT 1,
  deleted_at     text COLLATE "C"
);
CREATE INDEX deliveries_request ON deliveries (request_id);
CREATE INDEX deliveries_on ON deliveries (delivered_on);
CREATE INDEX deliveries_report ON deliveries (delivered_on, request_id, kind,
  amount_halalas, deleted_at);
CREATE INDEX deliveries_report_request ON deliveries (request_id, amount_halalas,
  deleted_at);

-- Step 8: the contacts log, as step 12 (outreach) rebuilt it.
CREATE TABLE contacts (
  id             text COLLATE "C" PRIMARY KEY,
  seq            bigint NOT NULL UNIQUE,
  beneficiary_id text COLLATE "C" REFERENCES beneficiaries (id),
  caller         text COLLATE "C",
  channel        text COLLATE "C" NOT NULL,
  direction      text COLLATE "C" NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  kind           text COLLATE "C" NOT NULL CHECK (kind IN ('inquiry', 'referral', 'follow_up',
                 'outreach')),
  status         text COLLATE "C" NOT NULL CHECK (status IN ('open', 'referred', 'answered')),
  question       text COLLATE "C" NOT NULL,
  answer         text COLLATE "C",
  asked_at       text COLLATE "C" NOT NULL,
  answered_at    text COLLATE "C",
  answer_seconds bigint CHECK (answer_seconds IS NULL OR answer_seconds >= 0),
  handled_by     text COLLATE "C" NOT NULL,
  answered_by    text COLLATE "C",
  referred_to    text COLLATE "C",
  request_id     text COLLATE "C" REFERENCES requests (id),
  outcome        text COLLATE "C" CHECK (outcome IN ('reached', 'no_answer', 'wrong_number')),
  created_at     text COLLATE "C" NOT NULL,
  updated_at     text COLLATE "C" NOT NULL,
  device_id      text COLLATE "C" NOT NULL,
  rev            bigint NOT NULL DEFAULT 1,
  deleted_at     text COLLATE "C",
  CHECK (outcome IS NULL OR direction = 'outbound')
);
CREATE INDEX contacts_asked ON contacts (asked_at);
CREATE INDEX contacts_channel ON contacts (channel, asked_at);
CREATE INDEX contacts_status ON contacts (status, asked_at);
CREATE INDEX contacts_beneficiary ON contacts (beneficiary_id, asked_at)
  WHERE beneficiary_id IS NOT NULL;
CREATE INDEX contacts_referred ON contacts (referred_to, status)
  WHERE referred_to IS NOT NULL;
CREATE INDEX contacts_request ON contacts (request_id, asked_at)
  WHERE request_id IS NOT NULL;

-- Step 10: reports; step 13: the audit head of each approval.
CREATE TABLE report_approvals (
  id              text COLLATE "C" PRIMARY KEY,
  period          text COLLATE "C" NOT NULL,
  start_on        text COLLATE "C" NOT NULL,
  end_on          text COLLATE "C" NOT NULL,
  approved_by     text COLLATE "C" NOT NULL,
  approved_on     text COLLATE "C" NOT NULL,
  decision_number text COLLATE "C" NOT NULL,
  figures         text COLLATE "C" NOT NULL,
  figures_sha256  text COLLATE "C" NOT NULL,
  recorded_by     text COLLATE "C" NOT NULL,
  created_at      text COLLATE "C" NOT NULL,
  updated_at      text COLLATE "C" NOT NULL,
  device_id       text COLLATE "C" NOT NULL,
  rev             bigint NOT NULL DEFAULT 1,
  deleted_at      text COLLATE "C",
  audit_head      text COLLATE "C"
);
CREATE INDEX report_approvals_period ON report_approvals (period, created_at);
-- What the board approved stays as it approved it.
CREATE TRIGGER report_approvals_kept_u BEFORE UPDATE ON report_approvals
  FOR EACH ROW EXECUTE FUNCTION sila_refuse ('report approvals cannot be changed');
CREATE TRIGGER report_approvals_kept_d BEFORE DELETE ON report_approvals
  FOR EACH ROW EXECUTE FUNCTION sila_refuse ('report approvals cannot be deleted');
CREATE TRIGGER report_approvals_kept_t BEFORE TRUNCATE ON report_approvals
  FOR EACH STATEMENT EXECUTE FUNCTION sila_refuse ('report approvals cannot be deleted');

CREATE TABLE request_imports (
  id          text COLLATE "C" PRIMARY KEY,
  file_name   text COLLATE "C" NOT NULL,
  sha256      text COLLATE "C" NOT NULL UNIQUE,
  rows_ok     bigint NOT NULL,
  imported_by text COLLATE "C" NOT NULL,
  created_at  text COLLATE "C" NOT NULL,
  updated_at  text COLLATE "C" NOT NULL,
  device_id   text COLLATE "C" NOT NULL
);

CREATE TABLE imported_requests (
  request_id  text COLLATE "C" PRIMARY KEY REFERENCES requests (id),
  import_id   text COLLATE "C" NOT NULL REFERENCES request_imports (id),
  line        bigint NOT NULL,
  created_at  text COLLATE "C" NOT NULL,
  device_id   text COLLATE "C" NOT NULL
);

-- Step 12: the daily outreach list.
CREATE TABLE outreach_dismissals (
  id             text COLLATE "C" PRIMARY KEY,
  beneficiary_id text COLLATE "C" NOT NULL REFERENCES beneficiaries (id),
  reason         text COLLATE "C" NOT NULL,
  request_id     text COLLATE "C" REFERENCES requests (id),
  since_on       text COLLATE "C" NOT NULL,
  why            text COLLATE "C" NOT NULL,
  dismissed_at   text COLLATE "C" NOT NULL,
  dismissed_by   text COLLATE "C" NOT NULL,
  created_at     text COLLATE "C" NOT NULL,
  updated_at     text COLLATE "C" NOT NULL,
  device_id      text COLLATE "C" NOT NULL,
  rev            bigint NOT NULL DEFAULT 1,
  deleted_at     text COLLATE "C"
);
CREATE INDEX outreach_dismissals_item ON outreach_dismissals
  (beneficiary_id, reason, request_id);

CREATE TABLE outreach_contacts (
  id             text COLLATE "C" PRIMARY KEY,
  contact_id     text COLLATE "C" NOT NULL REFERENCES contacts (id),
  beneficiary_id text COLLATE "C" NOT NULL REFERENCES beneficiaries (id),
  reason         text COLLATE "C" NOT NULL,
  request_id     text COLLATE "C" REFERENCES requests (id),
  since_on       text COLLATE "C" NOT NULL,
  contacted_on   text COLLATE "C" NOT NULL,
  outcome        text COLLATE "C",
  created_at     text COLLATE "C" NOT NULL,
  updated_at     text COLLATE "C" NOT NULL,
  device_id      text COLLATE "C" NOT NULL,
  rev            bigint NOT NULL DEFAULT 1,
  deleted_at     text COLLATE "C"
);
CREATE INDEX outreach_contacts_day ON outreach_contacts (contacted_on);
