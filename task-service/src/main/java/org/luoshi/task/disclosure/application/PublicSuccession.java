package org.luoshi.task.disclosure.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.task.disclosure.api.DisclosureContent;
import org.luoshi.task.disclosure.api.PublicSuccessionView;
import org.luoshi.task.disclosure.domain.DisclosureSnapshot;
import org.luoshi.task.disclosure.domain.PublicLabels;
import org.luoshi.task.disclosure.persistence.DisclosureSnapshotRepository;
import org.luoshi.task.evaluation.domain.Evaluation;
import org.luoshi.task.evaluation.domain.EvaluationKind;
import org.luoshi.task.evaluation.domain.EvaluationStatus;
import org.luoshi.task.evaluation.persistence.EvaluationRepository;
import org.luoshi.task.indicator.domain.PlanIndicator;
import org.luoshi.task.indicator.domain.ValueRevision;
import org.luoshi.task.indicator.persistence.IndicatorRepository;
import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.plan.persistence.PlanRepository;
import org.luoshi.task.succession.api.ContinuationView;
import org.luoshi.task.succession.application.SuccessionService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The succession of plans as the public sees it. A plan is here only when it has a published snapshot, and so is each
 * plan it is linked to; the figures are those the snapshots published, never the live ones (a value entered since the
 * last snapshot stays unpublished).
 */
@ApplicationScoped
public class PublicSuccession {
    @Inject
    DisclosureSnapshotRepository snapshots;

    @Inject
    PlanRepository plans;

    @Inject
    IndicatorRepository indicators;

    @Inject
    SuccessionService succession;

    @Inject
    EvaluationRepository evaluations;

    @Inject
    ObjectMapper json;

    /** The published plan's predecessor and successor (when published) and its continued indicators' series. */
    @Transactional
    public PublicSuccessionView of(long planId) {
        Plan plan = published(planId).orElseThrow(() -> new ResourceNotFoundException("published plan", planId));
        Optional<Plan> predecessor = Optional.ofNullable(plan.predecessorId).flatMap(this::published);
        Optional<Plan> successor = plans.find("predecessorId", planId).firstResultOptional()
                .flatMap(p -> published(p.id));
        List<PublicSuccessionView.IndicatorSeries> series = new ArrayList<>();
        PublicSuccessionView.PublicFinalEvaluation finalEvaluation = null;
        if (predecessor.isPresent()) {
            Map<Long, PlanIndicator> byId = indicators.ofPlan(planId).stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
            Map<Long, PlanIndicator> oldById = indicators.ofPlan(predecessor.get().id).stream()
                    .collect(Collectors.toMap(i -> i.id, Function.identity()));
            List<DisclosureContent> oldSnapshots = contents(predecessor.get().id);
            List<DisclosureContent> newSnapshots = contents(planId);
            finalEvaluation = finalEvaluationOf(predecessor.get().id, oldSnapshots);
            for (ContinuationView c : succession.continuationsOf(planId)) {
                PlanIndicator next = byId.get(c.indicatorId());
                PlanIndicator previous = oldById.get(c.previousIndicatorId());
                if (next == null || previous == null) {
                    continue;
                }
                TreeMap<Integer, PublicSuccessionView.Point> points = new TreeMap<>();
                collect(points, predecessor.get().id, oldSnapshots, previous.ordinal);
                collect(points, planId, newSnapshots, next.ordinal);
                Optional<DisclosureContent.IndicatorStatus> latest = newSnapshots.stream().findFirst()
                        .flatMap(s -> s.indicators().stream().filter(i -> i.ordinal() == next.ordinal).findFirst());
                series.add(new PublicSuccessionView.IndicatorSeries(next.name, next.unit,
                        latest.map(DisclosureContent.IndicatorStatus::baselineYear).orElse(null),
                        latest.map(DisclosureContent.IndicatorStatus::baselineValue).orElse(null),
                        latest.isPresent() ? c.baselineRevision().name() : null,
                        latest.isPresent() ? c.baselineSource() : null,
                        List.copyOf(points.values())));
            }
        }
        return new PublicSuccessionView(ref(plan), predecessor.map(PublicSuccession::ref).orElse(null),
                successor.map(PublicSuccession::ref).orElse(null), series, finalEvaluation);
    }

    /**
     * The old plan's newest published final evaluation, as the snapshot its publication published names it, with the
     * report files the old plan's latest snapshot lists for it; none while no final evaluation is published.
     */
    private static PublicSuccessionView.PublicFinalEvaluation finalEvaluationOf(Evaluation evaluation,
            List<DisclosureContent> newestFirst) {
        Optional<DisclosureContent.EvaluationRef> published = newestFirst.stream().map(DisclosureContent::evaluation)
                .filter(e -> e != null && e.id() == evaluation.id).findFirst();
        if (published.isEmpty()) {
            return null;
        }
        List<DisclosureContent.DocumentRef> documents = newestFirst.get(0).documents().stream()
                .filter(d -> evaluation.id.equals(d.evaluationId())).toList();
        return new PublicSuccessionView.PublicFinalEvaluation(evaluation.id, published.get().title(), evaluation.findings,
                evaluation.recommendations, evaluation.publishedAt, documents);
    }

    private PublicSuccessionView.PublicFinalEvaluation finalEvaluationOf(long oldPlanId, List<DisclosureContent> newestFirst) {
        return evaluations.listNewestFirst(oldPlanId).stream()
                .filter(e -> e.kind == EvaluationKind.FINAL && e.status == EvaluationStatus.PUBLISHED).findFirst()
                .map(e -> finalEvaluationOf(e, newestFirst)).orElse(null);
    }

    /** Oldest snapshot first, so that a later publication of the same year's figure replaces an earlier one. */
    private static void collect(TreeMap<Integer, PublicSuccessionView.Point> points, long planId,
            List<DisclosureContent> newestFirst, int ordinal) {
        for (int k = newestFirst.size() - 1; k >= 0; k--) {
            newestFirst.get(k).indicators().stream().filter(i -> i.ordinal() == ordinal && i.latestYear() != null)
                    .findFirst().ifPresent(i -> points.put(i.latestYear(), new PublicSuccessionView.Point(planId,
                            i.latestYear(), i.latestValue(), revisionOf(i.latestRevision()))));
        }
    }

    /** The snapshot says the revision in words (初步数/修订数); the series names it as the API does. */
    private static String revisionOf(String published) {
        for (ValueRevision r : ValueRevision.values()) {
            if (PublicLabels.of(r).equals(published)) {
                return r.name();
            }
        }
        return null;
    }

    private List<DisclosureContent> contents(long planId) {
        return snapshots.ofPlanNewestFirst(planId).stream().map(this::read).toList();
    }

    private DisclosureContent read(DisclosureSnapshot s) {
        try {
            return json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).forType(DisclosureContent.class)
                    .readValue(s.content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("published snapshot " + s.id + " cannot be read", e);
        }
    }

    /** The plan, when it has a published snapshot. */
    Optional<Plan> published(long planId) {
        return snapshots.latestOfPlan(planId).isPresent() ? plans.findByIdOptional(planId) : Optional.empty();
    }

    /** Link fields of the public plan list: the linked plans that are published, else null. */
    public record Links(int periodStart, int periodEnd, Long predecessorPlanId, Long successorPlanId) {
    }

    @Transactional
    public Links links(long planId) {
        Plan plan = plans.findById(planId);
        Long predecessor = plan.predecessorId == null ? null : published(plan.predecessorId).map(p -> p.id).orElse(null);
        Long successor = plans.find("predecessorId", planId).firstResultOptional().flatMap(p -> published(p.id))
                .map(p -> p.id).orElse(null);
        return new Links(plan.periodStart, plan.periodEnd, predecessor, successor);
    }

    private static PublicSuccessionView.PublicPlanRef ref(Plan p) {
        return new PublicSuccessionView.PublicPlanRef(p.id, p.title, p.periodStart, p.periodEnd);
    }
}
