-- The read-only role Grafana connects as (see the generated datasource provisioning).
-- Run in the lastmile database as the owner of its tables (a role with CREATEROLE), passing the
-- password as a session setting so it never sits in a file or in shell history:
--   PGOPTIONS="-c lastmile.grafana_password=$GRAFANA_DB_PASSWORD" psql "$DATABASE_URL" -f readonly-role.sql
-- Re-running it is safe: it updates the password and re-applies the grants.
--
-- SELECT only, and only on what the dashboards read. Customer content (slice_items,
-- instance_results), API key hashes, the audit log and the response cache stay out of reach.
-- A new table the dashboards need must be added to the GRANT below.

DO $$
DECLARE
  password text := current_setting('lastmile.grafana_password', true);
BEGIN
  IF password IS NULL OR password = '' THEN
    RAISE EXCEPTION 'lastmile.grafana_password is not set (PGOPTIONS="-c lastmile.grafana_password=...")';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lastmile_grafana') THEN
    CREATE ROLE lastmile_grafana;
  END IF;
  EXECUTE format(
    'ALTER ROLE lastmile_grafana WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD %L',
    password
  );
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO lastmile_grafana', current_database());
END
$$;

-- Read-only transactions on top of the grants; a runaway panel query cannot hold the database.
ALTER ROLE lastmile_grafana SET default_transaction_read_only = on;
ALTER ROLE lastmile_grafana SET statement_timeout = '30s';

GRANT USAGE ON SCHEMA public TO lastmile_grafana;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM lastmile_grafana;
GRANT SELECT ON
  tenants, models, scenarios, slices, plans, runs,
  metrics, baselines, alerts, alert_events, notifications
TO lastmile_grafana;
