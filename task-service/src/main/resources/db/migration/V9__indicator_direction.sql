-- 指标方向: which way an indicator should move: UP (正向, higher is better), DOWN (逆向, lower is better) or HOLD (a
-- two-sided band). Only an ABOUT ("…左右") target can be read more than one way; AT_LEAST and MORE_THAN are UP and
-- AT_MOST is DOWN. The existing rows get about what the importer now gives (DirectionDefaults, which reads only the
-- clause naming the indicator; here the whole source text): its verb,
-- 保持/稳定/维持 read as UP, else the baseline-to-target direction. The supervising office may change it.
alter table plan_indicator add column direction varchar(8);

update plan_indicator set direction = case
    when comparison = 'AT_MOST' then 'DOWN'
    when comparison in ('AT_LEAST', 'MORE_THAN') then 'UP'
    when coalesce(source_text, '') ~ '(降低|下降|减少|缩小|压减|降至|降到|控制在)' then 'DOWN'
    when coalesce(source_text, '') ~ '(提高|提升|增加|增长|升至|扩大|达到|超过|突破|保持|稳定|维持)' then 'UP'
    when baseline_value is not null and target_value < baseline_value then 'DOWN'
    when baseline_value is not null and target_value = baseline_value then 'HOLD'
    else 'UP'
end;

alter table plan_indicator alter column direction set not null;
alter table plan_indicator add constraint plan_indicator_direction_check check (direction in ('UP', 'DOWN', 'HOLD'));
