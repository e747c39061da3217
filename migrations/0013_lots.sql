-- The value chain's first half: warehouses, stock as append-only movements, lots whose mass balance the
-- database keeps to the gram, lots delivered to a central, and dry milling (ADR 0051).
--
-- Stock: every movement is a fact in stock_movements (never changed); stock_balances is its running sum
-- per warehouse, product and certification class, kept by a statement-level trigger, and its CHECK is
-- what refuses negative stock. Stock on a past date is the sum of the movements up to that date.
--
-- Lots: a lot's grams_in is the sum of its inputs (tickets or parts of them, other lots or parts of them,
-- the output of a milling order); its grams_out the sum of what left it (taken into another lot, into a
-- milling order, shipped, lost with a reason). Triggers keep both; the CHECK grams_out <= grams_in is the
-- mass balance. A ticket's grams taken into lots never exceed its net mass. An EUDR lot refuses coffee of
-- unknown origin (a ticket without a plot, a lot that is not EUDR). A lot's certification class is what
-- the buyer may be told: organic + Fairtrade coffee may go into an organic, a Fairtrade or a conventional
-- lot, never the other way.

-- Roles for the people of the warehouse and of the quality lab.
ALTER TABLE memberships DROP CONSTRAINT memberships_role_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN (
  'admin', 'manager', 'accountant', 'cashier', 'board', 'oversight', 'member', 'buyer', 'viewer',
  'warehouse', 'lab'));

CREATE FUNCTION class_covers(input_class text, lot_class text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT lot_class = 'conventional' OR input_class = lot_class
    OR (input_class = 'organic_fairtrade' AND lot_class IN ('organic', 'fairtrade'))
$$;

-- What a weigh ticket becomes in stock.
CREATE FUNCTION product_of_coffee_state(state text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE state WHEN 'dry_parchment' THEN 'parchment' WHEN 'green' THEN 'green_export' ELSE state END
$$;

CREATE TABLE warehouses (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  warehouse_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Z0-9-]{1,12}$'),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
  kind text NOT NULL CHECK (kind IN ('collection_point', 'warehouse', 'mill', 'port')),
  -- a collection point's own store, where its intake lands; its id is the point's id
  point_id uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, warehouse_id),
  UNIQUE (org_id, code),
  UNIQUE (org_id, point_id),
  FOREIGN KEY (org_id, point_id) REFERENCES collection_points (org_id, point_id),
  CHECK ((kind = 'collection_point') = (point_id IS NOT NULL)),
  CHECK (point_id IS NULL OR point_id = warehouse_id)
);

-- Every collection point has its store, made with it.
CREATE FUNCTION collection_point_store() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO warehouses (org_id, warehouse_id, code, name, kind, point_id, created_at)
  VALUES (NEW.org_id, NEW.point_id, NEW.code, NEW.name, 'collection_point', NEW.point_id, NEW.created_at);
  RETURN NULL;
END $$;
CREATE TRIGGER collection_point_store AFTER INSERT ON collection_points
  FOR EACH ROW EXECUTE FUNCTION collection_point_store();
INSERT INTO warehouses (org_id, warehouse_id, code, name, kind, point_id, created_at)
SELECT org_id, point_id, code, name, 'collection_point', point_id, created_at FROM collection_points;

CREATE TABLE stock_movements (
  org_id uuid NOT NULL,
  movement_id uuid NOT NULL,
  warehouse_id uuid NOT NULL,
  product text NOT NULL CHECK (product IN ('cherry', 'wet_parchment', 'parchment', 'green_export',
                                           'green_second', 'rejects', 'husk')),
  certification_class text NOT NULL CHECK (certification_class IN ('conventional', 'organic', 'fairtrade',
                                                                   'organic_fairtrade')),
  -- signed: what came in is positive, what left negative
  grams bigint NOT NULL CHECK (grams <> 0),
  kind text NOT NULL CHECK (kind IN ('reception', 'reception_void', 'transfer_out', 'transfer_in',
                                     'processing_out', 'processing_in', 'reclass_out', 'reclass_in',
                                     'dispatch', 'delivery_out', 'delivery_in', 'adjustment')),
  occurred_on date NOT NULL,
  ticket_id uuid,
  lot_id uuid,
  -- pairs a transfer's two movements, or a reclassification's, or a delivery's
  transfer_id uuid,
  milling_id uuid,
  count_id uuid,
  reason text CHECK (reason IS NULL OR length(btrim(reason)) BETWEEN 1 AND 500),
  recorded_at timestamptz NOT NULL,
  recorded_by_label text NOT NULL,
  PRIMARY KEY (org_id, movement_id),
  FOREIGN KEY (org_id, warehouse_id) REFERENCES warehouses (org_id, warehouse_id),
  CONSTRAINT stock_movement_sign CHECK (CASE
    WHEN kind IN ('reception', 'transfer_in', 'processing_in', 'reclass_in', 'delivery_in') THEN grams > 0
    WHEN kind = 'adjustment' THEN true
    ELSE grams < 0 END),
  CONSTRAINT stock_adjustment_reason CHECK (kind <> 'adjustment' OR reason IS NOT NULL)
);
CREATE INDEX stock_movements_date_idx ON stock_movements (org_id, occurred_on);
CREATE INDEX stock_movements_lot_idx ON stock_movements (org_id, lot_id) WHERE lot_id IS NOT NULL;
CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE stock_balances (
  org_id uuid NOT NULL,
  warehouse_id uuid NOT NULL,
  product text NOT NULL,
  certification_class text NOT NULL,
  grams bigint NOT NULL,
  PRIMARY KEY (org_id, warehouse_id, product, certification_class),
  FOREIGN KEY (org_id, warehouse_id) REFERENCES warehouses (org_id, warehouse_id),
  CONSTRAINT stock_not_negative CHECK (grams >= 0)
);

-- Once per statement: a season's receptions arrive by the thousand in one INSERT.
CREATE FUNCTION stock_movements_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A row at zero first, then the sum: an upsert would check the CHECK against the bare negative delta.
  INSERT INTO stock_balances (org_id, warehouse_id, product, certification_class, grams)
  SELECT DISTINCT org_id, warehouse_id, product, certification_class, 0 FROM moved
  ON CONFLICT (org_id, warehouse_id, product, certification_class) DO NOTHING;
  UPDATE stock_balances b SET grams = b.grams + d.grams
  FROM (SELECT org_id, warehouse_id, product, certification_class, sum(grams) AS grams
        FROM moved GROUP BY org_id, warehouse_id, product, certification_class) d
  WHERE b.org_id = d.org_id AND b.warehouse_id = d.warehouse_id AND b.product = d.product
    AND b.certification_class = d.certification_class;
  RETURN NULL;
END $$;
CREATE TRIGGER stock_movements_balance AFTER INSERT ON stock_movements
  REFERENCING NEW TABLE AS moved FOR EACH STATEMENT EXECUTE FUNCTION stock_movements_balance();

-- A weigh ticket is received into its collection point's store; a void takes it back out (and is refused
-- when the coffee has already left the store or gone into a lot). The movement's id is the ticket's, or
-- the void's reversal entry's, so the same fact cannot be recorded twice.
CREATE FUNCTION weigh_tickets_received() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stock_movements (org_id, movement_id, warehouse_id, product, certification_class, grams, kind,
                               occurred_on, ticket_id, recorded_at, recorded_by_label)
  SELECT org_id, ticket_id, point_id, product_of_coffee_state(coffee_state), certification_class, net_grams,
         'reception', delivery_date, ticket_id, recorded_at, recorded_by_label
  FROM received;
  RETURN NULL;
END $$;
CREATE TRIGGER weigh_tickets_received AFTER INSERT ON weigh_tickets
  REFERENCING NEW TABLE AS received FOR EACH STATEMENT EXECUTE FUNCTION weigh_tickets_received();

CREATE FUNCTION weigh_ticket_voids_unreceive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM voided v JOIN lot_inputs i ON i.org_id = v.org_id AND i.ticket_id = v.ticket_id) THEN
    RAISE EXCEPTION 'a ticket in a lot cannot be voided'
      USING ERRCODE = '23514', CONSTRAINT = 'lotted_ticket_not_voided';
  END IF;
  INSERT INTO stock_movements (org_id, movement_id, warehouse_id, product, certification_class, grams, kind,
                               occurred_on, ticket_id, reason, recorded_at, recorded_by_label)
  SELECT t.org_id, v.reversal_entry_id, t.point_id, product_of_coffee_state(t.coffee_state),
         t.certification_class, -t.net_grams, 'reception_void', (v.voided_at AT TIME ZONE o.time_zone)::date,
         t.ticket_id, v.reason, v.voided_at, v.voided_by_label
  FROM voided v JOIN weigh_tickets t ON t.org_id = v.org_id AND t.ticket_id = v.ticket_id
  JOIN organizations o ON o.org_id = v.org_id;
  RETURN NULL;
END $$;

-- Tickets already recorded are in their points' stores, less what was voided.
INSERT INTO stock_movements (org_id, movement_id, warehouse_id, product, certification_class, grams, kind,
                             occurred_on, ticket_id, recorded_at, recorded_by_label)
SELECT org_id, ticket_id, point_id, product_of_coffee_state(coffee_state), certification_class, net_grams,
       'reception', delivery_date, ticket_id, recorded_at, recorded_by_label
FROM weigh_tickets;
INSERT INTO stock_movements (org_id, movement_id, warehouse_id, product, certification_class, grams, kind,
                             occurred_on, ticket_id, reason, recorded_at, recorded_by_label)
SELECT t.org_id, v.reversal_entry_id, t.point_id, product_of_coffee_state(t.coffee_state),
       t.certification_class, -t.net_grams, 'reception_void', (v.voided_at AT TIME ZONE o.time_zone)::date,
       t.ticket_id, v.reason, v.voided_at, v.voided_by_label
FROM weigh_ticket_voids v JOIN weigh_tickets t ON t.org_id = v.org_id AND t.ticket_id = v.ticket_id
JOIN organizations o ON o.org_id = v.org_id;

CREATE TABLE lots (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  lot_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9./-]{0,31}$'),
  product text NOT NULL CHECK (product IN ('cherry', 'wet_parchment', 'parchment', 'green_export',
                                           'green_second', 'rejects', 'husk')),
  certification_class text NOT NULL CHECK (certification_class IN ('conventional', 'organic', 'fairtrade',
                                                                   'organic_fairtrade')),
  -- how it was made: from weigh tickets, by blending lots, out of a milling order, received from a cooperative
  origin text NOT NULL CHECK (origin IN ('tickets', 'blend', 'milling', 'delivery')),
  -- every gram traceable to known members' plots (EU Regulation 2023/1115)
  eudr boolean NOT NULL,
  -- where it lies now (a transfer moves it)
  warehouse_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'delivered', 'consumed', 'shipped')),
  -- the cooperative's lot delivered to its central: the central it went to
  delivered_to_org_id uuid REFERENCES organizations (org_id),
  grams_in bigint NOT NULL DEFAULT 0 CHECK (grams_in >= 0),
  grams_out bigint NOT NULL DEFAULT 0 CHECK (grams_out >= 0),
  harvest_from date,
  harvest_to date,
  note text CHECK (note IS NULL OR length(note) <= 1000),
  created_at timestamptz NOT NULL,
  created_by_label text NOT NULL,
  PRIMARY KEY (org_id, lot_id),
  UNIQUE (org_id, code),
  FOREIGN KEY (org_id, warehouse_id) REFERENCES warehouses (org_id, warehouse_id),
  CONSTRAINT lot_mass_balance CHECK (grams_out <= grams_in),
  CHECK (harvest_from IS NULL OR harvest_to IS NULL OR harvest_from <= harvest_to),
  CHECK ((status = 'delivered') = (delivered_to_org_id IS NOT NULL) OR status IN ('consumed', 'shipped'))
);
CREATE INDEX lots_delivered_idx ON lots (delivered_to_org_id) WHERE delivered_to_org_id IS NOT NULL;

CREATE TABLE milling_orders (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  milling_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9./-]{0,31}$'),
  -- the mill where it runs
  warehouse_id uuid NOT NULL,
  -- service milling: the organization whose coffee it is (NULL: our own)
  client_org_id uuid REFERENCES organizations (org_id),
  client_name text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  milled_on date,
  grams_in bigint NOT NULL DEFAULT 0 CHECK (grams_in >= 0),
  grams_out bigint NOT NULL DEFAULT 0 CHECK (grams_out >= 0),
  -- what the mill lost (moisture, dust, stones): inputs = outputs + loss, to the gram, once done
  loss_grams bigint CHECK (loss_grams >= 0),
  note text CHECK (note IS NULL OR length(note) <= 1000),
  created_at timestamptz NOT NULL,
  created_by_label text NOT NULL,
  PRIMARY KEY (org_id, milling_id),
  UNIQUE (org_id, code),
  FOREIGN KEY (org_id, warehouse_id) REFERENCES warehouses (org_id, warehouse_id),
  CONSTRAINT milling_mass_balance CHECK (
    grams_out <= grams_in AND (status <> 'done' OR (loss_grams IS NOT NULL AND grams_in = grams_out + loss_grams)))
);

-- What went into a lot: a ticket (or part of it) of the same organization, a lot (or part of it) — the
-- organization's own, or a cooperative's lot delivered to this central — or a milling order's output.
-- The source lot has no foreign key: it may be another tenant's, and keys never cross tenants
-- (test/catalog.test.ts); the trigger below checks that it exists and was delivered here.
CREATE TABLE lot_inputs (
  org_id uuid NOT NULL,
  lot_id uuid NOT NULL,
  input_no integer NOT NULL CHECK (input_no > 0),
  ticket_id uuid,
  source_org_id uuid,
  source_lot_id uuid,
  milling_id uuid,
  grams bigint NOT NULL CHECK (grams > 0),
  PRIMARY KEY (org_id, lot_id, input_no),
  FOREIGN KEY (org_id, lot_id) REFERENCES lots (org_id, lot_id),
  FOREIGN KEY (org_id, ticket_id) REFERENCES weigh_tickets (org_id, ticket_id),
  FOREIGN KEY (org_id, milling_id) REFERENCES milling_orders (org_id, milling_id),
  CHECK (num_nonnulls(ticket_id, source_lot_id, milling_id) = 1),
  CHECK ((source_lot_id IS NULL) = (source_org_id IS NULL)),
  CHECK (source_lot_id IS NULL OR (source_org_id, source_lot_id) <> (org_id, lot_id))
);
CREATE INDEX lot_inputs_ticket_idx ON lot_inputs (org_id, ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX lot_inputs_source_idx ON lot_inputs (source_org_id, source_lot_id) WHERE source_lot_id IS NOT NULL;
CREATE INDEX lot_inputs_milling_idx ON lot_inputs (org_id, milling_id) WHERE milling_id IS NOT NULL;
CREATE TRIGGER lot_inputs_append_only BEFORE UPDATE OR DELETE ON lot_inputs
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- What left a lot other than into another lot: into a milling order, shipped on a contract, a sample, a
-- loss (drying, a count's difference). The shipment is the sales domain's; no key to it here.
CREATE TABLE lot_draws (
  org_id uuid NOT NULL,
  lot_id uuid NOT NULL,
  draw_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('milling', 'shipment', 'sample', 'loss')),
  grams bigint NOT NULL CHECK (grams > 0),
  milling_id uuid,
  shipment_id uuid,
  reason text CHECK (reason IS NULL OR length(btrim(reason)) BETWEEN 1 AND 500),
  drawn_on date NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by_label text NOT NULL,
  PRIMARY KEY (org_id, draw_id),
  FOREIGN KEY (org_id, lot_id) REFERENCES lots (org_id, lot_id),
  FOREIGN KEY (org_id, milling_id) REFERENCES milling_orders (org_id, milling_id),
  CHECK ((kind = 'milling') = (milling_id IS NOT NULL)),
  CHECK ((kind = 'shipment') = (shipment_id IS NOT NULL)),
  CHECK (kind NOT IN ('loss') OR reason IS NOT NULL)
);
CREATE INDEX lot_draws_lot_idx ON lot_draws (org_id, lot_id);
CREATE INDEX lot_draws_milling_idx ON lot_draws (org_id, milling_id) WHERE milling_id IS NOT NULL;
CREATE TRIGGER lot_draws_append_only BEFORE UPDATE OR DELETE ON lot_draws
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Inputs: checked and summed once per statement (a lot of a season takes thousands of tickets at once).
CREATE FUNCTION lot_inputs_balance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  -- a voided ticket holds no coffee
  IF EXISTS (SELECT 1 FROM added a JOIN weigh_ticket_voids v ON v.org_id = a.org_id AND v.ticket_id = a.ticket_id) THEN
    RAISE EXCEPTION 'a voided ticket cannot go into a lot' USING ERRCODE = '23514', CONSTRAINT = 'lot_input_ticket_voided';
  END IF;
  -- no ticket gives more than its net mass
  SELECT t.ticket_id INTO bad FROM weigh_tickets t
  JOIN (SELECT DISTINCT org_id, ticket_id FROM added WHERE ticket_id IS NOT NULL) a
    ON a.org_id = t.org_id AND a.ticket_id = t.ticket_id
  WHERE (SELECT sum(i.grams) FROM lot_inputs i WHERE i.org_id = t.org_id AND i.ticket_id = t.ticket_id) > t.net_grams
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ticket % would give more than its net mass', bad.ticket_id
      USING ERRCODE = '23514', CONSTRAINT = 'lot_input_ticket_mass';
  END IF;
  -- the product and class the lot may say; an EUDR lot takes only coffee of known origin
  IF EXISTS (
    SELECT 1 FROM added a
    JOIN lots l ON l.org_id = a.org_id AND l.lot_id = a.lot_id
    LEFT JOIN weigh_tickets t ON t.org_id = a.org_id AND t.ticket_id = a.ticket_id
    LEFT JOIN lots s ON s.org_id = a.source_org_id AND s.lot_id = a.source_lot_id
    WHERE (t.ticket_id IS NOT NULL AND (
            product_of_coffee_state(t.coffee_state) <> l.product
            OR NOT class_covers(t.certification_class, l.certification_class)))
       OR (s.lot_id IS NOT NULL AND (s.product <> l.product OR NOT class_covers(s.certification_class, l.certification_class)))
  ) THEN
    RAISE EXCEPTION 'an input of another product or of a class the lot cannot claim'
      USING ERRCODE = '23514', CONSTRAINT = 'lot_input_class';
  END IF;
  IF EXISTS (
    SELECT 1 FROM added a
    JOIN lots l ON l.org_id = a.org_id AND l.lot_id = a.lot_id AND l.eudr
    LEFT JOIN weigh_tickets t ON t.org_id = a.org_id AND t.ticket_id = a.ticket_id
    LEFT JOIN lots s ON s.org_id = a.source_org_id AND s.lot_id = a.source_lot_id
    LEFT JOIN milling_orders m ON m.org_id = a.org_id AND m.milling_id = a.milling_id
    WHERE (t.ticket_id IS NOT NULL AND cardinality(t.plot_ids) = 0)
       OR (s.lot_id IS NOT NULL AND NOT s.eudr)
       OR (m.milling_id IS NOT NULL AND EXISTS (
             SELECT 1 FROM lot_draws d JOIN lots ml ON ml.org_id = d.org_id AND ml.lot_id = d.lot_id
             WHERE d.org_id = m.org_id AND d.milling_id = m.milling_id AND NOT ml.eudr))
  ) THEN
    RAISE EXCEPTION 'coffee of unknown origin cannot go into an EUDR lot'
      USING ERRCODE = '23514', CONSTRAINT = 'lot_input_eudr_origin';
  END IF;
  IF EXISTS (
    SELECT 1 FROM added a WHERE a.source_lot_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM lots s WHERE s.org_id = a.source_org_id AND s.lot_id = a.source_lot_id)
  ) THEN
    RAISE EXCEPTION 'the source lot does not exist' USING ERRCODE = '23503', CONSTRAINT = 'lot_input_source_missing';
  END IF;
  -- another organization's lot only once it was delivered to this one
  IF EXISTS (
    SELECT 1 FROM added a JOIN lots s ON s.org_id = a.source_org_id AND s.lot_id = a.source_lot_id
    WHERE a.source_org_id <> a.org_id AND s.delivered_to_org_id IS DISTINCT FROM a.org_id
  ) THEN
    RAISE EXCEPTION 'a lot of another organization that was not delivered here'
      USING ERRCODE = '23514', CONSTRAINT = 'lot_input_not_delivered';
  END IF;

  UPDATE lots l SET grams_in = l.grams_in + s.grams
  FROM (SELECT org_id, lot_id, sum(grams) AS grams FROM added GROUP BY org_id, lot_id) s
  WHERE l.org_id = s.org_id AND l.lot_id = s.lot_id;
  -- what is taken from a lot leaves it (the CHECK lot_mass_balance refuses taking more than it holds)
  UPDATE lots l SET grams_out = l.grams_out + s.grams
  FROM (SELECT source_org_id, source_lot_id, sum(grams) AS grams FROM added
        WHERE source_lot_id IS NOT NULL GROUP BY source_org_id, source_lot_id) s
  WHERE l.org_id = s.source_org_id AND l.lot_id = s.source_lot_id;
  UPDATE milling_orders m SET grams_out = m.grams_out + s.grams
  FROM (SELECT org_id, milling_id, sum(grams) AS grams FROM added
        WHERE milling_id IS NOT NULL GROUP BY org_id, milling_id) s
  WHERE m.org_id = s.org_id AND m.milling_id = s.milling_id;
  RETURN NULL;
END $$;
CREATE TRIGGER lot_inputs_balance AFTER INSERT ON lot_inputs
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION lot_inputs_balance();

CREATE FUNCTION lot_draws_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE lots l SET grams_out = l.grams_out + s.grams
  FROM (SELECT org_id, lot_id, sum(grams) AS grams FROM drawn GROUP BY org_id, lot_id) s
  WHERE l.org_id = s.org_id AND l.lot_id = s.lot_id;
  UPDATE milling_orders m SET grams_in = m.grams_in + s.grams
  FROM (SELECT org_id, milling_id, sum(grams) AS grams FROM drawn
        WHERE milling_id IS NOT NULL GROUP BY org_id, milling_id) s
  WHERE m.org_id = s.org_id AND m.milling_id = s.milling_id;
  IF EXISTS (SELECT 1 FROM drawn d JOIN milling_orders m ON m.org_id = d.org_id AND m.milling_id = d.milling_id
             WHERE m.status = 'done') THEN
    RAISE EXCEPTION 'a finished milling order takes nothing more'
      USING ERRCODE = '23514', CONSTRAINT = 'milling_order_done';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER lot_draws_balance AFTER INSERT ON lot_draws
  REFERENCING NEW TABLE AS drawn FOR EACH STATEMENT EXECUTE FUNCTION lot_draws_balance();

CREATE TRIGGER weigh_ticket_voids_unreceive AFTER INSERT ON weigh_ticket_voids
  REFERENCING NEW TABLE AS voided FOR EACH STATEMENT EXECUTE FUNCTION weigh_ticket_voids_unreceive();

-- Inventory counts (ADR 0052): a person counts what lies in a warehouse, product by product and class by
-- class; the book figure is the stock when counted. The differences become adjustment movements only
-- when a second person approves — the database refuses the counter approving their own count.
CREATE TABLE inventory_counts (
  org_id uuid NOT NULL REFERENCES organizations (org_id),
  count_id uuid NOT NULL,
  warehouse_id uuid NOT NULL,
  counted_on date NOT NULL,
  counted_by uuid NOT NULL REFERENCES users (user_id),
  counted_by_label text NOT NULL,
  counted_at timestamptz NOT NULL,
  approved_by uuid REFERENCES users (user_id),
  approved_by_label text,
  approved_at timestamptz,
  note text CHECK (note IS NULL OR length(note) <= 1000),
  PRIMARY KEY (org_id, count_id),
  FOREIGN KEY (org_id, warehouse_id) REFERENCES warehouses (org_id, warehouse_id),
  CONSTRAINT inventory_count_second_person CHECK (approved_by IS NULL OR approved_by <> counted_by),
  CHECK ((approved_by IS NULL) = (approved_at IS NULL) AND (approved_by IS NULL) = (approved_by_label IS NULL))
);

CREATE TABLE inventory_count_lines (
  org_id uuid NOT NULL,
  count_id uuid NOT NULL,
  product text NOT NULL CHECK (product IN ('cherry', 'wet_parchment', 'parchment', 'green_export',
                                           'green_second', 'rejects', 'husk')),
  certification_class text NOT NULL CHECK (certification_class IN ('conventional', 'organic', 'fairtrade',
                                                                   'organic_fairtrade')),
  book_grams bigint NOT NULL CHECK (book_grams >= 0),
  counted_grams bigint NOT NULL CHECK (counted_grams >= 0),
  PRIMARY KEY (org_id, count_id, product, certification_class),
  FOREIGN KEY (org_id, count_id) REFERENCES inventory_counts (org_id, count_id)
);
CREATE TRIGGER inventory_count_lines_append_only BEFORE UPDATE OR DELETE ON inventory_count_lines
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A count changes once: from counted to approved. Nothing else about it is ever rewritten.
CREATE FUNCTION inventory_counts_approve_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.approved_by IS NOT NULL OR NEW.approved_by IS NULL
     OR (NEW.org_id, NEW.count_id, NEW.warehouse_id, NEW.counted_on, NEW.counted_by, NEW.counted_at)
        IS DISTINCT FROM (OLD.org_id, OLD.count_id, OLD.warehouse_id, OLD.counted_on, OLD.counted_by, OLD.counted_at)
  THEN
    RAISE EXCEPTION 'an inventory count is only approved, once' USING ERRCODE = '23514',
      CONSTRAINT = 'inventory_count_approved_once';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER inventory_counts_approve_once BEFORE UPDATE OR DELETE ON inventory_counts
  FOR EACH ROW EXECUTE FUNCTION inventory_counts_approve_once();

ALTER TABLE stock_movements ADD FOREIGN KEY (org_id, count_id) REFERENCES inventory_counts (org_id, count_id);
ALTER TABLE stock_movements ADD FOREIGN KEY (org_id, milling_id) REFERENCES milling_orders (org_id, milling_id);
CREATE INDEX stock_movements_count_idx ON stock_movements (org_id, count_id) WHERE count_id IS NOT NULL;
CREATE INDEX stock_movements_milling_idx ON stock_movements (org_id, milling_id) WHERE milling_id IS NOT NULL;
CREATE INDEX stock_movements_warehouse_date_idx ON stock_movements (org_id, warehouse_id, occurred_on);
