package org.luoshi.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.plan.domain.PlanStatus;
import org.luoshi.task.plan.persistence.PlanRepository;
import org.luoshi.task.tracking.domain.EvidenceFile;
import org.luoshi.task.tracking.domain.Milestone;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.domain.TaskStatus;
import org.luoshi.task.tracking.persistence.MilestoneRepository;
import org.luoshi.task.tracking.persistence.TaskRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Writes test data straight to the database, for tests whose caller may not create it through the API. */
@ApplicationScoped
public class Fixtures {
    @Inject
    PlanRepository plans;

    @Inject
    TaskRepository tasks;

    @Inject
    MilestoneRepository milestones;

    @Inject
    org.luoshi.task.tracking.persistence.EvidenceFileRepository evidence;

    /** An evidence file of the milestone, as if uploaded by its lead department. */
    public long evidence(long milestoneId, String fileName, byte[] content) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EvidenceFile f = new EvidenceFile();
            f.milestoneId = milestoneId;
            f.fileName = fileName;
            f.contentType = "application/pdf";
            f.size = content.length;
            f.sha256 = "0".repeat(64);
            f.content = content;
            f.uploadedBy = "fixtures";
            f.uploadedAt = Instant.now();
            evidence.persist(f);
            return f.id;
        });
    }

    /** A milestone of the task, due on the day given. */
    public long milestone(long taskId, String title, LocalDate dueDate) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PlanTask task = tasks.findById(taskId);
            Milestone milestone = task.addMilestone(title, dueDate, null, null);
            milestones.persist(milestone);
            return milestone.id;
        });
    }

    public long planInForce() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Plan plan = new Plan();
            plan.title = "测试规划 " + System.nanoTime();
            plan.issuingBodies.add("北京市人民政府");
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
        return assignedTask(planId, leadDepartment, List.of(), null, leadDepartment + " 的任务");
    }

    public long assignedTask(long planId, String leadDepartment, List<String> coDepartments, LocalDate dueDate, String title) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PlanTask task = new PlanTask();
            task.planId = planId;
            task.title = title;
            task.leadDepartmentCode = leadDepartment;
            task.coDepartmentCodes.addAll(coDepartments);
            task.dueDate = dueDate;
            task.status = TaskStatus.ASSIGNED;
            tasks.persist(task);
            return task.id;
        });
    }

    public long draftTask(long planId, String title) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PlanTask task = new PlanTask();
            task.planId = planId;
            task.title = title;
            task.status = TaskStatus.DRAFT;
            tasks.persist(task);
            return task.id;
        });
    }
}
