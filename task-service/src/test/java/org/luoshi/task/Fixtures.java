package org.luoshi.task;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.luoshi.task.domain.Plan;
import org.luoshi.task.domain.PlanStatus;
import org.luoshi.task.domain.PlanTask;
import org.luoshi.task.domain.TaskStatus;
import org.luoshi.task.repository.PlanRepository;
import org.luoshi.task.repository.TaskRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Writes test data straight to the database, for tests whose caller may not create it through the API. */
@ApplicationScoped
public class Fixtures {
    @Inject
    PlanRepository plans;

    @Inject
    TaskRepository tasks;

    public long planInForce() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Plan plan = new Plan();
            plan.title = "测试规划 " + System.nanoTime();
            plan.issuingBody = "北京市人民政府";
            plan.periodStart = 2021;
            plan.periodEnd = 2025;
            plan.status = PlanStatus.IN_FORCE;
            plan.createdAt = Instant.now();
            plan.createdBy = "fixtures";
            plans.persist(plan);
            return plan.id;
        });
    }

    public long assignedTask(long planId, String leadDepartment) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PlanTask task = new PlanTask();
            task.planId = planId;
            task.title = leadDepartment + " 的任务";
            task.leadDepartmentCode = leadDepartment;
            task.status = TaskStatus.ASSIGNED;
            tasks.persist(task);
            return task.id;
        });
    }
}
