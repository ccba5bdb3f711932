package org.luoshi.task.shared.api;

import org.luoshi.task.shared.domain.Department;
import org.luoshi.task.shared.domain.DepartmentKind;

public record DepartmentView(String code, String nameZh, String nameEn, DepartmentKind kind) {
    public static DepartmentView of(Department d) {
        return new DepartmentView(d.code, d.nameZh, d.nameEn, d.kind);
    }
}
