package org.luoshi.task.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A task of a plan, led by one department (牵头单位). */
@Entity
@Table(name = "plan_task")
public class PlanTask {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(nullable = false)
    public String title;

    @Column(name = "lead_department_code")
    public String leadDepartmentCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

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

    public boolean involves(String departmentCode) {
        return departmentCode.equals(leadDepartmentCode) || coDepartmentCodes.contains(departmentCode);
    }

    public Milestone addMilestone(String title, LocalDate dueDate, String deliverable, BigDecimal weight) {
        Milestone milestone = new Milestone();
        milestone.task = this;
        milestone.ordinal = milestones.stream().mapToInt(m -> m.ordinal).max().orElse(0) + 1;
        milestone.title = title;
        milestone.dueDate = dueDate;
        milestone.deliverable = deliverable;
        milestone.weight = weight == null ? BigDecimal.ONE : weight;
        milestones.add(milestone);
        return milestone;
    }

    /** 改派: another department is asked to lead it; it waits for that department's acceptance. */
    public void reassignTo(String departmentCode) {
        this.leadDepartmentCode = departmentCode;
        this.coDepartmentCodes.remove(departmentCode);
        this.status = TaskStatus.ASSIGNED;
    }

    /** 撤回: the assignment is withdrawn; the task is nobody's until the supervising office assigns it again. */
    public void withdrawAssignment() {
        this.leadDepartmentCode = null;
        this.coDepartmentCodes.clear();
        this.status = TaskStatus.DRAFT;
    }

    /** The lead department takes the task on: from then on it is theirs to implement. */
    public void acceptBy(String departmentCode, String username, Instant at) {
        this.leadDepartmentCode = departmentCode;
        this.status = TaskStatus.ACCEPTED;
        this.acceptedBy = username;
        this.acceptedAt = at;
    }
}
