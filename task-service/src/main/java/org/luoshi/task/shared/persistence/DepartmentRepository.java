package org.luoshi.task.shared.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.shared.domain.Department;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DepartmentRepository implements PanacheRepositoryBase<Department, String> {
    /** Municipal bodies first, then districts, then offices; within a kind by code. */
    public List<Department> listOrdered() {
        return listAll(Sort.by("kind").and("code"));
    }
}
