package org.luoshi.task.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.domain.MilestoneReport;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MilestoneReportRepository implements PanacheRepositoryBase<MilestoneReport, String> {
}
