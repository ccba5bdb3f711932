package org.luoshi.task.tracking.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.tracking.domain.MilestoneReport;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MilestoneReportRepository implements PanacheRepositoryBase<MilestoneReport, String> {
}
