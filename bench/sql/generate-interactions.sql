-- Loads interactions numbered :lo..:hi for the bench tenant straight into table interaction, as the schema owner:
-- what a migration from another tool would do, not what the API does (the API refuses interactions from before the
-- tenant existed; the benchmark needs two years of history). Deterministic: the same :seed gives the same data.
--
-- psql variables: tenant (uuid), touchpoints (a uuid array literal, '{id,id,...}', the journey's touchpoints in the
-- order of its stages), lo, hi (numbers of the first and last interaction), days (history length), seed (0..1).
--
-- Event ids are gen-<n>, so they never meet those of the API load (<prefix>-<worker>-<n>). Earlier touchpoints of
-- the journey see more traffic than later ones (a funnel); about 10 % of the interactions are ABANDONED, more at
-- some touchpoints than at others, drifting slowly with the season, so that the map's changes have something to
-- find. 200 employees, each in one of 20 teams and at one of 12 locations; 1,000,003 customers; attribute segment.
select setseed(:seed);

with journey as (
    select :'touchpoints'::uuid[] as touchpoints
),
drawn as (
    select i,
           now() - random() * :days * interval '1 day' as occurred_at,
           1 + floor(power(random(), 1.5) * cardinality(j.touchpoints))::int as tp,
           floor(random() * 200)::int as employee,
           random() as outcome_draw,
           random() as duration_draw,
           random() * 2 as recording_delay,
           floor(random() * 4)::int as segment
      from generate_series(:lo::bigint, :hi::bigint) i
     cross join journey j
),
generated as (
    select d.*,
           j.touchpoints[d.tp] as touchpoint_id,
           d.outcome_draw < 0.035 + 0.025 * (d.tp % 6)
               + 0.02 * sin(extract(epoch from d.occurred_at) / 86400 / 45 + d.tp) as abandoned
      from drawn d
     cross join journey j
)
insert into interaction (tenant_id, id, event_id, touchpoint_id, customer_ref, occurred_at, outcome, duration_us,
                         employee, team, location, attributes, recorded_at)
select :'tenant',
       -- a UUIDv7 of the time it was recorded, as the service makes them: 48 bits of milliseconds, version 7, random
       (lpad(to_hex((extract(epoch from occurred_at + recording_delay * interval '1 second') * 1000)::bigint), 12, '0')
           || '7' || substr(md5(i::text), 1, 3) || '8' || substr(md5(i::text), 4, 15))::uuid,
       'gen-' || i,
       touchpoint_id,
       'customer-' || (i % 1000003),
       occurred_at,
       case when abandoned then 'ABANDONED' else 'COMPLETED' end,
       ((case when abandoned then 5 + duration_draw * 120 else 30 + duration_draw * 900 end) * 1000000)::bigint,
       'employee-' || lpad(employee::text, 3, '0'),
       'team-' || lpad((employee % 20)::text, 2, '0'),
       'location-' || lpad((employee % 12)::text, 2, '0'),
       jsonb_build_object('segment', (array['consumer', 'consumer', 'small-business', 'enterprise'])[1 + segment]),
       occurred_at + recording_delay * interval '1 second'
  from generated;
