-- Madoguchi on Citus: every table of municipalities distributed on municipality_code, co-located
-- with residents; the shared tables as reference tables. The reasons for each table, what changes
-- for keys and sequences, and how to run it: docs/scale.md "Citus".
--
-- Run on the coordinator, in the database DATABASE_URL names, after `madoguchi` has migrated it
-- (0018-partitions or later) and with the citus extension created on the coordinator and every
-- worker. Each call is its own transaction and is skipped for a table already distributed, so the
-- script can be run again after a failure. It was not run by this repository's tests (no Citus
-- here): test/store/partitions.test.ts checks each name and key it relies on against the schema.

\set ON_ERROR_STOP on

do $$
begin
  if not exists (select 1 from pg_extension where extname = 'citus') then
    raise exception 'the citus extension is not in this database: CREATE EXTENSION citus here and on every worker first';
  end if;
  if to_regclass('madoguchi_migrations') is null or not exists (select 1 from madoguchi_migrations where name = '0018-partitions') then
    raise exception 'this database is not migrated to 0018-partitions: start madoguchi once against it first (its keys must hold municipality_code)';
  end if;
end
$$;

-- The first distributed table fixes the shard placement the others are co-located with.
select create_distributed_table('residents', 'municipality_code') where not exists (select 1 from pg_dist_partition where logicalrelid = 'residents'::regclass);

-- Partitioned by municipality (0018); each one's partitions are distributed with it, and so is a partition made later (createMunicipalityPartitions).
select create_distributed_table('resident_name_chars', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'resident_name_chars'::regclass);
select create_distributed_table('resident_numbers', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'resident_numbers'::regclass);
select create_distributed_table('cards', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'cards'::regclass);
select create_distributed_table('events', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'events'::regclass);
select create_distributed_table('chip_pins', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'chip_pins'::regclass);
select create_distributed_table('procedures', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'procedures'::regclass);
select create_distributed_table('audit_log', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'audit_log'::regclass);

-- Small tables of one municipality each, written in the same transactions as the tables above.
select create_distributed_table('audit_heads', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'audit_heads'::regclass);
select create_distributed_table('receipt_counters', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'receipt_counters'::regclass);
select create_distributed_table('idempotency_keys', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'idempotency_keys'::regclass);
select create_distributed_table('staff', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'staff'::regclass);
select create_distributed_table('sessions', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'sessions'::regclass);
select create_distributed_table('approvals', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'approvals'::regclass);
select create_distributed_table('proxy_enquiries', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'proxy_enquiries'::regclass);
select create_distributed_table('job_runs', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'job_runs'::regclass);
select create_distributed_table('job_leases', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'job_leases'::regclass);
select create_distributed_table('guide_feedback', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'guide_feedback'::regclass);
select create_distributed_table('instance_modes', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'instance_modes'::regclass);
select create_distributed_table('municipalities', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'municipalities'::regclass);
select create_distributed_table('appointment_slots', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'appointment_slots'::regclass);
select create_distributed_table('appointments', 'municipality_code', colocate_with => 'residents') where not exists (select 1 from pg_dist_partition where logicalrelid = 'appointments'::regclass);

-- Shared by every municipality: the schema's version, one for the whole database.
select create_reference_table('madoguchi_migrations') where not exists (select 1 from pg_dist_partition where logicalrelid = 'madoguchi_migrations'::regclass);
select create_reference_table('madoguchi_migrations_lock') where not exists (select 1 from pg_dist_partition where logicalrelid = 'madoguchi_migrations_lock'::regclass);

-- What became of each table: method h (hash-distributed) or n (reference), and its co-location group.
select logicalrelid::regclass as "table", partmethod as method, colocationid as colocation from pg_dist_partition order by colocationid, logicalrelid::regclass::text;
