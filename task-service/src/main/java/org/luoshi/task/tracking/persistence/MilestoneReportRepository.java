package org.luoshi.task.tracking.persistence;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.tracking.domain.Milestone;
import org.luoshi.task.tracking.domain.MilestoneReport;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MilestoneReportRepository implements PanacheRepositoryBase<MilestoneReport, String> {
    /** A report as a decision reads it: with its lists, and its milestone with the milestone's task and plan (null when gone). */
    public record WithMilestone(MilestoneReport report, Milestone milestone) {
    }

    /**
     * The report with its evidence ids and consolidated reports (rather than one statement per list, when its view is
     * made: a decision answers the report's view before and after; both lists are short, mostly empty), and the
     * report's milestone with its task and plan, as the milestone's visibility rule reads them
     * ({@code MilestoneRepository.findWithTask}): one statement, where a decision read the milestone by a second one.
     */
    public Optional<WithMilestone> findWithListsAndMilestone(String reportKey) {
        return getEntityManager().createQuery("select r, m from MilestoneReport r left join fetch r.evidenceIds"
                + " left join fetch r.consolidates left join Milestone m on m.id = r.milestoneId left join fetch m.task t"
                + " left join fetch t.plan where r.reportKey = ?1", Object[].class)
                // a list, not a stream: the fetched lists are complete only once every row is read
                .setParameter(1, reportKey).getResultList().stream().findFirst()
                .map(row -> new WithMilestone((MilestoneReport) row[0], (Milestone) row[1]));
    }
}
