package org.luoshi.task.shared.domain;

/** 市级部门 / 区 / 办公室. */
public enum DepartmentKind {
    MUNICIPAL, DISTRICT, OFFICE
}
