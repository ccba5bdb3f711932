-- LOAD-TEST DATA for a test copy of the workflow database (never the demo's or a real one): 200,000 open 牵头单位填报 items
-- over 60 departments (haidian = li.na's, every 60th row, spread over the table as the bulk tracking writes them), 2,500
-- supervisor items of three kinds, 20,000 closed ones, shaped like InboxTaskListener's rows; the triggers write the offers.
-- Nothing stands behind them in the engine. Remove: delete from luoshi_inbox_item (on that copy only).
\set ON_ERROR_STOP on
insert into luoshi_inbox_item (task_id, process_instance_id, process_definition_key, business_key, activity_id, name,
    candidate_groups, created, due, plan_task_id, task_title, plan_section, department_code, milestone_title, status, updated)
select gen_random_uuid()::text, gen_random_uuid()::text, 'milestone-reporting',
       'milestone-' || (100000 + n) || '-' || gen_random_uuid(), 'submitReport', '牵头单位填报',
       array[case when n % 60 = 7 then 'haidian' else 'dept-' || lpad((n % 60)::text, 2, '0') end],
       now() - (n % 43200 || ' minutes')::interval,
       date_trunc('day', now()) + ((n * 7919 % 400 + 1) || ' days')::interval + interval '1 hour', 1000 + n / 10,
       '加快建设世界一流新型研发机构，持续支持新型研发机构发展，完善评价和支持机制 ' || (n / 10),
       '三（一）' || (n % 7), case when n % 60 = 7 then 'haidian' else 'dept-' || lpad((n % 60)::text, 2, '0') end,
       '节点 ' || n || '：完成年度评估报告并报送', 'OPEN', now()
  from generate_series(1, 200000) n;
insert into luoshi_inbox_item (task_id, process_instance_id, process_definition_key, business_key, activity_id, name,
    candidate_groups, created, due, plan_task_id, task_title, plan_section, department_code, milestone_title, status, updated)
select gen_random_uuid()::text, gen_random_uuid()::text,
       case when n % 4 = 0 then 'milestone-reporting' else 'task-adjustment' end,
       'sup-' || n || '-' || gen_random_uuid(),
       case when n % 4 = 0 then 'reviewReport' when n % 4 = 1 then 'reviewAdjustment' else 'approveAdjustment' end,
       '督查室审核', array['role:supervisor'], now() - (n || ' minutes')::interval,
       case when n % 5 = 0 then null else now() + ((n % 90 - 30) || ' days')::interval end, n, '任务 ' || n,
       '三（二）1', 'dept-01', '节点 ' || n, 'OPEN', now()
  from generate_series(1, 2500) n;
insert into luoshi_inbox_item (task_id, process_instance_id, process_definition_key, business_key, activity_id, name,
    candidate_groups, created, due, plan_task_id, task_title, plan_section, department_code, milestone_title, status,
    updated, ended, ended_by)
select gen_random_uuid()::text, gen_random_uuid()::text, 'milestone-reporting', 'closed-' || n, 'submitReport', '牵头单位填报',
       array['haidian'], now() - interval '400 days', now() - interval '300 days', n, '任务 ' || n, '三（一）1',
       'haidian', '节点 ' || n, 'COMPLETED', now(), now(), 'li.na'
  from generate_series(1, 20000) n;
vacuum analyze luoshi_inbox_item;
vacuum analyze luoshi_inbox_offer;
select status, count(*) from luoshi_inbox_item group by 1;
select group_code, count(*) from luoshi_inbox_offer where group_code in ('haidian','role:supervisor') group by 1;
