package org.luoshi.task.plan.importing.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.common.problem.ContentTooLargeException;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.indicator.application.IndicatorService;
import org.luoshi.task.indicator.domain.DirectionDefaults;
import org.luoshi.task.indicator.domain.PlanIndicator;
import org.luoshi.task.plan.api.PlanView;
import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.plan.domain.PlanChapter;
import org.luoshi.task.plan.domain.PlanSection;
import org.luoshi.task.plan.importing.api.ImportPreview;
import org.luoshi.task.plan.importing.api.ImportResult;
import org.luoshi.task.plan.importing.domain.ParsedChapter;
import org.luoshi.task.plan.importing.domain.ParsedIndicator;
import org.luoshi.task.plan.importing.domain.ParsedParagraph;
import org.luoshi.task.plan.importing.domain.ParsedPlan;
import org.luoshi.task.plan.importing.domain.ParsedSection;
import org.luoshi.task.plan.importing.domain.PlanDocumentException;
import org.luoshi.task.plan.importing.domain.PlanDocumentParser;
import org.luoshi.task.plan.persistence.ChapterRepository;
import org.luoshi.task.plan.persistence.PlanRepository;
import org.luoshi.task.plan.persistence.SectionRepository;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.domain.Caller;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.persistence.TaskRepository;

/**
 * Turns a published plan document into a draft plan: its chapters and sections, one task per paragraph of the
 * task chapters (linked to its source text), the context chapters' text kept as context, and the indicators of
 * its goals. The document's SHA-256 identifies it: importing it again finds the earlier plan and changes nothing.
 */
@ApplicationScoped
public class PlanImportService {
    private static final Logger LOG = Logger.getLogger(PlanImportService.class);
    /** Plan documents are tens to hundreds of kilobytes; anything far larger is not one. */
    public static final int MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

    private final PlanDocumentParser parser = new PlanDocumentParser();

    @Inject
    PlanRepository plans;

    @Inject
    org.luoshi.task.plan.application.PlanService planService;

    @Inject
    ChapterRepository chapters;

    @Inject
    SectionRepository sections;

    @Inject
    TaskRepository tasks;

    @Inject
    IndicatorService indicators;

    @Inject
    CallerFactory callers;

    @Inject
    AuditLog audit;

    /** Dry run: what an import would create, touching nothing. */
    public ImportPreview preview(byte[] document, Integer periodStart, Integer periodEnd) {
        ParsedPlan parsed = parse(document);
        return preview(parsed, existing(parsed), periodStart, periodEnd);
    }

    @Transactional
    public ImportResult importDraft(byte[] document, String sourceName, Integer periodStart, Integer periodEnd) {
        return importDraft(document, sourceName, periodStart, periodEnd, null);
    }

    /** The import, linking the new plan at once to the plan it succeeds when {@code predecessorId} is given. */
    @Transactional
    public ImportResult importDraft(byte[] document, String sourceName, Integer periodStart, Integer periodEnd,
            Long predecessorId) {
        Caller caller = callers.current();
        ParsedPlan parsed = parse(document);
        Plan earlier = existing(parsed);
        if (earlier != null) {
            LOG.infof("%s imported '%s' again: it is plan %d already, nothing changed", caller.username(), parsed.title(),
                    earlier.id);
            if (predecessorId != null) {
                planService.link(earlier, predecessorId, caller);
            }
            return new ImportResult(PlanView.of(earlier), false, preview(parsed, earlier, periodStart, periodEnd));
        }
        int[] period = period(parsed, periodStart, periodEnd);
        Plan plan = new Plan();
        plan.title = parsed.title();
        plan.issuingBodies = new ArrayList<>(parsed.issuingBodies().isEmpty() ? List.of("（未注明）") : parsed.issuingBodies());
        plan.periodStart = period[0];
        plan.periodEnd = period[1];
        plan.issuedOn = parsed.issuedOn();
        plan.sourceSha256 = parsed.sourceSha256();
        plan.sourceName = sourceName == null || sourceName.isBlank() ? null : sourceName.strip();
        plan.preamble = joined(parsed.preamble());
        plan.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        plan.createdBy = caller.username();
        plans.persist(plan);
        if (predecessorId != null) {
            planService.link(plan, predecessorId, caller);
        }
        int taskCount = 0;
        for (ParsedChapter pc : parsed.chapters()) {
            PlanChapter chapter = new PlanChapter();
            chapter.planId = plan.id;
            chapter.ordinal = pc.ordinal();
            chapter.number = pc.number();
            chapter.title = pc.title();
            chapter.context = pc.context();
            chapter.introduction = joined(pc.introduction());
            chapters.persist(chapter);
            for (ParsedSection ps : pc.sections()) {
                PlanSection section = new PlanSection();
                section.chapterId = chapter.id;
                section.ordinal = ps.ordinal();
                section.number = ps.number();
                section.title = ps.title();
                if (pc.context()) {
                    section.contextText = joined(ps.paragraphs().stream().map(ParsedParagraph::text).toList());
                }
                sections.persist(section);
                if (!pc.context()) {
                    for (ParsedParagraph paragraph : ps.paragraphs()) {
                        PlanTask task = new PlanTask();
                        task.planId = plan.id;
                        task.sectionId = section.id;
                        task.ordinal = paragraph.ordinal();
                        task.title = paragraph.taskTitle();
                        task.sourceText = paragraph.text();
                        tasks.persist(task);
                        taskCount++;
                    }
                }
            }
        }
        indicators.createFromDocument(plan.id, parsed.indicators().stream().map(PlanImportService::indicator).toList());
        plans.flush();
        audit.record("plan.imported", "plan", plan.id, null, java.util.Map.of("plan", PlanView.of(plan), "chapters",
                parsed.chapters().size(), "tasks", taskCount, "indicators", parsed.indicators().size(), "sourceSha256",
                parsed.sourceSha256()));
        LOG.infof("%s imported '%s' as draft plan %d: %d chapters, %d tasks, %d indicators", caller.username(), plan.title,
                plan.id, parsed.chapters().size(), taskCount, parsed.indicators().size());
        return new ImportResult(PlanView.of(plan), true, preview(parsed, plan, periodStart, periodEnd));
    }

    private ParsedPlan parse(byte[] document) {
        if (document == null || document.length == 0) {
            throw new PlanDocumentException("文件为空。The document is empty.");
        }
        if (document.length > MAX_DOCUMENT_BYTES) {
            throw new ContentTooLargeException("document", "文件过大（上限 5 MB）。The document has " + document.length
                    + " bytes; a plan document may have at most 5 MB.");
        }
        return parser.parse(document);
    }

    private Plan existing(ParsedPlan parsed) {
        return plans.find("sourceSha256", parsed.sourceSha256()).firstResult();
    }

    private static int[] period(ParsedPlan parsed, Integer start, Integer end) {
        Integer s = start != null ? start : parsed.periodStart();
        Integer e = end != null ? end : parsed.periodEnd();
        if (s == null || e == null) {
            throw new PlanDocumentException("未能从文件中识别规划期（如“十四五”或2021—2025年），请以 periodStart 和 periodEnd 参数注明。"
                    + " No plan period found in the document; give periodStart and periodEnd.");
        }
        if (e < s) {
            throw new PlanDocumentException("规划期结束年份早于开始年份。The period ends before it starts.");
        }
        return new int[] { s, e };
    }

    private static ImportPreview preview(ParsedPlan parsed, Plan existing, Integer periodStart, Integer periodEnd) {
        List<ImportPreview.Chapter> outline = parsed.chapters().stream()
                .map(c -> new ImportPreview.Chapter(c.number(), c.title(), c.context(), c.sections().stream()
                        .map(s -> new ImportPreview.Section(s.number(), s.title(),
                                c.context() ? List.of() : s.paragraphs().stream().map(ParsedParagraph::taskTitle).toList(),
                                c.context() ? s.paragraphs().size() : 0))
                        .toList()))
                .toList();
        int sectionCount = parsed.chapters().stream().mapToInt(c -> c.sections().size()).sum();
        int taskCount = parsed.chapters().stream().filter(c -> !c.context())
                .flatMap(c -> c.sections().stream()).mapToInt(s -> s.paragraphs().size()).sum();
        List<ImportPreview.Indicator> indicatorViews = parsed.indicators().stream()
                .map(i -> new ImportPreview.Indicator(i.name(), i.unit(), i.kind().name(), i.baselineYear(), i.baselineValue(),
                        i.targetYear(), i.targetValue(), i.comparison().name(),
                        DirectionDefaults.of(i.comparison(), i.name(), i.sourceText(), usableBaseline(i), i.targetValue()).name(),
                        i.sourceText()))
                .toList();
        return new ImportPreview(parsed.title(), parsed.issuingBodies(),
                periodStart != null ? periodStart : parsed.periodStart(), periodEnd != null ? periodEnd : parsed.periodEnd(),
                parsed.issuedOn(), parsed.sourceSha256(), existing == null ? null : existing.id, parsed.chapters().size(),
                sectionCount, taskCount, outline, indicatorViews);
    }

    /** An indicator as the document states it; a baseline counts only when it comes before the target year. */
    private static PlanIndicator indicator(ParsedIndicator p) {
        PlanIndicator indicator = new PlanIndicator();
        indicator.name = p.name();
        indicator.unit = p.unit();
        indicator.kind = p.kind();
        boolean usableBaseline = p.baselineYear() != null && p.baselineValue() != null && p.baselineYear() < p.targetYear();
        indicator.baselineYear = usableBaseline ? p.baselineYear() : null;
        indicator.baselineValue = usableBaseline ? p.baselineValue() : null;
        indicator.targetYear = p.targetYear();
        indicator.targetValue = p.targetValue();
        indicator.comparison = p.comparison();
        indicator.sourceText = p.sourceText();
        indicator.direction = DirectionDefaults.of(p.comparison(), p.name(), p.sourceText(), indicator.baselineValue,
                p.targetValue());
        return indicator;
    }

    private static String joined(List<String> paragraphs) {
        return paragraphs == null || paragraphs.isEmpty() ? null : String.join("\n\n", paragraphs);
    }

    /** The baseline value the indicator will be stored with: only one before its target year. */
    private static BigDecimal usableBaseline(ParsedIndicator i) {
        return i.baselineYear() != null && i.baselineValue() != null && i.baselineYear() < i.targetYear() ? i.baselineValue()
                : null;
    }
}
