-- Row-level security: a second line of defence behind the repositories' own "where tenant_id = ...".
--
-- The service connects as its own login role (placeholder app_role), which owns nothing, may only select, insert and
-- update, and sees only the rows of the tenant its transaction works for: HibernateUnitOfWork runs
-- set_config('touchstone.tenant_id', <tenant>, true) at the start of every transaction. Without it (or with an
-- empty value) no row is visible and none can be written. Migrations keep running as the owner of the tables.

-- Roles belong to the whole cluster, not to this database: create the role only when it is missing, and tolerate
-- the migration of another database creating it at the same moment. An empty app_password creates a role without
-- password, which can log in only where pg_hba.conf trusts it (e.g. the local development and test databases).
-- Both placeholders stand inside string literals: whoever supplies them doubles any single quote.
do $migration$
declare
    app_role     text := '${app_role}';
    app_password text := '${app_password}';
begin
    if app_role !~ '^[a-z_][a-z0-9_]{0,62}$' then
        raise exception 'app_role "%" is not a plain lower-case role name', app_role;
    end if;
    if not exists (select from pg_roles where rolname = app_role) then
        begin
            if app_password = '' then
                execute format('create role %I login', app_role);
            else
                execute format('create role %I login password %L', app_role, app_password);
            end if;
        exception when duplicate_object or unique_violation then
            null; -- created meanwhile by the migration of another database
        end;
    end if;
end
$migration$;

grant usage on schema ${flyway:defaultSchema} to ${app_role};
grant select, insert, update on tenant, api_key, survey, survey_version, response, answer to ${app_role};

-- The tenant of the current transaction; null when none is set (an empty value, which is what a transaction-local
-- setting leaves behind on a pooled connection, counts as none). Simple enough for the planner to inline it.
create function current_tenant_id() returns uuid
    language sql stable parallel safe
as $$ select nullif(pg_catalog.current_setting('touchstone.tenant_id', true), '')::pg_catalog.uuid $$;

grant execute on function current_tenant_id() to ${app_role};

-- FORCE: the owner of the tables is held to the policies too, unless it is a superuser or has BYPASSRLS.
alter table tenant enable row level security;
alter table tenant force row level security;
create policy tenant_isolation on tenant
    using (id = current_tenant_id())
    with check (id = current_tenant_id());

alter table api_key enable row level security;
alter table api_key force row level security;
create policy tenant_isolation on api_key
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());

alter table survey enable row level security;
alter table survey force row level security;
create policy tenant_isolation on survey
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());

alter table survey_version enable row level security;
alter table survey_version force row level security;
create policy tenant_isolation on survey_version
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());

alter table response enable row level security;
alter table response force row level security;
create policy tenant_isolation on response
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());

alter table answer enable row level security;
alter table answer force row level security;
create policy tenant_isolation on answer
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());

-- Authentication must find an API key by its public lookup id before it knows the tenant. It does so through this
-- function, which runs as the owner of the tables and hands out exactly the one key of an exact lookup id; the
-- service's role gets no other way past the policies.
create function api_key_by_lookup_id(lookup text) returns setof api_key
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$ select * from ${flyway:defaultSchema}.api_key where lookup_id = lookup $$;

-- The owner is held to the policies as well (FORCE above), so that it reads keys only when it acts as this
-- function for another login: inside a security-definer function current_user is the owner, session_user the caller.
-- A superuser owner, as in development and tests, bypasses row-level security anyway.
create policy key_lookup_by_owner on api_key
    for select
    to current_user
    using (current_user <> session_user);

revoke all on function api_key_by_lookup_id(text) from public;
grant execute on function api_key_by_lookup_id(text) to ${app_role};
