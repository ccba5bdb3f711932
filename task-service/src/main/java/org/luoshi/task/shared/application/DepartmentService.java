package org.luoshi.task.shared.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.task.shared.api.DepartmentView;
import org.luoshi.task.shared.persistence.DepartmentRepository;

@ApplicationScoped
public class DepartmentService {
    @Inject
    DepartmentRepository departments;

    public List<DepartmentView> list() {
        return departments.listOrdered().stream().map(DepartmentView::of).toList();
    }

    public DepartmentView get(String code) {
        return departments.findByIdOptional(code).map(DepartmentView::of)
                .orElseThrow(() -> new ResourceNotFoundException("department", code));
    }

    public boolean exists(String code) {
        return code != null && departments.findByIdOptional(code).isPresent();
    }
}
