package org.luoshi.task.tracking.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.application.KeyedWrites;
import org.luoshi.task.shared.domain.Caller;
import org.luoshi.task.tracking.api.MilestoneReportView;
import org.luoshi.task.tracking.api.NewMilestoneReport;
import org.luoshi.task.tracking.api.ReportDecisionRequest;
import org.luoshi.task.tracking.domain.Milestone;
import org.luoshi.task.tracking.domain.MilestoneReport;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.domain.ReportDecision;
import org.luoshi.task.tracking.domain.ReportKind;
import org.luoshi.task.tracking.persistence.MilestoneReportRepository;

/**
 * 进展报告: reports on milestones and decisions on them, recorded by workflow-service under its own keys. A repeat
 * of the same key answers what was recorded and changes nothing, so a retried process step is harmless.
 */
@ApplicationScoped
public class MilestoneReportService {
    private static final Logger LOG = Logger.getLogger(MilestoneReportService.class);

    @Inject
    MilestoneReportRepository reports;

    @Inject
    MilestoneService milestones;

    @Inject
    EvidenceService evidence;

    @Inject
    CallerFactory callers;

    @Inject
    AuditLog audit;

    @Inject
    KeyedWrites keyedWrites;

    @Transactional
    public MilestoneReportView submit(long milestoneId, String reportKey, NewMilestoneReport request) {
        keyedWrites.open("reportKey", "milestone-report", reportKey);
        Caller caller = callers.current();
        Milestone milestone = milestones.visibleMilestone(milestoneId, caller);
        MilestoneReport earlier = reports.findById(reportKey);
        if (earlier != null) {
            if (!earlier.milestoneId.equals(milestone.id)) {
                throw new ConflictException("report key " + reportKey + " was already used for another milestone");
            }
            LOG.infof("%s repeated report %s on milestone %d: already recorded, nothing changed", caller.username(), reportKey,
                    milestoneId);
            return MilestoneReportView.of(earlier);
        }
        PlanTask task = milestone.task;
        List<Long> evidenceIds = request.evidenceIds() == null ? List.of() : request.evidenceIds();
        List<String> consolidates = request.consolidates() == null ? List.of() : request.consolidates();
        check(milestone, request);
        MilestoneReport report = new MilestoneReport();
        report.reportKey = reportKey;
        report.milestoneId = milestone.id;
        report.taskId = task.id;
        report.kind = request.kind();
        report.departmentCode = request.departmentCode();
        report.submittedBy = request.submittedBy().strip();
        report.submittedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        report.text = request.text().strip();
        report.percent = request.percent();
        report.evidenceIds.addAll(evidenceIds.stream().distinct().toList());
        report.consolidates.addAll(consolidates);
        reports.persistAndFlush(report);
        MilestoneReportView view = MilestoneReportView.of(report);
        audit.record("milestone-report.submitted", "milestone-report", reportKey, null, view);
        LOG.info(caller.username() + " recorded the " + report.kind + " report " + reportKey + " of " + report.departmentCode
                + " (" + report.submittedBy + ") on milestone " + milestoneId + ": " + report.percent + "%");
        return view;
    }

    /**
     * Answers whether {@link #submit} would record the report, without recording it: workflow-service calls it before
     * it accepts a 进展报告 (e.g. one citing evidence of another department's milestone), so that what task-service
     * would refuse is refused synchronously, naming the field.
     */
    @Transactional
    public void validate(long milestoneId, NewMilestoneReport request) {
        check(milestones.visibleMilestone(milestoneId, callers.current()), request);
    }

    /** The rules of a report: its department reports on the task, its evidence and consolidated reports are the milestone's. */
    private void check(Milestone milestone, NewMilestoneReport request) {
        PlanTask task = milestone.task;
        requireReportingDepartment(task, request.kind(), request.departmentCode());
        List<Long> evidenceIds = request.evidenceIds() == null ? List.of() : request.evidenceIds();
        // most reports cite no file: then the milestone's files are not read (twice per report: check, then record)
        Set<Long> ofMilestone = evidenceIds.isEmpty() ? Set.of()
                : evidence.ofMilestone(milestone.id).stream().map(e -> e.id).collect(Collectors.toSet());
        for (int i = 0; i < evidenceIds.size(); i++) {
            if (!ofMilestone.contains(evidenceIds.get(i))) {
                throw new InvalidFieldException("evidenceIds[" + i + "]",
                        "evidence " + evidenceIds.get(i) + " is not a file of milestone " + milestone.id);
            }
        }
        List<String> consolidates = request.consolidates() == null ? List.of() : request.consolidates();
        if (!consolidates.isEmpty() && request.kind() != ReportKind.LEAD) {
            throw new InvalidFieldException("consolidates", "only the lead department's report consolidates SUB reports");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < consolidates.size(); i++) {
            String key = consolidates.get(i);
            MilestoneReport sub = reports.findById(key);
            if (sub == null || !sub.milestoneId.equals(milestone.id) || sub.kind != ReportKind.SUB) {
                throw new InvalidFieldException("consolidates[" + i + "]", "'" + key + "' is not a SUB report of milestone "
                        + milestone.id);
            }
            if (!seen.add(key)) {
                throw new InvalidFieldException("consolidates[" + i + "]", "'" + key + "' is listed twice");
            }
        }
    }

    @Transactional
    public MilestoneReportView decide(String reportKey, ReportDecisionRequest request) {
        keyedWrites.open("reportKey", "milestone-report-decision", reportKey);
        Caller caller = callers.current();
        MilestoneReportRepository.WithMilestone found = reports.findWithListsAndMilestone(reportKey)
                .orElseThrow(() -> new ResourceNotFoundException("milestone report", reportKey));
        MilestoneReport report = found.report();
        Milestone milestone = MilestoneService.visible(found.milestone(), report.milestoneId, caller);
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (request.decision() == ReportDecision.REJECTED && comment == null) {
            throw new InvalidFieldException("comment", "a rejection must say why", ViolationCodes.REQUIRED);
        }
        if (report.decision() == request.decision()) {
            LOG.infof("%s repeated decision %s on report %s: already recorded, nothing changed", caller.username(),
                    request.decision(), reportKey);
            return MilestoneReportView.of(report);
        }
        MilestoneReportView before = MilestoneReportView.of(report);
        report.decide(request.decision(), request.decidedBy().strip(), request.decidedOn(), comment,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        reports.flush();
        MilestoneReportView after = MilestoneReportView.of(report);
        audit.record("milestone-report.decided", "milestone-report", reportKey, before, after);
        LOG.info(caller.username() + " recorded that " + report.decidedBy + " " + request.decision() + " report " + reportKey
                + " on milestone " + milestone.id);
        if (report.completesMilestone()) {
            milestones.markDone(milestone, request.decidedOn(), caller);
        }
        return after;
    }

    @Transactional
    public List<MilestoneReportView> list(long milestoneId) {
        Milestone milestone = milestones.visibleMilestone(milestoneId, callers.current());
        return reports.list("milestoneId = ?1 order by submittedAt desc, reportKey desc", milestone.id).stream()
                .map(MilestoneReportView::of).toList();
    }

    private static void requireReportingDepartment(PlanTask task, ReportKind kind, String department) {
        boolean fits = switch (kind) {
            case LEAD -> Objects.equals(task.leadDepartmentCode, department);
            case SUB -> task.coDepartmentCodes.contains(department);
        };
        if (!fits) {
            throw new InvalidFieldException("departmentCode", kind == ReportKind.LEAD
                    ? "'" + department + "' does not lead task " + task.id
                    : "'" + department + "' is not a co-department of task " + task.id);
        }
    }
}
