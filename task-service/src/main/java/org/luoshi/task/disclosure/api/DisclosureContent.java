package org.luoshi.task.disclosure.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.luoshi.task.disclosure.domain.DisclosureTrigger;

/**
 * What a published status snapshot says, frozen as JSON text when it is published. Only what the public may see:
 * counts and shares, the indicators, the published documents — no task texts, comments, names of staff, evidence
 * or anything not yet published. The rows of {@link #chapters}, {@link #departments} and {@link #indicators} are
 * the open-data tables (with snapshotId, planId and asOf in front), described field by field by
 * {@link OpenDataSchema}. {@link #proposalDecisions} are the supervising office's decisions on the proposals
 * (调整建议) raised by the plan's approved evaluations, as of publication.
 *
 * @param schemaVersion the version of this layout; a new field or meaning raises it
 */
public record DisclosureContent(int schemaVersion, long snapshotId, PublicPlan plan, LocalDate asOf, Instant publishedAt,
        DisclosureTrigger trigger, EvaluationRef evaluation, Progress overall, List<ChapterProgress> chapters,
        List<DepartmentProgress> departments, List<IndicatorStatus> indicators, List<DocumentRef> documents,
        List<ProposalDecisionRef> proposalDecisions) {

    /** 2: proposalDecisions added. */
    public static final int SCHEMA_VERSION = 2;

    public record PublicPlan(long id, String title, List<String> issuingBodies, int periodStart, int periodEnd) {
    }

    /** The evaluation whose publication published this snapshot. */
    public record EvaluationRef(long id, String title, LocalDate asOf) {
    }

    public record Progress(int tasks, int completed, BigDecimal completionPercent, int green, int yellow, int red,
            int none, int milestones, int milestonesDone) {
    }

    /** chapterNumber is the plan's (一、二…); null for tasks added outside the plan's text. */
    public record ChapterProgress(String chapterNumber, String chapterTitle, int tasks, int completed,
            BigDecimal completionPercent, int green, int yellow, int red, int none, int milestones, int milestonesDone) {
    }

    /** departmentCode is null for tasks not assigned yet (未交办). */
    public record DepartmentProgress(String departmentCode, String departmentName, int tasks, int completed,
            BigDecimal completionPercent, int green, int yellow, int red, int none, int milestones, int milestonesDone) {
    }

    public record IndicatorStatus(int ordinal, String name, String unit, String kind, Integer baselineYear,
            BigDecimal baselineValue, int originalTargetYear, BigDecimal originalTargetValue, String originalComparison,
            boolean targetAdjusted, Integer adjustedTargetYear, BigDecimal adjustedTargetValue, String adjustedComparison,
            String responsibleDepartmentCode, String responsibleDepartmentName, Integer latestYear,
            BigDecimal latestValue, String latestRevision, BigDecimal progressPercent, String status, String statusLabel) {
    }

    /** A published document, downloadable at {@code href}. */
    public record DocumentRef(long documentId, String title, String filename, String mediaType, long size,
            String sha256, Long evaluationId, Instant publishedAt, String href) {
    }

    /**
     * A decision on an evaluation's proposal: the finding (as the published report says it), what it named, the
     * decision with its reason, the office that took it, and the task revisions the 动态调整 it started applied.
     */
    public record ProposalDecisionRef(long proposalId, long evaluationId, String evaluationTitle, int findingOrdinal,
            String finding, String taskReference, String indicatorName, String decision, String decisionLabel,
            String reason, String decidedBy, Instant decidedAt, String adjustedTaskReference,
            List<AdjustmentRef> adjustmentsFollowed) {
    }

    /** One applied revision of the adjusted task: its number, when, and its due date before and after. */
    public record AdjustmentRef(int revision, Instant recordedAt, LocalDate dueDateBefore, LocalDate dueDateAfter) {
    }
}
