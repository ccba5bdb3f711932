package org.luoshi.task.tracking.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.plan.domain.PlanStatus;
import org.luoshi.task.shared.domain.RuleViolation;

/** A task of a plan, led by one department (牵头单位). */
@Entity
@Table(name = "plan_task")
public class PlanTask {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    /**
     * The plan, read only (written through {@link #planId}): whether the task is still the supervising office's
     * working copy depends on its status. Null for a task created in this transaction.
     */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_id", insertable = false, updatable = false)
    public Plan plan;

    @Column(nullable = false)
    public String title;

    @Column(name = "lead_department_code")
    public String leadDepartmentCode;

    /** A task starts as a draft; only the transitions below move it. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status = TaskStatus.DRAFT;

    @Column(name = "accepted_by")
    public String acceptedBy;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    /** The section it comes from; null for a task added outside the plan's text. */
    @Column(name = "section_id")
    public Long sectionId;

    /** Position within its section, from 1. */
    public Integer ordinal;

    /** The paragraph of the plan this task was split from, kept whole. */
    @Column(name = "source_text")
    public String sourceText;

    /** 完成时限. */
    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    /** 配合单位. */
    @ElementCollection
    @CollectionTable(name = "task_co_department", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "department_code")
    public Set<String> coDepartmentCodes = new TreeSet<>();

    @OneToMany(mappedBy = "task", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("ordinal")
    public List<Milestone> milestones = new ArrayList<>();

    @Version
    public int version;

    /**
     * Whether the task belongs to a plan not yet confirmed. A task whose plan is not loaded (created in this
     * transaction) counts as a draft's: its visibility is never widened by not knowing.
     */
    public boolean inDraftPlan() {
        return plan == null || plan.status == PlanStatus.DRAFT;
    }

    public boolean involves(String departmentCode) {
        return departmentCode.equals(leadDepartmentCode) || coDepartmentCodes.contains(departmentCode);
    }

    public Milestone addMilestone(String title, LocalDate dueDate, String deliverable, BigDecimal weight) {
        return addMilestone(milestones.stream().mapToInt(m -> m.ordinal).max().orElse(0) + 1, title, dueDate, deliverable,
                weight);
    }

    /**
     * {@link #addMilestone} at an ordinal the caller read from the database (one past the highest), so that adding a
     * milestone does not load the task's others: the collection takes the new one without being read.
     */
    public Milestone addMilestone(int ordinal, String title, LocalDate dueDate, String deliverable, BigDecimal weight) {
        Milestone milestone = new Milestone();
        milestone.task = this;
        milestone.ordinal = ordinal;
        milestone.title = title;
        milestone.dueDate = dueDate;
        milestone.deliverable = deliverable;
        milestone.weight = weight == null ? BigDecimal.ONE : weight;
        milestones.add(milestone);
        return milestone;
    }

    /**
     * 交办 the lead: a draft becomes assigned once a department leads it; a task further along keeps its status
     * (changing the lead of an accepted task does not undo the acceptance).
     */
    public void assignLead(String departmentCode) {
        if (departmentCode == null) {
            throw new RuleViolation("task.lead-required", "task " + id + " needs a lead department to be assigned");
        }
        this.leadDepartmentCode = departmentCode;
        if (status == TaskStatus.DRAFT) {
            status = TaskStatus.ASSIGNED;
        }
    }

    /** 交办 in full: the lead, the co-departments (the lead is not also its own co-department) and the due date. */
    public void assign(String lead, Collection<String> coDepartments, LocalDate due) {
        assignLead(lead);
        coDepartmentCodes.clear();
        if (coDepartments != null) {
            coDepartments.stream().filter(c -> !c.equals(lead)).forEach(coDepartmentCodes::add);
        }
        dueDate = due;
    }

    /**
     * 改派: the department it was assigned to returned it, and another one is asked to lead it; it waits for that
     * department's acceptance. Only a task still waiting to be accepted is handed on.
     */
    public void reassignTo(String departmentCode) {
        requireWaitingForAcceptance();
        this.leadDepartmentCode = departmentCode;
        this.coDepartmentCodes.remove(departmentCode);
        this.status = TaskStatus.ASSIGNED;
    }

    /**
     * 撤回: the assignment of a returned task is withdrawn; the task is nobody's until the supervising office assigns
     * it again.
     */
    public void withdrawAssignment() {
        requireWaitingForAcceptance();
        this.leadDepartmentCode = null;
        this.coDepartmentCodes.clear();
        this.status = TaskStatus.DRAFT;
    }

    private void requireWaitingForAcceptance() {
        if (status != TaskStatus.ASSIGNED) {
            throw new RuleViolation("task.not-waiting-for-acceptance", "task " + id + " is " + status
                    + ", not waiting to be accepted");
        }
    }

    /** The stable code of a 409 refusing to start tracking a milestone of a task that has no department working on it. */
    public static final String NOT_TRACKABLE = "task.not-trackable";

    /**
     * A milestone is tracked (节点填报与审核) only on a task some department leads: its process asks that department
     * for the report. A draft (never assigned, or withdrawn) has none. A completed task takes a new tracked milestone,
     * as it takes a new milestone (the two-step path, add then track, allows it too).
     */
    public void requireTrackable() {
        if (leadDepartmentCode == null || status == TaskStatus.DRAFT) {
            throw new RuleViolation(NOT_TRACKABLE, "task " + id + " is " + status
                    + (leadDepartmentCode == null ? " without a lead department" : "")
                    + ": only a task some department leads has its milestones tracked; assign it first");
        }
    }

    /** A task accepted (or completed) already cannot be accepted again: the same rule for the acceptance and its check. */
    public void requireAcceptable() {
        if (status == TaskStatus.ACCEPTED || status == TaskStatus.COMPLETED) {
            throw new RuleViolation("task.already-accepted", "task " + id + " was already accepted by " + leadDepartmentCode);
        }
    }

    /** The lead department takes the task on: from then on it is theirs to implement. Once only. */
    public void acceptBy(String departmentCode, String username, Instant at) {
        requireAcceptable();
        this.leadDepartmentCode = departmentCode;
        this.status = TaskStatus.ACCEPTED;
        this.acceptedBy = username;
        this.acceptedAt = at;
    }

    /**
     * A task is completed with its last milestone, on the day the last one was done. Answers whether it is now
     * completed; a task with an open milestone (or none) stays as it is.
     */
    public boolean completeIfAllMilestonesDone() {
        return completeIfNoneOpen(milestones.size(), milestones.stream().filter(m -> !m.isDone()).count(),
                milestones.stream().filter(Milestone::isDone).map(m -> m.completedOn).max(Comparator.naturalOrder())
                        .orElse(null));
    }

    /**
     * {@link #completeIfAllMilestonesDone} from the figures of the task's milestones (how many, how many not done, the
     * day the last one was done), for a caller that counted them in the database instead of loading them all.
     */
    public boolean completeIfNoneOpen(long milestoneCount, long openMilestones, java.time.LocalDate lastDoneOn) {
        if (milestoneCount == 0 || openMilestones > 0) {
            return false;
        }
        status = TaskStatus.COMPLETED;
        completedOn = java.util.Objects.requireNonNull(lastDoneOn, "the day the last milestone was done");
        return true;
    }

    /**
     * A new task of the plan that succeeds this one, continuing this unfinished task: the same title and plan text, a
     * draft of the new plan for the supervising office to assign there (its lead, dates and milestones are the new
     * plan's). Where it came from is recorded by the succession context.
     */
    public PlanTask carryInto(long successorPlanId) {
        if (status == TaskStatus.COMPLETED) {
            throw new RuleViolation("task.completed", "task " + id + " is completed: only an unfinished task is carried over");
        }
        PlanTask next = new PlanTask();
        next.planId = successorPlanId;
        next.title = title;
        next.sourceText = sourceText;
        return next;
    }
}
