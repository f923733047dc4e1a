-- The read-only role Grafana connects as (see the generated datasource provisioning).
-- Run in the lastmile database as the owner of its tables (a role with CREATEROLE).
-- The first run needs the password as a session setting, so it never sits in a file:
--   PGOPTIONS="-c lastmile.grafana_password=$GRAFANA_DB_PASSWORD" psql "$DATABASE_URL" -f readonly-role.sql
-- (docker-compose runs it at first start through the generated provisioning/readonly-role.sh).
-- Re-running is safe and needs no password unless it is to change: it re-applies the grants.
-- Tables that do not exist yet are skipped with a notice, so run it again after migrations.
--
-- SELECT only, and only on what the dashboards read. Customer content (slice_items,
-- instance_results), API key hashes, the audit log and the response cache stay out of reach.
-- A new table the dashboards need must be added to the list below.

DO $$
DECLARE
  password text := coalesce(current_setting('lastmile.grafana_password', true), '');
  readable text[] := ARRAY[
    'tenants', 'models', 'scenarios', 'slices', 'plans', 'runs',
    'metrics', 'baselines', 'alerts', 'alert_events', 'notifications'
  ];
  name text;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lastmile_grafana') THEN
    IF password = '' THEN
      RAISE EXCEPTION 'creating lastmile_grafana needs lastmile.grafana_password (PGOPTIONS="-c lastmile.grafana_password=...")';
    END IF;
    CREATE ROLE lastmile_grafana;
  END IF;
  ALTER ROLE lastmile_grafana WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
  IF password <> '' THEN
    EXECUTE format('ALTER ROLE lastmile_grafana PASSWORD %L', password);
  END IF;
  -- Read-only transactions on top of the grants; a runaway panel query cannot hold the database.
  ALTER ROLE lastmile_grafana SET default_transaction_read_only = on;
  ALTER ROLE lastmile_grafana SET statement_timeout = '30s';
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO lastmile_grafana', current_database());
  GRANT USAGE ON SCHEMA public TO lastmile_grafana;

  REVOKE ALL ON ALL TABLES IN SCHEMA public FROM lastmile_grafana;
  FOREACH name IN ARRAY readable LOOP
    IF to_regclass(format('public.%I', name)) IS NULL THEN
      RAISE NOTICE 'lastmile_grafana: table % does not exist yet; run again after migrations', name;
    ELSE
      EXECUTE format('GRANT SELECT ON public.%I TO lastmile_grafana', name);
    END IF;
  END LOOP;
END
$$;
