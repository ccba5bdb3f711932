package org.luoshi.task.disclosure.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.PreconditionFailedException;
import org.luoshi.common.problem.Versions;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.audit.domain.AuditPolicy;
import org.luoshi.task.disclosure.api.DisclosureContent;
import org.luoshi.task.disclosure.api.DisclosureScheduleUpdate;
import org.luoshi.task.disclosure.api.DisclosureScheduleView;
import org.luoshi.task.disclosure.api.DisclosureRecord;
import org.luoshi.task.disclosure.api.DisclosureSummary;
import org.luoshi.task.disclosure.domain.DisclosureSchedule;
import org.luoshi.task.disclosure.domain.DisclosureSnapshot;
import org.luoshi.task.disclosure.domain.DisclosureTrigger;
import org.luoshi.task.disclosure.domain.PublishedDocument;
import org.luoshi.task.disclosure.persistence.DisclosureScheduleRepository;
import org.luoshi.task.disclosure.persistence.DisclosureSnapshotRepository;
import org.luoshi.task.disclosure.persistence.PublishedDocumentRepository;
import org.luoshi.task.evaluation.application.EvaluationPublished;
import org.luoshi.task.plan.application.PlanService;
import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.plan.domain.PlanStatus;
import org.luoshi.task.plan.persistence.PlanRepository;
import org.luoshi.task.shared.application.BusinessCalendar;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.domain.Caller;
import org.luoshi.task.shared.persistence.IdempotencyLocks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * 定期向社会公布规划实施完成情况: publishes a plan's status as an immutable snapshot — now, on its schedule, or with an
 * evaluation's report — and keeps the schedule. Every publication and schedule change is in the audit log.
 */
@ApplicationScoped
public class DisclosureService {
    private static final Logger LOG = Logger.getLogger(DisclosureService.class);

    @Inject
    PlanService plans;

    @Inject
    IdempotencyLocks locks;

    @Inject
    PlanRepository planRepository;

    @Inject
    DisclosureSnapshotRepository snapshots;

    @Inject
    PublishedDocumentRepository documents;

    @Inject
    DisclosureScheduleRepository schedules;

    @Inject
    DisclosureContentBuilder builder;

    @Inject
    CallerFactory callers;

    @Inject
    AuditLog audit;

    @Inject
    BusinessCalendar calendar;

    @Inject
    ObjectMapper json;

    /** Plain numbers (8000, not 8E+3): the frozen text is read by people and spreadsheets as well as programs. */
    private ObjectMapper frozen;

    @PostConstruct
    void init() {
        frozen = json.copy().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /** The supervising office publishes the plan's status as of today. Only a confirmed plan is published. */
    @Transactional
    public DisclosureSummary publishNow(long planId) {
        Caller caller = callers.current();
        Plan plan = plans.visiblePlan(planId, caller);
        if (plan.status == PlanStatus.DRAFT) {
            throw new ConflictException("plan " + planId + " is a draft: only a confirmed plan's status is published");
        }
        DisclosureSnapshot snapshot = publish(plan, calendar.today(), DisclosureTrigger.MANUAL, null, null, caller.username());
        return summary(snapshot);
    }

    /** The plan's published snapshots, newest first, with who published them; none yet is an empty list. */
    @Transactional
    public List<DisclosureRecord> publishedOf(long planId) {
        plans.visiblePlan(planId, callers.current());
        return snapshots.ofPlanNewestFirst(planId).stream()
                .map(s -> new DisclosureRecord(s.id, s.planId, s.asOf, s.publishedAt, s.trigger, s.publishedBy,
                        s.evaluationId, s.sha256, DisclosureSummary.href(s.id)))
                .toList();
    }

    @Transactional
    public DisclosureScheduleView schedule(long planId) {
        Plan plan = plans.visiblePlan(planId, callers.current());
        return scheduleView(plan, schedules.findByIdOptional(planId).orElse(null), calendar.today());
    }

    /**
     * Sets how often the plan's status is published. Changing a schedule needs the version last read (If-Match);
     * the first one needs none.
     */
    @Transactional
    public DisclosureScheduleView setSchedule(long planId, String ifMatch, DisclosureScheduleUpdate update) {
        Caller caller = callers.current();
        Plan plan = plans.visiblePlan(planId, caller);
        Optional<DisclosureSchedule> existing = schedules.findByIdOptional(planId);
        DisclosureSchedule schedule;
        Map<String, Object> before = null;
        if (existing.isPresent()) {
            schedule = existing.get();
            int expected = Versions.required(ifMatch);
            if (schedule.version != expected) {
                throw new PreconditionFailedException("the disclosure schedule of plan " + planId + " changed since version "
                        + expected + "; it is now version " + schedule.version);
            }
            before = auditState(schedule);
        } else {
            schedule = new DisclosureSchedule();
            schedule.planId = planId;
        }
        schedule.interval = update.interval();
        schedule.enabled = update.enabled();
        schedule.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        schedule.updatedBy = caller.username();
        if (existing.isEmpty()) {
            schedules.persist(schedule);
        }
        schedules.flush();
        audit.record("disclosure-schedule.changed", "disclosure-schedule", planId, before, auditState(schedule));
        LOG.infof("%s set the disclosure schedule of plan %d: %s, %s", caller.username(), planId, schedule.interval,
                schedule.enabled ? "enabled" : "disabled");
        return scheduleView(plan, schedule, calendar.today());
    }

    /**
     * The regular disclosure's work on a day: publishes, for every plan in force whose schedule is enabled, a
     * snapshot for the period the day falls in unless the period has one. Each plan in its own transaction, so
     * one failure does not hold back the others. The scheduled job calls it with today; tests with any day.
     * Every node of task-service runs the job: a plan's period is claimed under a database lock and published by
     * whichever node takes it first; the others find the snapshot and skip it.
     *
     * @return the ids of the snapshots published
     */
    public List<Long> publishDue(LocalDate day) {
        List<DisclosureSchedule> due = QuarkusTransaction.requiringNew().call(() -> schedules.enabledInForce().stream()
                .filter(s -> snapshots.scheduledFor(s.planId, s.interval.periodOf(day)).isEmpty()).toList());
        List<Long> published = new ArrayList<>();
        for (DisclosureSchedule schedule : due) {
            try {
                QuarkusTransaction.requiringNew().call(() -> publishScheduled(schedule.planId, day)).ifPresent(published::add);
            } catch (RuntimeException e) {
                LOG.errorf(e, "the scheduled disclosure of plan %d for %s failed", schedule.planId, day);
            }
        }
        return published;
    }

    /** The snapshot's id, or empty when another node published the period first. */
    private Optional<Long> publishScheduled(long planId, LocalDate day) {
        DisclosureSchedule schedule = schedules.findById(planId);
        String period = schedule.interval.periodOf(day);
        // held until this transaction ends: a node that waited here reads the winner's snapshot below
        locks.lock("scheduled-disclosure", planId + "/" + period);
        if (snapshots.scheduledFor(planId, period).isPresent()) {
            LOG.infof("the scheduled status snapshot of plan %d for %s was published by another node", planId, period);
            return Optional.empty();
        }
        Plan plan = planRepository.findById(planId);
        DisclosureSnapshot snapshot = publish(plan, day, DisclosureTrigger.SCHEDULED, period, null, AuditPolicy.SYSTEM_ACTOR);
        LOG.infof("published the scheduled status snapshot %d of plan %d for %s", snapshot.id, planId, period);
        return Optional.of(snapshot.id);
    }

    /**
     * An approved evaluation is published: its report files become public documents and a status snapshot is
     * published that lists them, in the evaluation's transaction — both or neither. A repeat changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onEvaluationPublished(@Observes EvaluationPublished event) {
        if (snapshots.ofEvaluation(event.evaluationId()).isPresent()) {
            LOG.infof("evaluation %d was already disclosed", event.evaluationId());
            return;
        }
        Plan plan = planRepository.findByIdOptional(event.planId())
                .orElseThrow(() -> new IllegalStateException("evaluation " + event.evaluationId() + " names no plan " + event.planId()));
        if (plan.status == PlanStatus.DRAFT) {
            throw new ConflictException("plan " + plan.id + " is a draft: its evaluation cannot be published");
        }
        if (event.files() == null || event.files().isEmpty()) {
            throw new IllegalStateException("evaluation " + event.evaluationId() + " is published without a report file");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (EvaluationPublished.ReportFile file : event.files()) {
            String sha256 = sha256(file.content());
            if (!sha256.equalsIgnoreCase(file.sha256())) {
                throw new IllegalStateException("report file " + file.filename() + " of evaluation " + event.evaluationId()
                        + " does not have the SHA-256 the evaluation recorded");
            }
            PublishedDocument document = new PublishedDocument();
            document.planId = plan.id;
            document.evaluationId = event.evaluationId();
            document.title = event.title();
            document.filename = file.filename();
            document.mediaType = file.mediaType();
            document.size = file.content().length;
            document.sha256 = sha256;
            document.content = file.content();
            document.publishedAt = now;
            document.publishedBy = event.publishedBy();
            documents.persist(document);
            documents.flush();
            audit.record("document.published", "published-document", document.id, null,
                    DisclosureContentBuilder.ref(document));
        }
        DisclosureSnapshot snapshot = publish(plan, calendar.today(), DisclosureTrigger.EVALUATION, null,
                new DisclosureContent.EvaluationRef(event.evaluationId(), event.title(), event.asOf()), event.publishedBy());
        LOG.infof("evaluation %d of plan %d published with status snapshot %d and %d document(s)", event.evaluationId(),
                plan.id, snapshot.id, event.files().size());
    }

    private DisclosureSnapshot publish(Plan plan, LocalDate asOf, DisclosureTrigger trigger, String periodKey,
            DisclosureContent.EvaluationRef evaluation, String publishedBy) {
        long id = snapshots.nextId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        DisclosureContent content = builder.build(id, plan, asOf, now, trigger, evaluation);
        String text;
        try {
            text = frozen.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the status snapshot of plan " + plan.id + " could not be written", e);
        }
        DisclosureSnapshot snapshot = new DisclosureSnapshot();
        snapshot.id = id;
        snapshot.planId = plan.id;
        snapshot.planTitle = plan.title;
        snapshot.asOf = asOf;
        snapshot.publishedAt = now;
        snapshot.publishedBy = publishedBy;
        snapshot.trigger = trigger;
        snapshot.periodKey = periodKey;
        snapshot.evaluationId = evaluation == null ? null : evaluation.id();
        snapshot.content = text;
        snapshot.sha256 = sha256(text.getBytes(StandardCharsets.UTF_8));
        snapshots.persist(snapshot);
        snapshots.flush();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("planId", plan.id);
        after.put("asOf", asOf.toString());
        after.put("trigger", trigger.name());
        after.put("periodKey", periodKey);
        after.put("evaluationId", snapshot.evaluationId);
        after.put("sha256", snapshot.sha256);
        after.put("documents", content.documents().stream().map(DisclosureContent.DocumentRef::documentId).toList());
        audit.record("disclosure.published", "disclosure-snapshot", id, null, after);
        return snapshot;
    }

    private DisclosureScheduleView scheduleView(Plan plan, DisclosureSchedule schedule, LocalDate today) {
        if (schedule == null) {
            return new DisclosureScheduleView(plan.id, null, false, null, null, null, null);
        }
        Optional<DisclosureSnapshot> last = snapshots.find("planId = ?1 and trigger = ?2 order by asOf desc, id desc", plan.id,
                DisclosureTrigger.SCHEDULED).firstResultOptional();
        LocalDate nextDue = null;
        if (schedule.enabled && plan.status == PlanStatus.IN_FORCE) {
            nextDue = snapshots.scheduledFor(plan.id, schedule.interval.periodOf(today)).isPresent()
                    ? schedule.interval.nextPeriodStart(today)
                    : today;
        }
        return new DisclosureScheduleView(plan.id, schedule.interval, schedule.enabled, last.map(s -> s.id).orElse(null),
                last.map(s -> s.asOf).orElse(null), nextDue, schedule.version);
    }

    private static Map<String, Object> auditState(DisclosureSchedule schedule) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("interval", schedule.interval.name());
        state.put("enabled", schedule.enabled);
        return state;
    }

    static DisclosureSummary summary(DisclosureSnapshot s) {
        return new DisclosureSummary(s.id, s.planId, s.planTitle, s.asOf, s.publishedAt, s.trigger, s.evaluationId, s.sha256,
                DisclosureSummary.href(s.id));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
