import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { createMunicipalityPartitions } from '../../src/store/postgres/municipality-partitions.ts';
import { OFFICES } from '../support/app.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';

/**
 * scripts/citus/distribute.sql against the migrated schema (docs/scale.md "What was checked, and
 * what was not"). Citus is not installed here: its functions and its catalog of distributed tables
 * are stood in for by ones that check the rules Citus documents for create_distributed_table and
 * create_reference_table, and record what the script asked for. They are not Citus.
 */
const postgres = DIALECTS.find((dialect) => dialect.name === 'postgres');
const SCRIPT = readFileSync(path.join(import.meta.dirname, '..', '..', 'scripts', 'citus', 'distribute.sql'), 'utf8');

const STAND_INS = `
create schema citus_stand_in;
create table citus_stand_in.pg_dist_partition (logicalrelid regclass primary key, partmethod "char" not null, colocationid int not null);

create function citus_stand_in.create_reference_table(t regclass) returns void language plpgsql as $$
begin
  if exists (select 1 from pg_constraint c join citus_stand_in.pg_dist_partition p on p.logicalrelid = c.confrelid
             where c.conrelid = t and c.contype = 'f' and p.partmethod = 'h') then
    raise exception '%: a reference table cannot have a foreign key to a distributed table', t;
  end if;
  insert into citus_stand_in.pg_dist_partition values (t, 'n', 0);
end $$;

create function citus_stand_in.create_distributed_table(t regclass, distribution_column text, colocate_with text default 'default') returns void language plpgsql as $$
declare
  column_number int2;
  grp int;
  k record;
begin
  if (select relispartition from pg_class where oid = t) then raise exception '%: a partition is distributed with its table', t; end if;
  select attnum into column_number from pg_attribute where attrelid = t and attname = distribution_column and attnotnull and not attisdropped;
  if column_number is null then raise exception '%: no column % that is not null', t, distribution_column; end if;
  for k in select conname from pg_constraint where conrelid = t and contype in ('p', 'u', 'x') and not column_number = any(conkey) loop
    raise exception '%: the key % does not hold the distribution column %', t, k.conname, distribution_column;
  end loop;
  for k in select indexrelid::regclass as name from pg_index where indrelid = t and indisunique and not column_number = any(indkey::int2[]) loop
    raise exception '%: the unique index % does not hold the distribution column %', t, k.name, distribution_column;
  end loop;
  if colocate_with in ('default', 'none') then
    grp := (select coalesce(max(colocationid), 0) + 1 from citus_stand_in.pg_dist_partition);
  else
    select colocationid into grp from citus_stand_in.pg_dist_partition where logicalrelid = colocate_with::regclass and partmethod = 'h';
    if grp is null then raise exception '%: co-located with %, which is not distributed yet', t, colocate_with; end if;
  end if;
  for k in select c.conname, c.confrelid::regclass as referenced, c.conkey, c.confkey, p.partmethod, p.colocationid
           from pg_constraint c left join citus_stand_in.pg_dist_partition p on p.logicalrelid = c.confrelid
           where c.conrelid = t and c.contype = 'f' and c.conparentid = 0 loop
    if k.partmethod is null then
      raise exception '%: the foreign key % points at %, which is neither distributed nor a reference table yet', t, k.conname, k.referenced;
    elsif k.partmethod = 'h' and k.colocationid <> grp then
      raise exception '%: the foreign key % points at %, which is not co-located', t, k.conname, k.referenced;
    elsif k.partmethod = 'h' and not exists (
      select 1 from generate_subscripts(k.conkey, 1) as i
      where k.conkey[i] = column_number and (select attname from pg_attribute where attrelid = k.referenced and attnum = k.confkey[i]) = distribution_column) then
      raise exception '%: the foreign key % does not match % with %', t, k.conname, distribution_column, distribution_column;
    end if;
  end loop;
  insert into citus_stand_in.pg_dist_partition values (t, 'h', grp);
end $$;
`;

/** The script as psql would send it, its first block apart: that block stops the script where Citus is missing. */
function splitScript(): { guard: string; rest: string } {
  const withoutMeta = SCRIPT.split('\n')
    .filter((line) => !line.startsWith('\\'))
    .join('\n');
  const match = /^do \$\$[\s\S]*?^\$\$;$/m.exec(withoutMeta);
  if (!match) throw new Error('distribute.sql has no check block');
  return { guard: match[0], rest: withoutMeta.replace(match[0], '') };
}

describe.skipIf(!postgres)('the Citus script (scripts/citus/distribute.sql), on a database migrated for two cities', () => {
  let database: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await postgres!.create();
    const store = openStore({ dataDir: database.dataDir, databaseUrl: database.databaseUrl, municipalityCode: OFFICES.municipality.code });
    await store.migrate();
    await createMunicipalityPartitions(store.db, '131211');
    await store.close();
    client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    await client.query(STAND_INS);
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('stops at once, changing nothing, where Citus is not installed', async () => {
    await expect(client.query(splitScript().guard)).rejects.toThrow(/citus extension is not in this database/);
  });

  it('distributes every table of municipalities co-located with residents, makes the rest reference tables, and can be run again', async () => {
    const { rest } = splitScript();
    await client.query('set search_path = citus_stand_in, public');
    try {
      await client.query(rest);
      const { rows: first } = await client.query<{ table_name: string; method: string; colocation: number }>(
        'select logicalrelid::regclass::text as table_name, partmethod as method, colocationid as colocation from citus_stand_in.pg_dist_partition order by 1',
      );
      await client.query(rest);
      const { rows: again } = await client.query('select logicalrelid::regclass::text as table_name, partmethod as method, colocationid as colocation from citus_stand_in.pg_dist_partition order by 1');
      expect(again).toEqual(first);

      const { rows: tables } = await client.query<{ table_name: string; municipal: boolean }>(`
        select c.relname as table_name, exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'municipality_code' and not a.attisdropped) as municipal
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`);
      const residents = first.find((row) => row.table_name === 'residents')!;
      expect(residents.method).toBe('h');
      expect(first.map((row) => row.table_name)).toEqual(tables.map((table) => table.table_name));
      for (const table of tables) {
        const row = first.find((distributed) => distributed.table_name === table.table_name);
        expect(row, table.table_name).toEqual(table.municipal ? { table_name: table.table_name, method: 'h', colocation: residents.colocation } : { table_name: table.table_name, method: 'n', colocation: 0 });
      }
      expect(tables.filter((table) => !table.municipal).map((table) => table.table_name)).toEqual(['madoguchi_migrations', 'madoguchi_migrations_lock']);
    } finally {
      await client.query('reset search_path');
    }
  });

  it("has stand-ins that refuse what Citus refuses: a key without the distribution column, a foreign key to a table not yet distributed", async () => {
    await client.query('begin');
    try {
      await client.query(`create table unkeyed (municipality_code text not null, id text primary key)`);
      await expect(client.query(`select citus_stand_in.create_distributed_table('unkeyed', 'municipality_code')`)).rejects.toThrow(/does not hold the distribution column/);
    } finally {
      await client.query('rollback');
    }
    await client.query('begin');
    try {
      await client.query(`create table parent (municipality_code text not null, id text, primary key (municipality_code, id))`);
      await client.query(`create table child (municipality_code text not null, parent_id text, foreign key (municipality_code, parent_id) references parent (municipality_code, id))`);
      await expect(client.query(`select citus_stand_in.create_distributed_table('child', 'municipality_code')`)).rejects.toThrow(/neither distributed nor a reference table/);
    } finally {
      await client.query('rollback');
    }
  });
});
