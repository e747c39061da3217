-- Sales (issue 12, item 5): buyers, green-coffee contracts (fixed price or to be fixed against a New York
-- "C" month), price fixations, lots allocated to contracts, shipments with ICO marks, containers and a
-- packing list, and what a shipment earns as posted to the ledger (ADR 0054).
--
-- Prices are integers in price units: millionths of the contract currency's major unit (US$ 1.85/lb =
-- 1 850 000) per lb or per kg, as the contract states it. Masses in grams.

-- Fairtrade minimum price, premium and organic differential for washed arabica, by the date a contract
-- is signed (REFERENCE §2.1; a price review was in consultation Feb–Mar 2026, so a new row is expected).
-- Global reference data: the same for every cooperative; a contract copies the row in force when made.
CREATE TABLE fairtrade_price_terms (
  effective_from date PRIMARY KEY,
  minimum_per_lb bigint NOT NULL CHECK (minimum_per_lb > 0),
  premium_per_lb bigint NOT NULL CHECK (premium_per_lb >= 0),
  organic_differential_per_lb bigint NOT NULL CHECK (organic_differential_per_lb >= 0),
  source text NOT NULL
);
INSERT INTO fairtrade_price_terms VALUES
  ('2008-01-01', 1250000, 100000, 200000, 'beverageanswers.com 2008 (REFERENCE §2.1) [S]'),
  ('2011-04-01', 1400000, 200000, 300000, 'fairworldproject.org 2011 (REFERENCE §2.1) [S]'),
  ('2023-08-01', 1800000, 200000, 400000, 'fairtradeanz.org, contracts signed on/after 1 Aug 2023 [P]');

-- A buyer: an organization in Ayni (kind 'buyer') or a named buyer outside it.
CREATE TABLE sales_buyers (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  buyer_id uuid NOT NULL,
  buyer_org_id uuid REFERENCES organizations (org_id),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 160),
  country text NOT NULL REFERENCES countries (code),
  contact text CHECK (contact IS NULL OR length(contact) <= 300),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, buyer_id),
  UNIQUE (org_id, name)
);

CREATE TABLE sales_contracts (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  contract_id uuid NOT NULL,
  number text NOT NULL CHECK (number ~ '^[A-Za-z0-9][A-Za-z0-9./-]{0,31}$'),
  buyer_id uuid NOT NULL,
  contract_date date NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed', 'cancelled')),
  quantity_grams bigint NOT NULL CHECK (quantity_grams > 0),
  -- how the contract states its quantity: kg, or bags of the unit (69 kg Peru, 70 kg Colombia)
  quantity_unit text NOT NULL REFERENCES mass_units (code),
  quantity_bags integer CHECK (quantity_bags > 0),
  product text NOT NULL CHECK (product IN ('cherry', 'wet_parchment', 'parchment', 'green_export',
                                           'green_second', 'rejects', 'husk')),
  certification_class text NOT NULL CHECK (certification_class IN ('conventional', 'organic', 'fairtrade',
                                                                   'organic_fairtrade')),
  grade text CHECK (grade IS NULL OR length(btrim(grade)) BETWEEN 1 AND 80),
  min_cup_score_hundredths integer CHECK (min_cup_score_hundredths BETWEEN 0 AND 10000),
  max_moisture_bp integer CHECK (max_moisture_bp BETWEEN 0 AND 10000),
  min_screen smallint CHECK (min_screen BETWEEN 8 AND 20),
  max_defects integer CHECK (max_defects >= 0),
  currency text NOT NULL REFERENCES currencies (code),
  price_kind text NOT NULL CHECK (price_kind IN ('fixed', 'differential')),
  price_basis text NOT NULL CHECK (price_basis IN ('lb', 'kg')),
  -- fixed: the price per basis; differential: NULL
  fixed_price bigint CHECK (fixed_price > 0),
  -- to be fixed: the differential to the "C" in price units per lb (signed) and the futures month
  differential_per_lb bigint,
  futures_month text CHECK (futures_month ~ '^(Mar|May|Jul|Sep|Dec)-[0-9]{2}$'),
  -- the Fairtrade terms in force on the contract date, copied (NULL: not a Fairtrade contract)
  fairtrade_terms_from date REFERENCES fairtrade_price_terms (effective_from),
  ft_minimum_per_lb bigint,
  ft_premium_per_lb bigint,
  ft_organic_differential_per_lb bigint,
  incoterm text NOT NULL CHECK (incoterm IN ('EXW', 'FCA', 'FOT', 'FOB', 'CFR', 'CIF', 'DAP', 'DDP')),
  incoterm_place text NOT NULL CHECK (length(btrim(incoterm_place)) BETWEEN 1 AND 120),
  shipment_from date NOT NULL,
  shipment_to date NOT NULL,
  note text CHECK (note IS NULL OR length(note) <= 1000),
  signed_at timestamptz,
  signed_by_label text,
  created_at timestamptz NOT NULL,
  created_by_label text NOT NULL,
  PRIMARY KEY (org_id, contract_id),
  UNIQUE (org_id, number),
  FOREIGN KEY (org_id, buyer_id) REFERENCES sales_buyers (org_id, buyer_id),
  CHECK (shipment_from <= shipment_to),
  CHECK ((quantity_unit LIKE 'bag-%') = (quantity_bags IS NOT NULL)),
  CONSTRAINT sales_contract_price CHECK (CASE price_kind
    WHEN 'fixed' THEN fixed_price IS NOT NULL AND differential_per_lb IS NULL AND futures_month IS NULL
    ELSE fixed_price IS NULL AND differential_per_lb IS NOT NULL AND futures_month IS NOT NULL
         AND price_basis = 'lb' AND currency = 'USD' END),
  CHECK ((fairtrade_terms_from IS NULL) = (ft_minimum_per_lb IS NULL)
     AND (ft_minimum_per_lb IS NULL) = (ft_premium_per_lb IS NULL)
     AND (ft_premium_per_lb IS NULL) = (ft_organic_differential_per_lb IS NULL)),
  CHECK ((fairtrade_terms_from IS NOT NULL) = (certification_class IN ('fairtrade', 'organic_fairtrade'))),
  CHECK ((status = 'signed') <= (signed_at IS NOT NULL))
);

-- What a to-be-fixed contract has had fixed: a level of the "C" (price units per lb) for some grams.
CREATE TABLE sales_fixations (
  org_id uuid NOT NULL,
  fixation_id uuid NOT NULL,
  contract_id uuid NOT NULL,
  fixed_on date NOT NULL,
  level_per_lb bigint NOT NULL CHECK (level_per_lb > 0),
  grams bigint NOT NULL CHECK (grams > 0),
  bags integer CHECK (bags > 0),
  -- the lot the fixation is for, when the buyer fixes lot by lot
  lot_id uuid,
  recorded_at timestamptz NOT NULL,
  recorded_by_label text NOT NULL,
  PRIMARY KEY (org_id, fixation_id),
  FOREIGN KEY (org_id, contract_id) REFERENCES sales_contracts (org_id, contract_id),
  FOREIGN KEY (org_id, lot_id) REFERENCES lots (org_id, lot_id)
);
CREATE INDEX sales_fixations_contract_idx ON sales_fixations (org_id, contract_id, fixed_on);
CREATE TRIGGER sales_fixations_append_only BEFORE UPDATE OR DELETE ON sales_fixations
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A contract is never fixed beyond its quantity, and only a to-be-fixed contract is fixed. The contract row
-- is locked first, so two fixations at once are summed one after the other.
CREATE FUNCTION sales_fixations_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c record;
BEGIN
  SELECT price_kind, quantity_grams INTO c FROM sales_contracts
   WHERE org_id = NEW.org_id AND contract_id = NEW.contract_id FOR UPDATE;
  IF c.price_kind <> 'differential' THEN
    RAISE EXCEPTION 'a fixed-price contract has nothing to fix'
      USING ERRCODE = '23514', CONSTRAINT = 'sales_fixation_contract_kind';
  END IF;
  IF (SELECT sum(grams) FROM sales_fixations WHERE org_id = NEW.org_id AND contract_id = NEW.contract_id)
     > c.quantity_grams THEN
    RAISE EXCEPTION 'fixations beyond the contract quantity'
      USING ERRCODE = '23514', CONSTRAINT = 'sales_fixation_quantity';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER sales_fixations_check AFTER INSERT ON sales_fixations
  FOR EACH ROW EXECUTE FUNCTION sales_fixations_check();

-- Lots (or some of their grams) set aside for a contract. One row per contract and lot: allocating more
-- of the same lot adds to it; releasing takes grams off what is not shipped yet.
CREATE TABLE sales_allocations (
  org_id uuid NOT NULL,
  contract_id uuid NOT NULL,
  lot_id uuid NOT NULL,
  grams bigint NOT NULL CHECK (grams >= 0),
  shipped_grams bigint NOT NULL DEFAULT 0 CHECK (shipped_grams >= 0),
  allocated_at timestamptz NOT NULL,
  allocated_by_label text NOT NULL,
  PRIMARY KEY (org_id, contract_id, lot_id),
  FOREIGN KEY (org_id, contract_id) REFERENCES sales_contracts (org_id, contract_id),
  FOREIGN KEY (org_id, lot_id) REFERENCES lots (org_id, lot_id),
  CONSTRAINT sales_allocation_shipped CHECK (shipped_grams <= grams)
);
CREATE INDEX sales_allocations_lot_idx ON sales_allocations (org_id, lot_id);

-- The guards of an allocation, in the database because any writer must meet them. They read `lots`, the
-- lots domain's table: the only place that knows a lot's grams at the instant of the write, under a row
-- lock (SELECT … FOR UPDATE), so two allocations of one lot at once cannot both take its last grams. The
-- service reads the same facts through lots/index.ts for its messages; this is the backstop (ADR 0054).
--   1. what is allocated and not yet shipped, over every contract, never exceeds what the lot holds
--      (grams_in − grams_out: shipped grams have already left it);
--   2. the lot is the contract's product, and its class covers the contract's (class_covers, 0013);
--   3. a cancelled contract takes no lots, nor does a lot delivered to a central, consumed or shipped.
CREATE FUNCTION sales_allocations_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  l record;
  c record;
BEGIN
  SELECT product, certification_class, status, grams_in - grams_out AS available INTO l FROM lots
   WHERE org_id = NEW.org_id AND lot_id = NEW.lot_id FOR UPDATE;
  SELECT product, certification_class, status INTO c FROM sales_contracts
   WHERE org_id = NEW.org_id AND contract_id = NEW.contract_id;
  IF TG_OP = 'INSERT' OR NEW.grams > OLD.grams THEN
    IF c.status = 'cancelled' OR l.status IN ('delivered', 'consumed', 'shipped') THEN
      RAISE EXCEPTION 'the contract or the lot takes no allocation'
        USING ERRCODE = '23514', CONSTRAINT = 'sales_allocation_open';
    END IF;
    IF l.product <> c.product OR NOT class_covers(l.certification_class, c.certification_class) THEN
      RAISE EXCEPTION 'a lot of another product or of a class the contract does not accept'
        USING ERRCODE = '23514', CONSTRAINT = 'sales_allocation_class';
    END IF;
    IF (SELECT sum(grams - shipped_grams) FROM sales_allocations
         WHERE org_id = NEW.org_id AND lot_id = NEW.lot_id) > l.available THEN
      RAISE EXCEPTION 'allocations beyond what the lot holds'
        USING ERRCODE = '23514', CONSTRAINT = 'sales_allocation_available';
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER sales_allocations_check AFTER INSERT OR UPDATE ON sales_allocations
  FOR EACH ROW EXECUTE FUNCTION sales_allocations_check();

CREATE TABLE sales_shipments (
  org_id uuid NOT NULL,
  shipment_id uuid NOT NULL,
  contract_id uuid NOT NULL,
  -- ICO mark: the country's 3-digit code, the exporter's code, the serial of the coffee year (REFERENCE §6)
  ico_mark text NOT NULL CHECK (ico_mark ~ '^[0-9]{3}-[0-9]{1,4}-[0-9]{1,5}$'),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'shipped')),
  port_of_loading text CHECK (port_of_loading IS NULL OR length(btrim(port_of_loading)) BETWEEN 1 AND 120),
  port_of_discharge text CHECK (port_of_discharge IS NULL OR length(btrim(port_of_discharge)) BETWEEN 1 AND 120),
  vessel text CHECK (vessel IS NULL OR length(btrim(vessel)) BETWEEN 1 AND 120),
  bill_of_lading text CHECK (bill_of_lading IS NULL OR length(btrim(bill_of_lading)) BETWEEN 1 AND 60),
  net_grams bigint NOT NULL DEFAULT 0 CHECK (net_grams >= 0),
  shipped_on date,
  -- what it earned: US$ (the contract's currency) and the organization's currency at the rate used
  goods_minor bigint,
  premium_minor bigint,
  exchange_rate_micro bigint CHECK (exchange_rate_micro > 0),
  local_total_minor bigint,
  local_premium_minor bigint,
  entry_id uuid,
  -- the buyer's due-diligence statement reference (EUDR), recorded back once the buyer files it
  dds_reference text CHECK (dds_reference IS NULL OR length(btrim(dds_reference)) BETWEEN 1 AND 80),
  created_at timestamptz NOT NULL,
  created_by_label text NOT NULL,
  PRIMARY KEY (org_id, shipment_id),
  UNIQUE (org_id, ico_mark),
  FOREIGN KEY (org_id, contract_id) REFERENCES sales_contracts (org_id, contract_id),
  FOREIGN KEY (org_id, entry_id) REFERENCES journal_entries (org_id, entry_id),
  CHECK ((status = 'shipped') = (shipped_on IS NOT NULL AND entry_id IS NOT NULL AND goods_minor IS NOT NULL
    AND premium_minor IS NOT NULL AND exchange_rate_micro IS NOT NULL AND local_total_minor IS NOT NULL
    AND local_premium_minor IS NOT NULL))
);
CREATE INDEX sales_shipments_contract_idx ON sales_shipments (org_id, contract_id);

CREATE TABLE sales_containers (
  org_id uuid NOT NULL,
  shipment_id uuid NOT NULL,
  -- ISO 6346: owner code (3 letters + U/J/Z), 6 digits and the check digit
  container_no text NOT NULL CHECK (container_no ~ '^[A-Z]{3}[UJZ][0-9]{7}$'),
  seal text NOT NULL CHECK (length(btrim(seal)) BETWEEN 1 AND 40),
  bags integer NOT NULL CHECK (bags > 0),
  gross_grams bigint NOT NULL CHECK (gross_grams > 0),
  net_grams bigint NOT NULL CHECK (net_grams > 0),
  PRIMARY KEY (org_id, shipment_id, container_no),
  FOREIGN KEY (org_id, shipment_id) REFERENCES sales_shipments (org_id, shipment_id),
  CHECK (net_grams <= gross_grams)
);

-- The packing list: bags and grams of each lot in each container.
CREATE TABLE sales_packing_lines (
  org_id uuid NOT NULL,
  shipment_id uuid NOT NULL,
  container_no text NOT NULL,
  lot_id uuid NOT NULL,
  bags integer NOT NULL CHECK (bags > 0),
  net_grams bigint NOT NULL CHECK (net_grams > 0),
  PRIMARY KEY (org_id, shipment_id, container_no, lot_id),
  FOREIGN KEY (org_id, shipment_id, container_no) REFERENCES sales_containers (org_id, shipment_id, container_no),
  FOREIGN KEY (org_id, lot_id) REFERENCES lots (org_id, lot_id)
);
CREATE INDEX sales_packing_lines_lot_idx ON sales_packing_lines (org_id, lot_id);

-- A shipped shipment is a fact: its containers and packing list no longer change, and neither does it,
-- except the buyer's DDS reference recorded back later.
CREATE FUNCTION sales_shipment_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  shipped boolean;
BEGIN
  IF TG_TABLE_NAME = 'sales_shipments' THEN
    IF OLD.status = 'shipped' AND (to_jsonb(NEW) - 'dds_reference') <> (to_jsonb(OLD) - 'dds_reference') THEN
      RAISE EXCEPTION 'a shipped shipment does not change' USING ERRCODE = '23514',
        CONSTRAINT = 'sales_shipment_frozen';
    END IF;
    IF TG_OP = 'DELETE' AND OLD.status = 'shipped' THEN
      RAISE EXCEPTION 'a shipped shipment does not change' USING ERRCODE = '23514',
        CONSTRAINT = 'sales_shipment_frozen';
    END IF;
  ELSE
    SELECT status = 'shipped' INTO shipped FROM sales_shipments
     WHERE org_id = coalesce(NEW.org_id, OLD.org_id) AND shipment_id = coalesce(NEW.shipment_id, OLD.shipment_id);
    IF shipped THEN
      RAISE EXCEPTION 'a shipped shipment does not change' USING ERRCODE = '23514',
        CONSTRAINT = 'sales_shipment_frozen';
    END IF;
  END IF;
  RETURN coalesce(NEW, OLD);
END $$;
CREATE TRIGGER sales_shipments_frozen BEFORE UPDATE OR DELETE ON sales_shipments
  FOR EACH ROW EXECUTE FUNCTION sales_shipment_frozen();
CREATE TRIGGER sales_containers_frozen BEFORE INSERT OR UPDATE OR DELETE ON sales_containers
  FOR EACH ROW EXECUTE FUNCTION sales_shipment_frozen();
CREATE TRIGGER sales_packing_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON sales_packing_lines
  FOR EACH ROW EXECUTE FUNCTION sales_shipment_frozen();
