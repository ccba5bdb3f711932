package org.luoshi.task.tracking.persistence;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.tracking.domain.MilestoneReport;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MilestoneReportRepository implements PanacheRepositoryBase<MilestoneReport, String> {
    /**
     * The report with its evidence ids and consolidated reports, in one statement (rather than one per list, when its
     * view is made): a decision answers the report's view before and after. Both lists are short, mostly empty.
     */
    public Optional<MilestoneReport> findWithLists(String reportKey) {
        return find("from MilestoneReport r left join fetch r.evidenceIds left join fetch r.consolidates"
                + " where r.reportKey = ?1", reportKey).singleResultOptional();
    }
}
