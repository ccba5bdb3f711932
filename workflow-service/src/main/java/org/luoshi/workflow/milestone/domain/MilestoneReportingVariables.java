package org.luoshi.workflow.milestone.domain;

import static org.luoshi.workflow.milestone.domain.MilestoneReportingProcess.*;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.luoshi.workflow.shared.ProcessValues;

/**
 * The variables of one 节点填报与审核 instance (and of a 配合单位报送 execution inside it), typed.
 * The one place that reads them by name and type; names and meanings are in {@link MilestoneReportingProcess}. A variable not
 * (yet) set is null.
 */
public record MilestoneReportingVariables(
        Long taskId,
        String taskTitle,
        Long milestoneId,
        String milestoneTitle,
        String dueDate,
        String leadDepartmentCode,
        List<String> coDepartmentCodes,
        String coDepartmentCode,
        Date ladderArmedAt,
        Map<String, String> milestoneDueDates,
        String subText,
        Integer subPercent,
        List<Long> subEvidenceIds,
        String subSubmittedBy,
        String subReportRefusal,
        List<Map<String, Object>> subReports,
        Integer reportRound,
        String reportKey,
        String reportText,
        Integer reportPercent,
        List<Long> reportEvidenceIds,
        List<String> reportConsolidates,
        String reportSubmittedBy,
        String reportRefusal,
        Map<String, Object> previousReport,
        String reviewDecision,
        String reviewComment,
        String reviewedBy,
        String reviewedOn,
        String decisionRefusal) {

    /** Reads every variable through the lookup ({@code execution::getVariable}, {@code variables::get}). */
    public static MilestoneReportingVariables of(Function<String, Object> v) {
        return new MilestoneReportingVariables(
                ProcessValues.asLong(v.apply(VAR_TASK_ID)),
                ProcessValues.asString(v.apply(VAR_TASK_TITLE)),
                ProcessValues.asLong(v.apply(VAR_MILESTONE_ID)),
                ProcessValues.asString(v.apply(VAR_MILESTONE_TITLE)),
                ProcessValues.asString(v.apply(VAR_DUE_DATE)),
                ProcessValues.asString(v.apply(VAR_LEAD_DEPARTMENT)),
                ProcessValues.strings(v.apply(VAR_CO_DEPARTMENTS)),
                ProcessValues.asString(v.apply(VAR_CO_DEPARTMENT)),
                (Date) v.apply(VAR_LADDER_ARMED_AT),
                jsonDates(v.apply(VAR_MILESTONE_DUE_DATES)),
                ProcessValues.asString(v.apply(VAR_SUB_TEXT)),
                ProcessValues.asInt(v.apply(VAR_SUB_PERCENT)),
                ProcessValues.longs(v.apply(VAR_SUB_EVIDENCE_IDS)),
                ProcessValues.asString(v.apply(VAR_SUB_SUBMITTED_BY)),
                ProcessValues.asString(v.apply(VAR_SUB_REPORT_REFUSAL)),
                ProcessValues.maps(v.apply(VAR_SUB_REPORTS)),
                ProcessValues.asInt(v.apply(VAR_REPORT_ROUND)),
                ProcessValues.asString(v.apply(VAR_REPORT_KEY)),
                ProcessValues.asString(v.apply(VAR_REPORT_TEXT)),
                ProcessValues.asInt(v.apply(VAR_REPORT_PERCENT)),
                ProcessValues.longs(v.apply(VAR_REPORT_EVIDENCE_IDS)),
                ProcessValues.strings(v.apply(VAR_REPORT_CONSOLIDATES)),
                ProcessValues.asString(v.apply(VAR_REPORT_SUBMITTED_BY)),
                ProcessValues.asString(v.apply(VAR_REPORT_REFUSAL)),
                map(v.apply(VAR_PREVIOUS_REPORT)),
                ProcessValues.asString(v.apply(VAR_REVIEW_DECISION)),
                ProcessValues.asString(v.apply(VAR_REVIEW_COMMENT)),
                ProcessValues.asString(v.apply(VAR_REVIEWED_BY)),
                ProcessValues.asString(v.apply(VAR_REVIEWED_ON)),
                ProcessValues.asString(v.apply(VAR_DECISION_REFUSAL)));
    }

    /**
     * The variables the engine keeps as JSON (lists and maps, through Spin): reading one costs a query for its byte
     * array and a parse, so a step that does not need them reads them not at all ({@link #withLists}).
     */
    public static final Set<String> JSON_VARIABLES = Set.of(VAR_CO_DEPARTMENTS, VAR_MILESTONE_DUE_DATES,
            VAR_SUB_EVIDENCE_IDS, VAR_SUB_REPORTS, VAR_REPORT_EVIDENCE_IDS, VAR_REPORT_CONSOLIDATES, VAR_PREVIOUS_REPORT);

    /**
     * Reads the plain variables and, of the {@link #JSON_VARIABLES}, only those named; the other JSON ones read as not
     * set (null, an empty list).
     */
    public static MilestoneReportingVariables withLists(Function<String, Object> v, String... jsonVariables) {
        Set<String> wanted = Set.of(jsonVariables);
        return of(name -> JSON_VARIABLES.contains(name) && !wanted.contains(name) ? null : v.apply(name));
    }

    /**
     * The key of the lead's last report: from its round (the key is a function of the instance and the round), else
     * the {@code reportKey} an older instance stored; null before the first report.
     */
    public String leadReportKey(String processInstanceId) {
        return reportRound != null ? MilestoneReportingProcess.leadReportKey(processInstanceId, reportRound) : reportKey;
    }

    /** Whether the supervising office approved the report under review. */
    public boolean approved() {
        return DECISION_APPROVE.equals(reviewDecision);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** {milestoneId → yyyy-MM-dd}: a map, or the JSON text of one when a message carried it as text. */
    private static Map<String, String> jsonDates(Object value) {
        if (value instanceof String json) {
            try {
                return ProcessValues.stringMap(JSON.readValue(json, Map.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(VAR_MILESTONE_DUE_DATES + " is not a JSON object: " + json, e);
            }
        }
        return ProcessValues.stringMap(value);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
}
