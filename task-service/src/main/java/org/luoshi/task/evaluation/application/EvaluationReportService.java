package org.luoshi.task.evaluation.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.evaluation.api.EvaluationReportDownload;
import org.luoshi.task.evaluation.api.EvaluationReportView;
import org.luoshi.task.evaluation.api.EvaluationSnapshot;
import org.luoshi.task.evaluation.api.EvaluationTransition;
import org.luoshi.task.evaluation.api.EvaluationView;
import org.luoshi.task.evaluation.domain.Evaluation;
import org.luoshi.task.evaluation.domain.EvaluationAccessPolicy;
import org.luoshi.task.evaluation.domain.EvaluationReport;
import org.luoshi.task.evaluation.domain.EvaluationStatus;
import org.luoshi.task.evaluation.domain.ReportFormat;
import org.luoshi.task.evaluation.persistence.EvaluationReportRepository;
import org.luoshi.task.evaluation.persistence.EvaluationScoreRepository;
import org.luoshi.task.evaluation.persistence.EvaluationSelfAssessmentRepository;
import org.luoshi.task.evaluation.report.AssessmentReportModel;
import org.luoshi.task.evaluation.report.AssessmentReportRenderer;
import org.luoshi.task.evaluation.report.RenderedReport;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.domain.Caller;

/**
 * The assessment report (评估报告): generated from the frozen snapshot and the evaluation's own data only, rendered as
 * .docx and .pdf, kept with the SHA-256 of each file and of the snapshot; and the publication of the approved report.
 */
@ApplicationScoped
public class EvaluationReportService {
    private static final Logger LOG = Logger.getLogger(EvaluationReportService.class);

    @Inject
    EvaluationService evaluations;

    @Inject
    EvaluationReportRepository reports;

    @Inject
    EvaluationSelfAssessmentRepository selfAssessments;

    @Inject
    EvaluationScoreRepository scores;

    @Inject
    EvaluationSnapshots snapshots;

    @Inject
    org.luoshi.task.shared.application.BusinessCalendar calendar;

    @Inject
    AssessmentReportRenderer renderer;

    @Inject
    Event<EvaluationPublished> published;

    @Inject
    CallerFactory callers;

    @Inject
    AuditLog audit;

    /** What the report of the evaluation shows, built from its snapshot and its own data. */
    @Transactional
    public AssessmentReportModel model(long id) {
        return model(evaluations.visible(id, callers.current(), false));
    }

    private AssessmentReportModel model(Evaluation evaluation) {
        EvaluationSnapshot snapshot = snapshots.read(evaluation.snapshot);
        return AssessmentReports.model(evaluation, snapshot, evaluations.rubricOf(evaluation),
                selfAssessments.ofEvaluation(evaluation.id), scores.ofEvaluation(evaluation.id), calendar::dayOf);
    }

    /** Renders the report now; unchanged inputs give byte-identical files. */
    @Transactional
    public List<EvaluationReportView> generate(long id) {
        Caller caller = callers.current();
        Evaluation evaluation = evaluations.ownWork(id, caller, null);
        evaluation.requireEditable("the report");
        RenderedReport rendered = renderer.render(model(evaluation));
        List<EvaluationReportView> before = list(evaluation);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        store(evaluation, ReportFormat.DOCX, rendered.docx(), caller, now);
        store(evaluation, ReportFormat.PDF, rendered.pdf(), caller, now);
        reports.flush();
        List<EvaluationReportView> after = list(evaluation);
        audit.record("evaluation.report-generated", "evaluation", id, before.isEmpty() ? null : before, after);
        LOG.infof("%s generated the report of evaluation %d: docx %s, pdf %s (snapshot %s)", caller.username(), id,
                after.get(0).sha256(), after.get(1).sha256(), evaluation.snapshotSha256);
        return after;
    }

    @Transactional
    public List<EvaluationReportView> list(long id) {
        return list(readable(id));
    }

    @Transactional
    public EvaluationReportDownload download(long id, ReportFormat format) {
        Evaluation evaluation = readable(id);
        EvaluationReport report = reports.findById(new EvaluationReport.Key(id, format));
        if (report == null) {
            throw new ResourceNotFoundException(format.extension() + " report of evaluation", id);
        }
        return new EvaluationReportDownload(fileName(evaluation, format), format.mediaType(), report.content);
    }

    /**
     * Publishes the approved report: disclosure, observing {@link EvaluationPublished} in this
     * transaction, makes both files public with a status snapshot, so both succeed or fail together. A repeat changes
     * nothing and publishes nothing again.
     */
    @Transactional
    public EvaluationView publish(long id, EvaluationTransition request) {
        Caller caller = callers.current();
        Evaluation evaluation = evaluations.visible(id, caller, true);
        if (evaluation.status == EvaluationStatus.PUBLISHED) {
            LOG.infof("%s repeated the publication of evaluation %d: already published", caller.username(), id);
            return evaluations.view(evaluation);
        }
        List<EvaluationReport> files = reports.ofEvaluation(id);
        EvaluationView before = evaluations.view(evaluation);
        String by = EvaluationService.by(request, caller);
        evaluation.publish(files.size() == ReportFormat.values().length, by, Instant.now().truncatedTo(ChronoUnit.MICROS));
        reports.flush();
        EvaluationView after = evaluations.view(evaluation);
        audit.record("evaluation.published", "evaluation", id, before, after);
        published.fire(new EvaluationPublished(evaluation.planId, id, title(evaluation),
                evaluation.snapshotDate, by, files.stream()
                        .map(f -> new EvaluationPublished.ReportFile(fileName(evaluation, f.format),
                                f.format.mediaType(), f.content, f.sha256))
                        .toList()));
        LOG.infof("%s published evaluation %d (by %s)", caller.username(), id, by);
        return after;
    }

    private Evaluation readable(long id) {
        Caller caller = callers.current();
        Evaluation evaluation = evaluations.visible(id, caller, false);
        if (!EvaluationAccessPolicy.canSeeEvidenceBase(caller, evaluation)) {
            throw new ResourceNotFoundException("reports of evaluation", id);
        }
        return evaluation;
    }

    private void store(Evaluation evaluation, ReportFormat format, byte[] content, Caller caller, Instant now) {
        if (content == null || content.length == 0) {
            throw new IllegalStateException("the renderer gave an empty " + format + " file");
        }
        EvaluationReport report = reports.findById(new EvaluationReport.Key(evaluation.id, format));
        boolean fresh = report == null;
        if (fresh) {
            report = new EvaluationReport();
            report.evaluationId = evaluation.id;
            report.format = format;
        }
        report.content = content;
        report.size = content.length;
        report.sha256 = EvaluationSnapshots.sha256(content);
        report.snapshotSha256 = evaluation.snapshotSha256;
        report.inputsRevision = evaluation.inputsRevision;
        report.generatedAt = now;
        report.generatedBy = caller.username();
        if (fresh) {
            reports.persist(report);
        }
    }

    private List<EvaluationReportView> list(Evaluation evaluation) {
        return reports.ofEvaluation(evaluation.id).stream()
                .map(r -> new EvaluationReportView(r.evaluationId, r.format, fileName(evaluation, r.format),
                        r.format.mediaType(), r.size, r.sha256, r.snapshotSha256,
                        r.inputsRevision == evaluation.inputsRevision, r.generatedAt, r.generatedBy))
                .toList();
    }

    private String title(Evaluation evaluation) {
        return snapshots.read(evaluation.snapshot).plan().title() + evaluation.kind.reportTitle();
    }

    private String fileName(Evaluation evaluation, ReportFormat format) {
        return "evaluation-" + evaluation.id + "-" + evaluation.kind.name().toLowerCase().replace('_', '-') + "."
                + format.extension();
    }
}
