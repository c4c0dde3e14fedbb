-- Loads responses about the bench tenant's loaded interactions (gen-<n>) numbered :lo..:hi, straight into the
-- tables as the schema owner, as bench/sql/generate-responses.sql does: every COMPLETED interaction at a touchpoint
-- with an attached survey is answered with probability :share, a day or two after it happened. Each response keeps
-- the copies of its interaction that the service writes (V11): interaction, journey, stage, touchpoint and its
-- channel, employee, team, location. Deterministic for the same :seed.
--
-- psql variables: tenant, survey (uuids), lo, hi (numbers of the first and last interaction), share (0..1), seed.
--
-- Scores depend on the touchpoint and on the employee and drift slowly, so that the map's changes and the staff
-- leaderboard have something to find.
select setseed(:seed);

with answered as (
    select i.*, t.journey_id, t.stage_id, t.channel as touchpoint_channel,
           i.occurred_at + (1 + random() * 47) * interval '1 hour' as submitted_at,
           random() < 0.9 as complete,
           (random() + random() + random() - 1.5) * 2 as noise_nps,
           (random() + random() + random() - 1.5) * 2 as noise_csat,
           (random() + random() + random() - 1.5) * 2 as noise_ces,
           random() as language_draw
      from generate_series(:lo::bigint, :hi::bigint) n
      join interaction i on i.tenant_id = :'tenant' and i.event_id = 'gen-' || n
      join touchpoint t on t.tenant_id = i.tenant_id and t.id = i.touchpoint_id
     where t.survey_id = :'survey' and i.outcome = 'COMPLETED' and random() < :share
       and i.occurred_at < now() - interval '2 days'
),
scored as (
    select a.*,
           (lpad(to_hex((extract(epoch from a.submitted_at) * 1000)::bigint), 12, '0')
               || '7' || substr(md5(a.event_id), 1, 3) || '9' || substr(md5(a.event_id), 4, 15))::uuid as response_id,
           -- some employees do better than others; a slow seasonal drift per touchpoint
           ((hashtext(a.employee) % 5) * 0.25) + ((hashtext(a.touchpoint_id::text) % 3) * 0.3)
               + 0.6 * sin(extract(epoch from a.submitted_at) / 86400 / 58 + hashtext(a.touchpoint_id::text) % 7)
               as shift
      from answered a
),
responses as (
    insert into response (tenant_id, id, survey_id, survey_version, language, channel, respondent_ref, metadata,
                          submitted_at, idempotency_key, fingerprint, interaction_id, journey_id, stage_id,
                          touchpoint_id, touchpoint_channel, employee, team, location)
    select :'tenant', response_id, :'survey', 1, case when language_draw < 0.7 then 'en' else 'cs' end, null,
           customer_ref, jsonb_build_object('segment', attributes ->> 'segment'), submitted_at,
           'link-' || event_id, 'generated', id, journey_id, stage_id, touchpoint_id, touchpoint_channel, employee,
           team, location
      from scored
    returning id
)
insert into answer (tenant_id, response_id, question_id, position, survey_id, survey_version, score)
select :'tenant', s.response_id, q.question_id, q.position, :'survey', 1, q.score
  from scored s
 cross join lateral (values
           ('nps', 0, least(10, greatest(0, round(7.0 + 1.8 * s.noise_nps + s.shift)))::int),
           ('csat', 1, case when s.complete
                            then least(5, greatest(1, round(3.8 + 0.9 * s.noise_csat + s.shift / 2)))::int end),
           ('ces', 2, case when s.complete
                           then least(7, greatest(1, round(5.1 + 1.3 * s.noise_ces + s.shift / 2)))::int end)
       ) q(question_id, position, score)
 where q.score is not null;
