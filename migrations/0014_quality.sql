-- The quality lab (ADR 0053): samples with their own codes, where each went, physical analyses whose full
-- defects and grade the database computes from the counts, and cupping sessions scored blind on the SCA
-- 2004 form, with the descriptive part of the SCA 2024 Coffee Value Assessment (descriptors, intensity).
--
-- Scores are integer hundredths (8.25 → 825), mass in grams, moisture in basis points, water activity in
-- thousandths. A cupper scores a sample at most once in a session (cupping_score_once).

-- The last sample number per organization and year: M-26-0001, M-26-0002, …
CREATE TABLE quality_sample_counters (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2999),
  last_number integer NOT NULL CHECK (last_number >= 0),
  PRIMARY KEY (org_id, year)
);

CREATE TABLE quality_samples (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  sample_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^M-[0-9]{2}-[0-9]{4,}$'),
  -- taken from one of our lots (grams drawn from it), or received from outside (a buyer's type sample, a
  -- cooperative's offer sample)
  source text NOT NULL CHECK (source IN ('lot', 'external')),
  lot_id uuid,
  draw_id uuid,
  received_from text CHECK (received_from IS NULL OR length(btrim(received_from)) BETWEEN 1 AND 200),
  purpose text NOT NULL CHECK (purpose IN ('offer', 'pre_shipment', 'type', 'arrival', 'internal')),
  grams bigint NOT NULL CHECK (grams > 0),
  taken_on date NOT NULL,
  note text CHECK (note IS NULL OR length(note) <= 1000),
  created_at timestamptz NOT NULL,
  created_by_label text NOT NULL,
  PRIMARY KEY (org_id, sample_id),
  UNIQUE (org_id, code),
  FOREIGN KEY (org_id, lot_id) REFERENCES lots (org_id, lot_id),
  FOREIGN KEY (org_id, draw_id) REFERENCES lot_draws (org_id, draw_id),
  CONSTRAINT quality_sample_source CHECK (CASE source
    WHEN 'lot' THEN lot_id IS NOT NULL AND draw_id IS NOT NULL AND received_from IS NULL
    ELSE lot_id IS NULL AND draw_id IS NULL AND received_from IS NOT NULL END)
);
CREATE INDEX quality_samples_lot_idx ON quality_samples (org_id, lot_id) WHERE lot_id IS NOT NULL;

-- Where a sample (or part of it) went: to whom, when, by which courier and reference. Never changed.
CREATE TABLE quality_sample_dispatches (
  org_id uuid NOT NULL,
  dispatch_id uuid NOT NULL,
  sample_id uuid NOT NULL,
  sent_to text NOT NULL CHECK (length(btrim(sent_to)) BETWEEN 1 AND 200),
  sent_on date NOT NULL,
  courier text CHECK (courier IS NULL OR length(btrim(courier)) BETWEEN 1 AND 100),
  courier_reference text CHECK (courier_reference IS NULL OR length(btrim(courier_reference)) BETWEEN 1 AND 100),
  grams bigint CHECK (grams IS NULL OR grams > 0),
  recorded_at timestamptz NOT NULL,
  recorded_by_label text NOT NULL,
  PRIMARY KEY (org_id, dispatch_id),
  FOREIGN KEY (org_id, sample_id) REFERENCES quality_samples (org_id, sample_id)
);
CREATE INDEX quality_sample_dispatches_sample_idx ON quality_sample_dispatches (org_id, sample_id);
CREATE TRIGGER quality_sample_dispatches_append_only BEFORE UPDATE OR DELETE ON quality_sample_dispatches
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A physical analysis of a sample. Defects are counted per kind in the analysed portion (350 g green, the
-- SCA's weight); the full defects and the grade are computed here from the counts, so they can never
-- disagree with them (SCAA Arabica Green Coffee Defect Handbook, 2004 rev. 2013: each kind's count divided
-- by its equivalent, rounded down, summed per category).
CREATE TABLE quality_physical_analyses (
  org_id uuid NOT NULL,
  analysis_id uuid NOT NULL,
  sample_id uuid NOT NULL,
  analyzed_on date NOT NULL,
  -- the portion analysed: 350 g (green) or 300 g (parchment), or what the lab used
  portion_grams integer NOT NULL CHECK (portion_grams BETWEEN 1 AND 5000),
  moisture_bp integer CHECK (moisture_bp BETWEEN 0 AND 10000),
  -- water activity aw × 1000 (0.550 → 550), if measured
  water_activity_milli integer CHECK (water_activity_milli BETWEEN 0 AND 1000),
  density_g_per_l integer CHECK (density_g_per_l BETWEEN 1 AND 2000),
  -- grams retained on each round-holed screen (19: 19 and above; under_14: through 14)
  screen_19_grams integer NOT NULL DEFAULT 0 CHECK (screen_19_grams >= 0),
  screen_18_grams integer NOT NULL DEFAULT 0 CHECK (screen_18_grams >= 0),
  screen_17_grams integer NOT NULL DEFAULT 0 CHECK (screen_17_grams >= 0),
  screen_16_grams integer NOT NULL DEFAULT 0 CHECK (screen_16_grams >= 0),
  screen_15_grams integer NOT NULL DEFAULT 0 CHECK (screen_15_grams >= 0),
  screen_14_grams integer NOT NULL DEFAULT 0 CHECK (screen_14_grams >= 0),
  screen_under_14_grams integer NOT NULL DEFAULT 0 CHECK (screen_under_14_grams >= 0),
  -- category 1 (primary) defects, beans (or items) counted
  full_black integer NOT NULL DEFAULT 0 CHECK (full_black >= 0),
  full_sour integer NOT NULL DEFAULT 0 CHECK (full_sour >= 0),
  dried_cherry integer NOT NULL DEFAULT 0 CHECK (dried_cherry >= 0),
  fungus_damaged integer NOT NULL DEFAULT 0 CHECK (fungus_damaged >= 0),
  foreign_matter integer NOT NULL DEFAULT 0 CHECK (foreign_matter >= 0),
  severe_insect integer NOT NULL DEFAULT 0 CHECK (severe_insect >= 0),
  -- category 2 (secondary) defects
  partial_black integer NOT NULL DEFAULT 0 CHECK (partial_black >= 0),
  partial_sour integer NOT NULL DEFAULT 0 CHECK (partial_sour >= 0),
  parchment integer NOT NULL DEFAULT 0 CHECK (parchment >= 0),
  floater integer NOT NULL DEFAULT 0 CHECK (floater >= 0),
  immature integer NOT NULL DEFAULT 0 CHECK (immature >= 0),
  withered integer NOT NULL DEFAULT 0 CHECK (withered >= 0),
  shell integer NOT NULL DEFAULT 0 CHECK (shell >= 0),
  broken integer NOT NULL DEFAULT 0 CHECK (broken >= 0),
  hull_husk integer NOT NULL DEFAULT 0 CHECK (hull_husk >= 0),
  slight_insect integer NOT NULL DEFAULT 0 CHECK (slight_insect >= 0),
  primary_full_defects integer GENERATED ALWAYS AS (
    full_black + full_sour + dried_cherry + fungus_damaged + foreign_matter + severe_insect / 5) STORED,
  secondary_full_defects integer GENERATED ALWAYS AS (
    partial_black / 3 + partial_sour / 3 + parchment / 5 + floater / 5 + immature / 5 + withered / 5
    + shell / 5 + broken / 5 + hull_husk / 5 + slight_insect / 10) STORED,
  -- the same rule as src/quality/grading.ts (property-tested against each other in test/api/quality.test.ts)
  grade text GENERATED ALWAYS AS (CASE
    WHEN full_black + full_sour + dried_cherry + fungus_damaged + foreign_matter + severe_insect / 5 = 0
         AND partial_black / 3 + partial_sour / 3 + parchment / 5 + floater / 5 + immature / 5 + withered / 5
             + shell / 5 + broken / 5 + hull_husk / 5 + slight_insect / 10 <= 5 THEN 'specialty'
    ELSE CASE
      WHEN full_black + full_sour + dried_cherry + fungus_damaged + foreign_matter + severe_insect / 5
           + partial_black / 3 + partial_sour / 3 + parchment / 5 + floater / 5 + immature / 5 + withered / 5
           + shell / 5 + broken / 5 + hull_husk / 5 + slight_insect / 10 <= 8 THEN 'premium'
      WHEN full_black + full_sour + dried_cherry + fungus_damaged + foreign_matter + severe_insect / 5
           + partial_black / 3 + partial_sour / 3 + parchment / 5 + floater / 5 + immature / 5 + withered / 5
           + shell / 5 + broken / 5 + hull_husk / 5 + slight_insect / 10 <= 23 THEN 'exchange'
      WHEN full_black + full_sour + dried_cherry + fungus_damaged + foreign_matter + severe_insect / 5
           + partial_black / 3 + partial_sour / 3 + parchment / 5 + floater / 5 + immature / 5 + withered / 5
           + shell / 5 + broken / 5 + hull_husk / 5 + slight_insect / 10 <= 86 THEN 'below_standard'
      ELSE 'off_grade' END END) STORED,
  -- a parchment sample husked: its grams before and the green grams after (the out-turn, rendimiento)
  husked_parchment_grams integer CHECK (husked_parchment_grams > 0),
  husked_green_grams integer CHECK (husked_green_grams >= 0),
  note text CHECK (note IS NULL OR length(note) <= 1000),
  recorded_at timestamptz NOT NULL,
  recorded_by_label text NOT NULL,
  PRIMARY KEY (org_id, analysis_id),
  FOREIGN KEY (org_id, sample_id) REFERENCES quality_samples (org_id, sample_id),
  CONSTRAINT quality_screens_within_portion CHECK (screen_19_grams + screen_18_grams + screen_17_grams
    + screen_16_grams + screen_15_grams + screen_14_grams + screen_under_14_grams <= portion_grams),
  CONSTRAINT quality_out_turn CHECK ((husked_parchment_grams IS NULL) = (husked_green_grams IS NULL)
    AND (husked_green_grams IS NULL OR husked_green_grams <= husked_parchment_grams))
);
CREATE INDEX quality_physical_analyses_sample_idx ON quality_physical_analyses (org_id, sample_id);

-- A cupping session: samples presented blind under 3-digit codes; the codes are revealed once closed.
CREATE TABLE cupping_sessions (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  session_id uuid NOT NULL,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
  held_on date NOT NULL,
  -- the cooperative also records the descriptive part of the SCA 2024 Coffee Value Assessment
  descriptive boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_at timestamptz,
  created_at timestamptz NOT NULL,
  created_by_label text NOT NULL,
  PRIMARY KEY (org_id, session_id),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);

CREATE TABLE cupping_session_samples (
  org_id uuid NOT NULL,
  session_id uuid NOT NULL,
  sample_id uuid NOT NULL,
  blind_code text NOT NULL CHECK (blind_code ~ '^[1-9][0-9]{2}$'),
  position smallint NOT NULL CHECK (position > 0),
  PRIMARY KEY (org_id, session_id, sample_id),
  CONSTRAINT cupping_blind_code_unique UNIQUE (org_id, session_id, blind_code),
  UNIQUE (org_id, session_id, position),
  FOREIGN KEY (org_id, session_id) REFERENCES cupping_sessions (org_id, session_id),
  FOREIGN KEY (org_id, sample_id) REFERENCES quality_samples (org_id, sample_id)
);

-- One cupper's score of one sample in a session, SCA 2004 form. Attributes in hundredths, 6.00–10.00 in
-- quarter steps; uniformity, clean cup and sweetness as cups out of five (2 points each); taints (2
-- points) and faults (4 points) per cup. The total and the final score are computed here.
CREATE TABLE cupping_scores (
  org_id uuid NOT NULL,
  session_id uuid NOT NULL,
  sample_id uuid NOT NULL,
  cupper_user_id uuid NOT NULL REFERENCES users (user_id),
  cupper_label text NOT NULL,
  fragrance integer NOT NULL CHECK (fragrance BETWEEN 600 AND 1000 AND fragrance % 25 = 0),
  flavor integer NOT NULL CHECK (flavor BETWEEN 600 AND 1000 AND flavor % 25 = 0),
  aftertaste integer NOT NULL CHECK (aftertaste BETWEEN 600 AND 1000 AND aftertaste % 25 = 0),
  acidity integer NOT NULL CHECK (acidity BETWEEN 600 AND 1000 AND acidity % 25 = 0),
  body integer NOT NULL CHECK (body BETWEEN 600 AND 1000 AND body % 25 = 0),
  balance integer NOT NULL CHECK (balance BETWEEN 600 AND 1000 AND balance % 25 = 0),
  overall integer NOT NULL CHECK (overall BETWEEN 600 AND 1000 AND overall % 25 = 0),
  uniform_cups smallint NOT NULL CHECK (uniform_cups BETWEEN 0 AND 5),
  clean_cups smallint NOT NULL CHECK (clean_cups BETWEEN 0 AND 5),
  sweet_cups smallint NOT NULL CHECK (sweet_cups BETWEEN 0 AND 5),
  taint_cups smallint NOT NULL DEFAULT 0 CHECK (taint_cups BETWEEN 0 AND 5),
  fault_cups smallint NOT NULL DEFAULT 0 CHECK (fault_cups BETWEEN 0 AND 5),
  total integer GENERATED ALWAYS AS (fragrance + flavor + aftertaste + acidity + body + balance + overall
    + 200 * (uniform_cups + clean_cups + sweet_cups)) STORED,
  final_score integer GENERATED ALWAYS AS (fragrance + flavor + aftertaste + acidity + body + balance + overall
    + 200 * (uniform_cups + clean_cups + sweet_cups) - 200 * taint_cups - 400 * fault_cups) STORED,
  notes text CHECK (notes IS NULL OR length(notes) <= 1000),
  scored_at timestamptz NOT NULL,
  CONSTRAINT cupping_score_once PRIMARY KEY (org_id, session_id, sample_id, cupper_user_id),
  FOREIGN KEY (org_id, session_id, sample_id) REFERENCES cupping_session_samples (org_id, session_id, sample_id),
  CONSTRAINT cupping_defect_cups CHECK (taint_cups + fault_cups <= 5)
);

-- The CVA's descriptive part: what a cupper noticed (check-all-that-apply) and how strongly (1–15).
CREATE TABLE cupping_descriptors (
  org_id uuid NOT NULL,
  session_id uuid NOT NULL,
  sample_id uuid NOT NULL,
  cupper_user_id uuid NOT NULL,
  descriptor text NOT NULL CHECK (descriptor IN ('floral', 'fruity', 'berry', 'dried_fruit', 'citrus',
    'sour_fermented', 'green_vegetative', 'chemical', 'musty', 'papery', 'roasted', 'cereal', 'nutty',
    'cocoa', 'spice', 'sweet', 'caramel', 'vanilla', 'honey')),
  intensity smallint NOT NULL CHECK (intensity BETWEEN 1 AND 15),
  PRIMARY KEY (org_id, session_id, sample_id, cupper_user_id, descriptor),
  FOREIGN KEY (org_id, session_id, sample_id, cupper_user_id)
    REFERENCES cupping_scores (org_id, session_id, sample_id, cupper_user_id)
);

-- Scores are only given and changed while the session is open; a closed session is the record.
CREATE FUNCTION cupping_session_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM cupping_sessions s WHERE s.org_id = NEW.org_id AND s.session_id = NEW.session_id
             AND s.status = 'closed') THEN
    RAISE EXCEPTION 'the cupping session is closed' USING ERRCODE = '23514', CONSTRAINT = 'cupping_session_closed';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER cupping_scores_session_open BEFORE INSERT OR UPDATE ON cupping_scores
  FOR EACH ROW EXECUTE FUNCTION cupping_session_open();
CREATE TRIGGER cupping_session_samples_open BEFORE INSERT OR UPDATE ON cupping_session_samples
  FOR EACH ROW EXECUTE FUNCTION cupping_session_open();
